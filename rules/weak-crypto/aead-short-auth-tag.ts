import crypto from 'node:crypto';
import { createDecipheriv } from 'crypto';
import forge from 'node-forge';
import sjcl from 'sjcl';

const SHORT_TAG_BYTES = 8;
const GCM_PARAMS = { name: 'AES-GCM', tagLength: 64 } as const;

export function sealShortTag(key: Buffer, iv: Buffer, data: Buffer) {
  // ruleid: aead-short-auth-tag
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength: 4 });
  return { ct: Buffer.concat([cipher.update(data), cipher.final()]), tag: cipher.getAuthTag() };
}

export function openShortTag(key: Buffer, iv: Buffer, tag: Buffer, data: Buffer) {
  // ruleid: aead-short-auth-tag
  const decipher = createDecipheriv('aes-128-gcm', key, iv, { authTagLength: SHORT_TAG_BYTES });
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

export function ccmTooShort(key: Buffer, nonce: Buffer) {
  // ruleid: aead-short-auth-tag
  return crypto.createCipheriv('aes-256-ccm', key, nonce, { authTagLength: 4 });
}

export function truncatedAfterwards(key: Buffer, iv: Buffer, data: Buffer) {
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(data), cipher.final()]);
  // ruleid: aead-short-auth-tag
  const tag = cipher.getAuthTag().subarray(0, 8);
  return Buffer.concat([iv, ct, tag]);
}

export async function webCrypto(key: CryptoKey, data: Uint8Array) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  // ruleid: aead-short-auth-tag
  return window.crypto.subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 32 }, key, data);
}

export async function webCryptoShared(key: CryptoKey, iv: Uint8Array, data: Uint8Array) {
  // fields spread from a constant object are seen by value
  // ruleid: aead-short-auth-tag
  return crypto.subtle.decrypt({ ...GCM_PARAMS, iv }, key, data);
}

export function forgeGcm(key: string, iv: string, data: string) {
  const cipher = forge.cipher.createCipher('AES-GCM', key);
  // ruleid: aead-short-auth-tag
  cipher.start({ iv, tagLength: 64 });
  cipher.update(forge.util.createBuffer(data));
  cipher.finish();
  return cipher.mode.tag.getBytes();
}

export function sjclGcm(key: sjcl.BitArray, iv: sjcl.BitArray, data: sjcl.BitArray) {
  // ruleid: aead-short-auth-tag
  return sjcl.mode.gcm.encrypt(new sjcl.cipher.aes(key), data, iv, [], 32);
}

export function fullTag(key: Buffer, iv: Buffer) {
  // ok: aead-short-auth-tag
  return crypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
}

export function twelveByteTag(key: Buffer, iv: Buffer) {
  // ok: aead-short-auth-tag
  return crypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength: 12 });
}

export function ccmEight(key: Buffer, nonce: Buffer) {
  // ok: aead-short-auth-tag
  return crypto.createCipheriv('aes-256-ccm', key, nonce, { authTagLength: 8 });
}

export function tagLengthFromCaller(key: Buffer, iv: Buffer, authTagLength: number) {
  // ok: aead-short-auth-tag
  return crypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength });
}

export function ivNotTag(key: Buffer, iv: Buffer, data: Buffer) {
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(data), cipher.final()]);
  // ok: aead-short-auth-tag
  return { ct, tag: cipher.getAuthTag(), prefix: ct.subarray(0, 8) };
}

export async function webCryptoFullTag(key: CryptoKey, data: Uint8Array) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  // ok: aead-short-auth-tag
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 128 }, key, data);
}

export async function aesCtrLengthIsNotATag(key: CryptoKey, counter: Uint8Array, data: Uint8Array) {
  // ok: aead-short-auth-tag
  return crypto.subtle.encrypt({ name: 'AES-CTR', counter, length: 64 }, key, data);
}

export function forgeDefaultTag(key: string, iv: string) {
  const cipher = forge.cipher.createCipher('AES-GCM', key);
  // ok: aead-short-auth-tag
  cipher.start({ iv, tagLength: 128 });
  return cipher;
}
