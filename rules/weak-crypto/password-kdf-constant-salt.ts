import * as crypto from 'node:crypto';
import { pbkdf2Sync, scryptSync } from 'crypto';
import CryptoJS from 'crypto-js';
import argon2 from 'argon2';
import sodium from 'libsodium-wrappers';
import { pbkdf2 } from '@noble/hashes/pbkdf2';
import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';

const SALT = 'c0ffee-static-salt';
const APP_SALT = Buffer.from('my-app-salt-v1');
const config = { kdf: { salt: 'tenant-salt' } } as const;

export function literalSalt(password: string) {
  // ruleid: password-kdf-constant-salt
  return pbkdf2Sync(password, 'salt', 600_000, 32, 'sha256');
}

export function constantSalt(password: string) {
  // ruleid: password-kdf-constant-salt
  return scryptSync(password, SALT, 32, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 });
}

export function constantObjectField(password: string) {
  // ruleid: password-kdf-constant-salt
  return crypto.pbkdf2Sync(password, config.kdf.salt, 600_000, 32, 'sha256');
}

export function bufferVariable(password: string, done: (e: Error | null, k: Buffer) => void) {
  // ruleid: password-kdf-constant-salt
  crypto.scrypt(password, APP_SALT, 32, done);
}

export function zeroSalt(password: string) {
  // ruleid: password-kdf-constant-salt
  return crypto.pbkdf2Sync(password, Buffer.alloc(16), 600_000, 32, 'sha256');
}

export async function webCrypto(material: CryptoKey) {
  // ruleid: password-kdf-constant-salt
  return crypto.subtle.deriveKey({ name: 'PBKDF2', salt: new TextEncoder().encode('static'), iterations: 600000, hash: 'SHA-256' }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
}

export function cryptoJs(password: string) {
  // ruleid: password-kdf-constant-salt
  return CryptoJS.PBKDF2(password, 'app-salt', { keySize: 8, iterations: 600000, hasher: CryptoJS.algo.SHA256 });
}

export async function argon2FixedSalt(password: string) {
  // ruleid: password-kdf-constant-salt
  return argon2.hash(password, { salt: Buffer.from('0123456789abcdef') });
}

export async function libsodium(password: string) {
  await sodium.ready;
  // ruleid: password-kdf-constant-salt
  return sodium.crypto_pwhash(32, password, new Uint8Array(sodium.crypto_pwhash_SALTBYTES), sodium.crypto_pwhash_OPSLIMIT_MODERATE, sodium.crypto_pwhash_MEMLIMIT_MODERATE, sodium.crypto_pwhash_ALG_DEFAULT);
}

export function noble(password: string) {
  // ruleid: password-kdf-constant-salt
  return pbkdf2(sha256, password, utf8ToBytes('fixed'), { c: 600000, dkLen: 32 });
}

// --- negatives ---

export function randomSalt(password: string) {
  const salt = crypto.randomBytes(16);
  // ok: password-kdf-constant-salt
  return { salt, key: pbkdf2Sync(password, salt, 600_000, 32, 'sha256') };
}

export function storedSalt(password: string, user: { salt: string }) {
  // ok: password-kdf-constant-salt
  return scryptSync(password, Buffer.from(user.salt, 'base64'), 32, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 });
}

export function hexEncodedRandomSalt(password: string) {
  // ok: password-kdf-constant-salt
  return crypto.pbkdf2Sync(password, crypto.randomBytes(16).toString('hex'), 600_000, 32, 'sha256');
}

export function hkdfMayUseAFixedSalt(ikm: Buffer) {
  // ok: password-kdf-constant-salt
  return crypto.hkdfSync('sha256', ikm, 'fixed-salt', 'context', 32);
}

export async function argon2GeneratedSalt(password: string) {
  // ok: password-kdf-constant-salt
  return argon2.hash(password, { memoryCost: 65536 });
}

export async function filledAfterAllocation(material: CryptoKey) {
  const salt = new Uint8Array(16);
  crypto.getRandomValues(salt);
  // ok: password-kdf-constant-salt
  return crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations: 600000, hash: 'SHA-256' }, material, 256);
}

export function nodeBufferFilled(password: string) {
  const salt = Buffer.alloc(16);
  crypto.randomFillSync(salt);
  // ok: password-kdf-constant-salt
  return crypto.pbkdf2Sync(password, salt, 600_000, 32, 'sha256');
}

export function libsodiumRandomSalt(password: string) {
  const salt = sodium.randombytes_buf(sodium.crypto_pwhash_SALTBYTES);
  // ok: password-kdf-constant-salt
  return sodium.crypto_pwhash(32, password, salt, sodium.crypto_pwhash_OPSLIMIT_MODERATE, sodium.crypto_pwhash_MEMLIMIT_MODERATE, sodium.crypto_pwhash_ALG_DEFAULT);
}
