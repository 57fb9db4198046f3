import crypto, { createCipheriv, randomBytes } from 'node:crypto';
import CryptoJS from 'crypto-js';
import nacl from 'tweetnacl';

function randomString(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out;
}

const weakBytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(Math.random() * 256));

export function encryptDraft(draft: string) {
  const key = Buffer.from(randomString(32));
  const iv = randomBytes(16);
  // ruleid: math-random-key-material
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return { key, iv, ct: cipher.update(draft, 'utf8', 'base64') + cipher.final('base64') };
}

export function ivFromMathRandom(key: Buffer, data: Buffer) {
  // ruleid: math-random-key-material
  const cipher = crypto.createCipheriv('aes-256-gcm', key, Buffer.from(Math.random().toString(36).slice(2, 14)));
  return cipher.update(data);
}

export function cryptoJsPassphrase(note: string) {
  const passphrase = Math.random().toString(36).substring(2) + Date.now().toString(36);
  // ruleid: math-random-key-material
  return { passphrase, ct: CryptoJS.AES.encrypt(note, passphrase).toString() };
}

export async function webCryptoIv(key: CryptoKey, data: Uint8Array) {
  const iv = new Uint8Array(12).map(() => Math.floor(Math.random() * 256));
  // ruleid: math-random-key-material
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);
}

export function naclNonce(message: Uint8Array, key: Uint8Array) {
  // ruleid: math-random-key-material
  return nacl.secretbox(message, weakBytes(24), key);
}

// --- negatives ---------------------------------------------------------------------

export function secureKey(draft: string) {
  const key = randomBytes(32);
  const iv = randomBytes(16);
  // ok: math-random-key-material
  return createCipheriv('aes-256-cbc', key, iv).update(draft);
}

export async function browserIv(key: CryptoKey, data: Uint8Array) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  // ok: math-random-key-material
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);
}

export function mathRandomForUiOnly(key: Buffer, iv: Buffer, data: Buffer) {
  const jitterMs = Math.floor(Math.random() * 100);
  // ok: math-random-key-material
  return { jitterMs, ct: createCipheriv('aes-256-gcm', key, iv).update(data) };
}

export function requestIdIsNotAKey(key: Buffer, iv: Buffer) {
  const requestId = randomString(8);
  // ok: math-random-key-material
  return { requestId, cipher: createCipheriv('aes-256-gcm', key, iv) };
}

export function cryptoJsRandom(note: string, key: CryptoJS.lib.WordArray) {
  const iv = CryptoJS.lib.WordArray.random(16);
  // ok: math-random-key-material
  return CryptoJS.AES.encrypt(note, key, { iv }).toString();
}
