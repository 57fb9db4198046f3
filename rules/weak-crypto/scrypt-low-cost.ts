import * as crypto from 'node:crypto';
import { scrypt, scryptSync } from 'crypto';
import { promisify } from 'util';
import { scrypt as nobleScrypt } from '@noble/hashes/scrypt';
import scryptJs from 'scrypt-js';
import { scryptSync as vendorScrypt } from './vendor/kdf';

const scryptAsync = promisify(crypto.scrypt);
const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const COST = 16384;

export function nodeDefaults(password: string, salt: Buffer) {
  // ruleid: scrypt-low-cost
  return scryptSync(password, salt, 64);
}

export function callbackDefaults(password: string, salt: Buffer, done: (e: Error | null, k: Buffer) => void) {
  // ruleid: scrypt-low-cost
  scrypt(password, salt, 32, done);
}

export async function promisifiedDefaults(password: string, salt: Buffer) {
  // ruleid: scrypt-low-cost
  return (await scryptAsync(password, salt, 64)) as Buffer;
}

export function explicitLowCost(password: string, salt: Buffer) {
  // ruleid: scrypt-low-cost
  return crypto.scryptSync(password, salt, 32, { N: COST, r: 8, p: 1 });
}

export function constantOptions(password: string, salt: Buffer) {
  // ruleid: scrypt-low-cost
  return crypto.scryptSync(password, salt, 32, SCRYPT_PARAMS);
}

export function aliasNames(password: string, salt: Buffer) {
  // ruleid: scrypt-low-cost
  return crypto.scryptSync(password, salt, 32, { cost: 2 ** 16, blockSize: 8 });
}

export function onlyMaxmem(password: string, salt: Buffer) {
  // ruleid: scrypt-low-cost
  return crypto.scryptSync(password, salt, 32, { maxmem: 128 * 1024 * 1024 });
}

export function smallBlockSize(password: string, salt: Buffer) {
  // ruleid: scrypt-low-cost
  return crypto.scryptSync(password, salt, 32, { N: 2 ** 17, r: 1, p: 1, maxmem: 256 * 1024 * 1024 });
}

export function noble(password: string, salt: string) {
  // ruleid: scrypt-low-cost
  return nobleScrypt(password, salt, { N: 2 ** 14, r: 8, p: 1, dkLen: 32 });
}

export async function scryptJsLow(password: Uint8Array, salt: Uint8Array) {
  // ruleid: scrypt-low-cost
  return scryptJs.scrypt(password, salt, 1024, 8, 1, 32);
}

// --- negatives ---

export function owasp(password: string, salt: Buffer) {
  // ok: scrypt-low-cost
  return crypto.scryptSync(password, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
}

export function owaspTradeOff(password: string, salt: Buffer) {
  // ok: scrypt-low-cost
  return crypto.scryptSync(password, salt, 32, { N: 2 ** 14, r: 8, p: 5 });
}

export function owaspTradeOffDefaultR(password: string, salt: Buffer) {
  // ok: scrypt-low-cost
  return crypto.scryptSync(password, salt, 32, { cost: 65536, parallelization: 2, maxmem: 256 * 1024 * 1024 });
}

export function unknownOptions(password: string, salt: Buffer, options: crypto.ScryptOptions) {
  // ok: scrypt-low-cost
  return crypto.scryptSync(password, salt, 32, options);
}

export function nobleStrong(password: string, salt: string) {
  // ok: scrypt-low-cost
  return nobleScrypt(password, salt, { N: 2 ** 17, r: 8, p: 1, dkLen: 32 });
}

export async function scryptJsStrong(password: Uint8Array, salt: Uint8Array) {
  // ok: scrypt-low-cost
  return scryptJs.scrypt(password, salt, 131072, 8, 1, 32);
}

export function otherLibrary(password: string, salt: Buffer) {
  // ok: scrypt-low-cost
  return vendorScrypt(password, salt, 64);
}
