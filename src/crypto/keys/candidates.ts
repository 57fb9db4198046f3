import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputFileError } from '../input-file-error.js';
import { readYaml, validateYaml } from '../yaml-input.js';

/** A key someone suspects encrypts the samples: text (hex, base64, passphrase) or raw bytes. */
export interface CandidateKey {
  value: string | Uint8Array;
  /** Where it came from, e.g. "keys.txt:3" or "src/crypto.ts:12": reports show this, never the key. */
  label: string;
}

const KEYS_FILE = z.strictObject({
  keys: z.array(z.union([z.string().min(1), z.strictObject({ key: z.string().min(1), source: z.string().optional() })])).min(1),
});

/**
 * `--keys FILE`: one candidate per line (blank lines and `#` comments skipped), or YAML starting with
 * `keys:` whose items are strings or `{key, source}`.
 */
export function readCandidateKeys(path: string, displayName: string): CandidateKey[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputFileError(displayName, 0, 0, `cannot read the candidate-keys file: ${(error as Error).message}`);
  }
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '' && !line.trim().startsWith('#'));
  if (firstLine === undefined) throw new InputFileError(displayName, 1, 1, 'expected at least one candidate key (one per line, or YAML "keys:")');
  if (/^keys:\s*$/.test(firstLine.trim())) {
    const input = readYaml(displayName, text);
    const document = validateYaml(input, KEYS_FILE);
    return document.keys.map((item, index) => {
      const line = input.positionOf(['keys', index]).line;
      return typeof item === 'string' ? { value: item, label: `${displayName}:${line}` } : { value: item.key, label: item.source ?? `${displayName}:${line}` };
    });
  }
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ value: line.trim(), label: `${displayName}:${index + 1}` }))
    .filter((candidate) => candidate.value !== '' && !candidate.value.startsWith('#'));
}
