// A large, ordinary-looking TypeScript module for measuring how the scanner's cost grows with one
// file's size: a repeated "unit" of crypto helpers (key constants, ciphers, HMACs, key derivation,
// loggers, fetches, classes), each unit with its own names so nothing is a verbatim repeat.
// Deterministic: the same size gives the same text, byte for byte.
//
//   node bench/lib/large-module.mjs SIZE [OUT]    SIZE in bytes, or with k/m (1m = 1,048,576 bytes)
//
// Also imported by tests (largeModule(bytes)) to build a modest file that was catastrophic before
// per-file cost followed size.

const HEADER = `import * as crypto from 'node:crypto';
import { Buffer } from 'node:buffer';

const logger = { info: (...args: unknown[]) => console.log(...args) };
declare function loadSetting(name: string): string | undefined;
`;

/** One unit of the module: every identifier carries the unit number. */
function unit(n) {
  const hex = (n * 2654435761 >>> 0).toString(16).padStart(8, '0').repeat(8);
  return `
// ---- unit ${n} ----
const STATIC_KEY_${n} = Buffer.from('${hex}', 'hex');
const FALLBACK_SECRET_${n} = loadSetting('SECRET_${n}') || 'fallback-secret-${n}';
const ROUNDS_${n} = ${1000 + (n % 7) * 1000};

export function encryptRecord${n}(plain: string, key: Buffer): { iv: string; data: string; tag: string } {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return { iv: iv.toString('hex'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('hex') };
}

export function decryptRecord${n}(record: { iv: string; data: string; tag: string }, key: Buffer): string {
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(record.iv, 'hex'));
  decipher.setAuthTag(Buffer.from(record.tag, 'hex'));
  return Buffer.concat([decipher.update(Buffer.from(record.data, 'base64')), decipher.final()]).toString('utf8');
}

export function sealWithStaticKey${n}(plain: string): string {
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('aes-256-cbc', STATIC_KEY_${n}, iv);
  return iv.toString('hex') + cipher.update(plain, 'utf8', 'hex') + cipher.final('hex');
}

export function signPayload${n}(payload: object): string {
  const body = JSON.stringify(payload);
  return crypto.createHmac('sha256', FALLBACK_SECRET_${n}).update(body).digest('hex');
}

export function deriveKey${n}(password: string, salt: Buffer): Buffer {
  return crypto.pbkdf2Sync(password, salt, ROUNDS_${n}, 32, 'sha256');
}

export async function uploadBackup${n}(userId: string, password: string): Promise<void> {
  const salt = crypto.randomBytes(16);
  const key = deriveKey${n}(password, salt);
  const sealed = encryptRecord${n}(JSON.stringify({ userId, at: Date.now() }), key);
  logger.info('uploading backup', userId, sealed.iv.length);
  await fetch('/api/backup/${n}', { method: 'POST', body: JSON.stringify({ salt: salt.toString('hex'), sealed }) });
}

export class Session${n} {
  private readonly key: Buffer;
  private counter = 0;

  constructor(secret: Buffer) {
    this.key = crypto.createHash('sha256').update(secret).digest();
  }

  next(label: string): string {
    this.counter += 1;
    const mac = crypto.createHmac('sha256', this.key);
    mac.update(label + ':' + this.counter);
    return mac.digest('base64url');
  }

  rotate(): Buffer {
    const fresh = crypto.randomBytes(32);
    const wrapped = encryptRecord${n}(fresh.toString('hex'), this.key);
    logger.info('rotated session key', wrapped.tag);
    return fresh;
  }
}
`;
}

/** The module text, as close to `bytes` long as whole units allow (never shorter). */
export function largeModule(bytes) {
  const parts = [HEADER];
  let length = HEADER.length;
  for (let n = 0; length < bytes; n++) {
    const next = unit(n);
    parts.push(next);
    length += next.length;
  }
  return parts.join('');
}

function parseSize(text) {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text ?? '');
  if (!match) throw new Error('usage: large-module.mjs SIZE [OUT]   (SIZE like 1m, 300k or 500000)');
  const scale = { '': 1, k: 1024, m: 1024 * 1024 }[match[2].toLowerCase()];
  return Math.round(Number(match[1]) * scale);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = largeModule(parseSize(process.argv[2]));
  const out = process.argv[3];
  if (out) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(out, text);
  } else {
    process.stdout.write(text);
  }
}
