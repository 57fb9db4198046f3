import crypto from 'node:crypto';
const { createDecipheriv: open } = require('crypto');

enum Cipher {
  Legacy = 'aes-128-ecb',
  Modern = 'aes-256-gcm',
}
const MODE = 'ecb';

export function literal(key: Buffer) {
  // ruleid: node-ecb-mode
  return crypto.createCipheriv('aes-256-ecb', key, null);
}

export function enumMember(key: Buffer) {
  // ruleid: node-ecb-mode
  return crypto.createCipheriv(Cipher.Legacy, key, null);
}

export function decipherAlias(key: Buffer) {
  // ruleid: node-ecb-mode
  return open(`aes-192-${MODE}`, key, null);
}

export function multiline(key: Buffer) {
  // ruleid: node-ecb-mode
  const cipher = crypto.createCipheriv(
    'AES-128-ECB',
    key,
    null,
  );
  return cipher;
}

export function gcm(key: Buffer, iv: Buffer) {
  // ok: node-ecb-mode
  return crypto.createCipheriv(Cipher.Modern, key, iv);
}

export function cbc(key: Buffer, iv: Buffer) {
  // ok: node-ecb-mode
  return crypto.createCipheriv('aes-256-cbc', key, iv);
}

export function notACipher() {
  // ok: node-ecb-mode
  return crypto.createHash('sha256').update('aes-256-ecb').digest('hex');
}
