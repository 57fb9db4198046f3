import * as crypto from 'node:crypto';
import CryptoJS from 'crypto-js';
import { KDF_DEFAULTS, KDF_STRONG, WEBCRYPTO_PBKDF2 } from './kdf-config';

interface KdfOverrides {
  iterations?: number;
  digest?: string;
}

export function deriveWithDefaults(password: string, salt: Buffer, overrides: KdfOverrides) {
  // the defaults hold unless the caller overrides them
  const options = { ...KDF_DEFAULTS, ...overrides };
  // ruleid: pbkdf2-low-iterations
  return crypto.pbkdf2Sync(password, salt, options.iterations, options.keyLength, options.digest);
}

export function deriveMerged(password: string, salt: Buffer, overrides: KdfOverrides) {
  const options = Object.assign({}, KDF_DEFAULTS, overrides);
  // ruleid: pbkdf2-low-iterations
  return crypto.pbkdf2Sync(password, salt, options.iterations, 32, options.digest);
}

export function deriveCryptoJs(password: string, salt: string, overrides: KdfOverrides) {
  // ruleid: pbkdf2-low-iterations
  return CryptoJS.PBKDF2(password, salt, { keySize: 8, ...KDF_DEFAULTS, ...overrides, hasher: CryptoJS.algo.SHA256 });
}

export async function deriveWebCrypto(key: CryptoKey, salt: Uint8Array) {
  // ruleid: pbkdf2-low-iterations
  return crypto.subtle.deriveBits({ ...WEBCRYPTO_PBKDF2, salt }, key, 256);
}

export function deriveStrongOverride(password: string, salt: Buffer) {
  // a later spread replaces the weak default
  const options = { ...KDF_DEFAULTS, ...KDF_STRONG };
  // ok: pbkdf2-low-iterations
  return crypto.pbkdf2Sync(password, salt, options.iterations, options.keyLength, options.digest);
}

export function deriveExplicitCount(password: string, salt: Buffer, iterations: number) {
  // the count is the caller's, not a constant
  const options = { ...KDF_DEFAULTS, iterations };
  // ok: pbkdf2-low-iterations
  return crypto.pbkdf2Sync(password, salt, options.iterations, options.keyLength, options.digest);
}

export function deriveRaised(password: string, salt: Buffer) {
  const options = { ...KDF_DEFAULTS };
  options.iterations = 600_000;
  // ok: pbkdf2-low-iterations
  return crypto.pbkdf2Sync(password, salt, options.iterations, options.keyLength, options.digest);
}

export async function deriveWebCryptoRaised(key: CryptoKey, salt: Uint8Array) {
  // ok: pbkdf2-low-iterations
  return crypto.subtle.deriveBits({ ...WEBCRYPTO_PBKDF2, iterations: 600_000, salt }, key, 256);
}
