import { createHash, pbkdf2Sync } from 'node:crypto';
import { decodeBase64 } from '../decode/base64.js';
import type { CandidateKey } from './candidates.js';

export interface DerivedKey {
  bytes: Uint8Array;
  how: string;
}

const KEY_LENGTHS: ReadonlySet<number> = new Set([16, 24, 32, 48, 64]);

/** The ways code usually turns a key string into key bytes: hex, base64, raw UTF-8, or SHA-256 of it. */
export function directKeys(candidate: CandidateKey): DerivedKey[] {
  if (candidate.value instanceof Uint8Array) return KEY_LENGTHS.has(candidate.value.length) ? [{ bytes: candidate.value, how: 'raw bytes' }] : [];
  const text = candidate.value;
  const keys: DerivedKey[] = [];
  if (/^([0-9a-fA-F]{2})+$/.test(text) && KEY_LENGTHS.has(text.length / 2)) keys.push({ bytes: Buffer.from(text, 'hex'), how: 'hex' });
  const base64 = /^[A-Za-z0-9+/_-]+={0,2}$/.test(text) ? decodeBase64(text) : undefined;
  if (base64 && KEY_LENGTHS.has(base64.bytes.length)) keys.push({ bytes: base64.bytes, how: base64.variant });
  const utf8 = Buffer.from(text, 'utf8');
  if (KEY_LENGTHS.has(utf8.length)) keys.push({ bytes: utf8, how: 'UTF-8 bytes' });
  keys.push({ bytes: createHash('sha256').update(utf8).digest(), how: 'SHA-256 of the text' });
  return keys;
}

export function passphraseOf(candidate: CandidateKey): Uint8Array {
  return typeof candidate.value === 'string' ? Buffer.from(candidate.value, 'utf8') : candidate.value;
}

/** OpenSSL's EVP_BytesToKey with one iteration: D_i = H(D_{i-1} ‖ pass ‖ salt) until enough bytes. */
function evpBytesToKey(passphrase: Uint8Array, salt: Uint8Array, hash: 'md5' | 'sha256', length: number): Uint8Array {
  const output: Buffer[] = [];
  let previous = Buffer.alloc(0);
  let total = 0;
  while (total < length) {
    previous = createHash(hash).update(previous).update(passphrase).update(salt).digest();
    output.push(previous);
    total += previous.length;
  }
  return Buffer.concat(output).subarray(0, length);
}

/** Key and IV material for a Salted__ sample under each KDF that OpenSSL or CryptoJS may have used. */
export function saltedKeyMaterial(passphrase: Uint8Array, salt: Uint8Array): { kdf: string; material: Uint8Array }[] {
  return [
    { kdf: 'EVP_BytesToKey MD5, 1 iteration', material: evpBytesToKey(passphrase, salt, 'md5', 48) },
    { kdf: 'EVP_BytesToKey SHA-256, 1 iteration', material: evpBytesToKey(passphrase, salt, 'sha256', 48) },
    { kdf: 'PBKDF2-SHA256, 10,000 iterations', material: pbkdf2Sync(passphrase, salt, 10_000, 48, 'sha256') },
  ];
}
