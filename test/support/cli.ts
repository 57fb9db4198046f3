import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BINARY = join(REPO_ROOT, 'dist/cli/main.js');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Each test file's scans share one result cache, away from the user's own. */
const TEST_CACHE_HOME = mkdtempSync(join(tmpdir(), 'nobackdoor-test-cache-'));

/** Runs the built CLI as a user would, in its own process. */
export function runBinary(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): RunResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: TEST_CACHE_HOME, ...options.env };
  delete env.FORCE_COLOR;
  if (options.env?.FORCE_COLOR) env.FORCE_COLOR = options.env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [BINARY, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env,
    encoding: 'utf8',
    input: options.input ?? '',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder with the given files (path → text or bytes). */
export function makeProject(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'nobackdoor-test-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

export function parseJson(stdout: string): {
  findings: Array<Record<string, unknown> & { ruleId: string; file: string; line: number; severity: string; context?: string }>;
  errors: Array<{ file?: string; message: string; kind: string; line?: number; column?: number; ruleId?: string }>;
  warnings: Array<{ file?: string; message: string; kind: string }>;
  stats: Record<string, number>;
} {
  return JSON.parse(stdout);
}
