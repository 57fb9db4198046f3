import * as crypto from 'node:crypto';
import { pbkdf2Sync } from 'crypto';
import { promisify } from 'node:util';
import CryptoJS from 'crypto-js';
import forge from 'node-forge';
import { pbkdf2 as noblePbkdf2 } from '@noble/hashes/pbkdf2';
import { sha256 } from '@noble/hashes/sha2';
import PBKDF2 from 'crypto-js/pbkdf2';
import { pbkdf2 as pbkdf2FromAnotherLib } from './vendor/kdf';

const ITERATIONS = 10_000;
const KDF = { iterations: 100_000, digest: 'sha512' } as const;
const pbkdf2Async = promisify(crypto.pbkdf2);

export function legacyLogin(password: string, salt: Buffer) {
  // ruleid: pbkdf2-low-iterations
  return pbkdf2Sync(password, salt, 1000, 32, 'sha256');
}

export function constantCount(password: string, salt: Buffer) {
  // ruleid: pbkdf2-low-iterations
  return crypto.pbkdf2Sync(password, salt, ITERATIONS, 64, 'sha512');
}

export function sha256BelowOwasp(password: string, salt: Buffer, done: (err: Error | null, key: Buffer) => void) {
  // ruleid: pbkdf2-low-iterations
  crypto.pbkdf2(password, salt, 310_000, 32, 'sha256', done);
}

export function sha1NeedsMore(password: string, salt: Buffer) {
  // ruleid: pbkdf2-low-iterations
  return crypto.pbkdf2Sync(password, salt, 600_000, 20, 'sha1');
}

export async function constantObject(password: string, salt: Buffer) {
  // ruleid: pbkdf2-low-iterations
  return pbkdf2Async(password, salt, KDF.iterations, 64, KDF.digest);
}

export async function webCrypto(password: string, salt: Uint8Array) {
  const material = await globalThis.crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveKey']);
  // ruleid: pbkdf2-low-iterations
  return globalThis.crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations: 100000, hash: 'SHA-256' }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export function cryptoJsExplicitHasher(password: string, salt: string) {
  // ruleid: pbkdf2-low-iterations
  return CryptoJS.PBKDF2(password, salt, { keySize: 256 / 32, iterations: 1000, hasher: CryptoJS.algo.SHA256 });
}

export function cryptoJsDefaultHasher(password: string, salt: string) {
  // ruleid: pbkdf2-low-iterations
  return CryptoJS.PBKDF2(password, salt, { keySize: 8, iterations: 250000 });
}

export function cryptoJsModule(password: string, salt: string) {
  // ruleid: pbkdf2-low-iterations
  return PBKDF2(password, salt, { keySize: 8, iterations: 5000 }).toString();
}

export function forgeDefaultSha1(password: string, salt: string) {
  // ruleid: pbkdf2-low-iterations
  return forge.pkcs5.pbkdf2(password, salt, 100000, 32);
}

export function forgeSha256(password: string, salt: string) {
  // ruleid: pbkdf2-low-iterations
  return forge.pkcs5.pbkdf2(password, salt, 20000, 32, forge.md.sha256.create());
}

export function noble(password: string, salt: Uint8Array) {
  // ruleid: pbkdf2-low-iterations
  return noblePbkdf2(sha256, password, salt, { c: 2 ** 18, dkLen: 32 });
}

// --- negatives ---

export function owaspSha256(password: string, salt: Buffer) {
  // ok: pbkdf2-low-iterations
  return pbkdf2Sync(password, salt, 600_000, 32, 'sha256');
}

export function owaspSha512(password: string, salt: Buffer) {
  // ok: pbkdf2-low-iterations
  return crypto.pbkdf2Sync(password, salt, 210000, 64, 'sha512');
}

export function owaspSha1(password: string, salt: Buffer) {
  // ok: pbkdf2-low-iterations
  return crypto.pbkdf2Sync(password, salt, 1_300_000, 20, 'sha1');
}

export function configuredCount(password: string, salt: Buffer, iterations: number) {
  // ok: pbkdf2-low-iterations
  return crypto.pbkdf2Sync(password, salt, iterations, 32, 'sha256');
}

export function cryptoJsStrong(password: string, salt: string) {
  // ok: pbkdf2-low-iterations
  return CryptoJS.PBKDF2(password, salt, { keySize: 16, iterations: 250000, hasher: CryptoJS.algo.SHA512 });
}

export async function webCryptoStrong(password: CryptoKey, salt: Uint8Array) {
  // ok: pbkdf2-low-iterations
  return globalThis.crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations: 600000, hash: { name: 'SHA-256' } }, password, 256);
}

export function hkdfIsNotPbkdf2(ikm: Buffer, salt: Buffer) {
  // ok: pbkdf2-low-iterations
  return crypto.hkdfSync('sha256', ikm, salt, 'info', 32);
}

export function otherLibrary(password: string, salt: Buffer) {
  // ok: pbkdf2-low-iterations
  return pbkdf2FromAnotherLib(password, salt, 1000, 32, 'sha256');
}
