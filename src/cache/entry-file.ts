import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * One cache entry on disk: a header line `nobackdoor-cache 1 <length> <sha256>` and a JSON body.
 * The header lets a reader tell a whole entry from one cut short, overwritten halfway or corrupted:
 * such an entry reads as missing, never as data.
 */
const MAGIC = 'nobackdoor-cache 1';

export function writeEntry(path: string, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  const header = Buffer.from(`${MAGIC} ${body.length} ${sha256(body)}\n`, 'utf8');
  mkdirSync(dirname(path), { recursive: true });
  // Written beside the entry and renamed over it: a reader sees the old entry or the new one, whole.
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([header, body]));
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The entry's value, or undefined when it is missing or not whole (then it is removed). */
export function readEntry(path: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  const value = decodeEntry(bytes);
  if (value === undefined) rmSync(path, { force: true });
  return value;
}

function decodeEntry(bytes: Buffer): unknown {
  const newline = bytes.indexOf(10);
  if (newline < 0) return undefined;
  const header = /^nobackdoor-cache 1 (\d+) ([0-9a-f]{64})$/.exec(bytes.subarray(0, newline).toString('utf8'));
  if (!header) return undefined;
  const body = bytes.subarray(newline + 1);
  if (body.length !== Number(header[1]) || sha256(body) !== header[2]) return undefined;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
