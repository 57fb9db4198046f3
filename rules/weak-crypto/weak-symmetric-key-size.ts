import crypto, { pbkdf2Sync, scryptSync } from 'node:crypto';
import CryptoJS from 'crypto-js';
import forge from 'node-forge';
import sjcl from 'sjcl';

const KEY_BYTES = 8;
const KDF_SETTINGS = { keySize: 64 / 32, iterations: 10000 };

export function sessionMacKey() {
  // ruleid: weak-symmetric-key-size
  return crypto.generateKeySync('hmac', { length: 64 });
}

export async function browserMacKey() {
  // ruleid: weak-symmetric-key-size
  return crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 64 }, false, ['sign', 'verify']);
}

export async function derivedAesKey(baseKey: CryptoKey, salt: Uint8Array) {
  // ruleid: weak-symmetric-key-size
  return crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations: 600000, hash: 'SHA-256' }, baseKey, { name: 'AES-CBC', length: 64 }, false, ['encrypt']);
}

export function pbkdf2Short(password: string, salt: Buffer) {
  // ruleid: weak-symmetric-key-size
  return pbkdf2Sync(password, salt, 600000, KEY_BYTES, 'sha256');
}

export function scryptShort(password: string, salt: Buffer) {
  // ruleid: weak-symmetric-key-size
  return scryptSync(password, salt, 8);
}

export function cryptoJsWords(password: string, salt: CryptoJS.lib.WordArray) {
  // ruleid: weak-symmetric-key-size
  return CryptoJS.PBKDF2(password, salt, KDF_SETTINGS);
}

export function forgeBytes(password: string, salt: string) {
  // ruleid: weak-symmetric-key-size
  return forge.pkcs5.pbkdf2(password, salt, 100000, 8);
}

export function forgeExportRc2(key: forge.util.ByteStringBuffer) {
  // ruleid: weak-symmetric-key-size
  return forge.rc2.createEncryptionCipher(key, 40);
}

export function sjclBits(password: string, salt: sjcl.BitArray) {
  // ruleid: weak-symmetric-key-size
  return sjcl.misc.pbkdf2(password, salt, 10000, 64);
}

export function strongHmac() {
  // ok: weak-symmetric-key-size
  return crypto.generateKeySync('hmac', { length: 256 });
}

export async function strongAes() {
  // ok: weak-symmetric-key-size
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

export function pbkdf2Full(password: string, salt: Buffer) {
  // ok: weak-symmetric-key-size
  return pbkdf2Sync(password, salt, 600000, 32, 'sha256');
}

export function scryptFromConfig(password: string, salt: Buffer, keyLength: number) {
  // ok: weak-symmetric-key-size
  return scryptSync(password, salt, keyLength);
}

export function cryptoJsFull(password: string, salt: CryptoJS.lib.WordArray) {
  // ok: weak-symmetric-key-size
  return CryptoJS.PBKDF2(password, salt, { keySize: 256 / 32, iterations: 600000 });
}

export function rsaModulusIsAnotherRule() {
  // ok: weak-symmetric-key-size
  return crypto.generateKeyPairSync('rsa', { modulusLength: 4096 });
}

export function unrelatedLength(list: { length: number }) {
  // ok: weak-symmetric-key-size
  return Array.from({ length: 8 }, () => list.length);
}
