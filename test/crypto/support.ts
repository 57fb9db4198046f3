import { createCipheriv, createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inspect, type InspectOptions, type InspectResult } from '../../src/crypto/inspect.js';
import type { Finding } from '../../src/report/finding.js';

export interface InspectFilesOptions {
  /** Contents of an authorized-recipients YAML file, written beside (not among) the samples. */
  authorized?: string;
  /** Contents of a candidate-keys file. */
  keys?: string;
  lines?: boolean;
}

/** Writes samples to a fresh folder and inspects it: the same path users take. */
export async function inspectFiles(files: Record<string, string | Uint8Array>, options: InspectFilesOptions = {}): Promise<InspectResult> {
  const root = mkdtempSync(join(tmpdir(), 'nobackdoor-inspect-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(root, 'samples', name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  const inspectOptions: InspectOptions = { samples: ['samples'], cwd: root, lines: options.lines ?? false };
  if (options.authorized !== undefined) {
    writeFileSync(join(root, 'authorized.yaml'), options.authorized);
    inspectOptions.authorized = 'authorized.yaml';
  }
  if (options.keys !== undefined) {
    writeFileSync(join(root, 'keys.txt'), options.keys);
    inspectOptions.keys = 'keys.txt';
  }
  return inspect(inspectOptions);
}

export function findingsOf(report: InspectResult, ruleId: string): Finding[] {
  return report.findings.filter((finding) => finding.ruleId === ruleId);
}

/** Rule ids except the per-sample summary and inventory, which every run has. */
export function ruleIds(report: InspectResult): string[] {
  return [...new Set(report.findings.map((finding) => finding.ruleId))].filter((id) => id !== 'fmt.summary' && id !== 'escrow.recipient-inventory').sort();
}

export function summaryOf(report: InspectResult, file: string): string {
  const summary = report.findings.find((finding) => finding.ruleId === 'fmt.summary' && finding.file === file);
  if (!summary) throw new Error(`no summary for ${file}: ${report.findings.map((finding) => finding.file).join(', ')}`);
  return summary.message;
}

/** Deterministic pseudo-random bytes: an AES-256-CTR keystream under a key derived from the seed. */
export function keystream(seed: string | number, length: number): Uint8Array {
  const key = createHash('sha256').update(`seed:${seed}`).digest();
  return new Uint8Array(createCipheriv('aes-256-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(length)));
}

/** Indents an armoured block so it can sit under a YAML list item with `- |`. */
export function yamlBlock(text: string, indent = 6): string {
  return text
    .trim()
    .split('\n')
    .map((line) => `${' '.repeat(indent)}${line}`)
    .join('\n');
}
