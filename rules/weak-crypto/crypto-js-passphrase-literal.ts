import CryptoJS from 'crypto-js';
import { AES, enc, lib } from 'crypto-js';
import AESModule from 'crypto-js/aes';
const CJ = require('crypto-js');

const SECRET_KEY = 'my-super-secret-key-123';
const settings = { storage: { passphrase: 'local-storage-key' } } as const;

export function saveToken(token: string) {
  // ruleid: crypto-js-passphrase-literal
  localStorage.setItem('token', CryptoJS.AES.encrypt(token, 'secret key 123').toString());
}

export function readToken(): string {
  const stored = localStorage.getItem('token') ?? '';
  // ruleid: crypto-js-passphrase-literal
  return CryptoJS.AES.decrypt(stored, SECRET_KEY).toString(CryptoJS.enc.Utf8);
}

export function namedImport(data: object) {
  // ruleid: crypto-js-passphrase-literal
  return AES.encrypt(JSON.stringify(data), settings.storage.passphrase).toString();
}

export function moduleImport(data: string) {
  // ruleid: crypto-js-passphrase-literal
  return AESModule.encrypt(data, `prefix-${SECRET_KEY}`).toString();
}

export function requireStyle(data: string) {
  // ruleid: crypto-js-passphrase-literal
  return CJ.TripleDES.encrypt(data, 'legacy').toString();
}

// --- negatives ---

export function wordArrayKey(data: string, keyHex: string) {
  const key = enc.Hex.parse(keyHex);
  const iv = lib.WordArray.random(16);
  // ok: crypto-js-passphrase-literal
  return AES.encrypt(data, key, { iv }).toString();
}

export function runtimePassphrase(data: string, passphrase: string) {
  // ok: crypto-js-passphrase-literal
  return CryptoJS.AES.encrypt(data, passphrase).toString();
}

export function parsedLiteralKeyIsAnotherRule(data: string) {
  // ok: crypto-js-passphrase-literal
  return CryptoJS.AES.encrypt(data, CryptoJS.enc.Utf8.parse('0123456789abcdef'), { iv: CryptoJS.lib.WordArray.random(16) }).toString();
}

export function hashIsNotEncryption(data: string) {
  // ok: crypto-js-passphrase-literal
  return CryptoJS.HmacSHA256(data, 'not-a-cipher').toString();
}

export function otherEncryptApi(vault: { encrypt(a: string, b: string): string }, data: string) {
  // ok: crypto-js-passphrase-literal
  return vault.encrypt(data, 'literal');
}
