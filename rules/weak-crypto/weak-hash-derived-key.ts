import * as crypto from 'crypto';
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import CryptoJS from 'crypto-js';
import md5 from 'md5';
import forge from 'node-forge';

const SECRET = process.env.ATTACHMENT_SECRET ?? '';

export function encryptInline(data: Buffer, secret: string) {
  const iv = crypto.randomBytes(16);
  // ruleid: weak-hash-derived-key
  const cipher = crypto.createCipheriv('aes-128-cbc', crypto.createHash('md5').update(secret).digest(), iv);
  return Buffer.concat([iv, cipher.update(data), cipher.final()]);
}

export function decryptWithDerivedVariable(blob: Buffer) {
  // ruleid: weak-hash-derived-key
  const key = createHash('sha1').update(SECRET).digest().subarray(0, 16);
  const decipher = createDecipheriv('aes-128-gcm', key, blob.subarray(0, 12));
  decipher.setAuthTag(blob.subarray(blob.length - 16));
  return Buffer.concat([decipher.update(blob.subarray(12, blob.length - 16)), decipher.final()]);
}

export function hexKeyFromMd5Package(data: string, passphrase: string) {
  // ruleid: weak-hash-derived-key
  const key = Buffer.from(md5(passphrase), 'hex');
  const iv = crypto.randomBytes(16);
  return createCipheriv('aes-128-cbc', key, iv).update(data, 'utf8', 'base64');
}

export function cryptoJsKey(message: string, secret: string) {
  const iv = CryptoJS.lib.WordArray.random(16);
  // ruleid: weak-hash-derived-key
  return CryptoJS.AES.encrypt(message, CryptoJS.MD5(secret), { iv }).toString();
}

export async function webCryptoKey(secret: string) {
  // ruleid: weak-hash-derived-key
  const raw = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(secret));
  return crypto.subtle.importKey('raw', raw.slice(0, 16), 'AES-GCM', false, ['encrypt']);
}

// --- negatives ---

export function hkdfKey(data: Buffer, master: Buffer, salt: Buffer) {
  const key = Buffer.from(crypto.hkdfSync('sha256', master, salt, 'attachments v1', 32));
  const iv = crypto.randomBytes(12);
  // ok: weak-hash-derived-key
  return createCipheriv('aes-256-gcm', key, iv).update(data);
}

export function md5OnlyForTheIvName(data: Buffer, key: Buffer, name: string) {
  const iv = crypto.randomBytes(16);
  // ok: weak-hash-derived-key
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const etag = createHash('md5').update(data).digest('hex');
  return { etag, name, out: cipher.update(data) };
}

export function sha256OfRandomSecret(data: Buffer) {
  // ok: weak-hash-derived-key
  const key = createHash('sha256').update(SECRET).digest();
  return createCipheriv('aes-256-gcm', key, crypto.randomBytes(12)).update(data);
}

// --- node-forge ---------------------------------------------------------------------

export function forgeMd5Key(secret: string, data: string) {
  const md = forge.md.md5.create();
  md.update(secret);
  // ruleid: weak-hash-derived-key
  const forgeKey = md.digest().getBytes();
  const cipher = forge.cipher.createCipher('AES-CBC', forgeKey);
  cipher.start({ iv: forge.random.getBytesSync(16) });
  cipher.update(forge.util.createBuffer(data));
  cipher.finish();
  return cipher.output.getBytes();
}

export function forgeInlineSha1Key(secret: string) {
  // ruleid: weak-hash-derived-key
  return forge.cipher.createDecipher('AES-CBC', forge.md.sha1.create().update(secret).digest().getBytes().slice(0, 16));
}

export function forgeEvpBytesToKey(password: string, salt: string) {
  // ruleid: weak-hash-derived-key
  const derived = forge.pbe.opensslDeriveBytes(password, salt, 48);
  return forge.cipher.createCipher('AES-CBC', derived.slice(0, 32));
}

export function forgeSha256Key(secret: string) {
  const md = forge.md.sha256.create();
  md.update(secret);
  const strongerKey = md.digest().getBytes();
  // ok: weak-hash-derived-key
  return forge.cipher.createCipher('AES-CBC', strongerKey);
}

export function forgeMd5Checksum(data: string, key: string) {
  const md = forge.md.md5.create();
  md.update(data);
  const checksum = md.digest().toHex();
  // ok: weak-hash-derived-key
  return { checksum, cipher: forge.cipher.createCipher('AES-CBC', key) };
}
