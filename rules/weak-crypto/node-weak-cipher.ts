import * as crypto from 'node:crypto';
import nodeCrypto from 'crypto';
import { createCipheriv as makeCipher, createDecipheriv } from 'node:crypto';
import { createCipheriv as lookalike } from './vendor/fake-crypto';

const { createCipheriv: requiredCipher } = require('crypto');
const LEGACY_ALGORITHM = 'des-ede3-cbc';
const SETTINGS = { cipher: 'bf-cbc', keyBytes: 16 } as const;
const suffix = 'cbc';

export function namespaceImport(key: Buffer, iv: Buffer) {
  // ruleid: node-weak-cipher
  return crypto.createCipheriv('des-cbc', key, iv);
}

export function defaultImport(key: Buffer, iv: Buffer) {
  // ruleid: node-weak-cipher
  return nodeCrypto.createCipheriv('RC4', key, iv);
}

export function renamedNamedImport(key: Buffer, iv: Buffer) {
  // ruleid: node-weak-cipher
  return makeCipher('des-ede3', key, iv);
}

export function decipher(key: Buffer, iv: Buffer) {
  // ruleid: node-weak-cipher
  return createDecipheriv('des-ede-cbc', key, iv);
}

export function destructuredRequire(key: Buffer, iv: Buffer) {
  // ruleid: node-weak-cipher
  return requiredCipher('rc2-cbc', key, iv);
}

export function inlineRequire(key: Buffer, iv: Buffer) {
  // ruleid: node-weak-cipher
  return require('node:crypto').createCipheriv('idea-cbc', key, iv);
}

export function constantAlgorithm(key: Buffer, iv: Buffer) {
  // ruleid: node-weak-cipher
  return crypto.createCipheriv(LEGACY_ALGORITHM, key, iv);
}

export function constantObjectField(key: Buffer, iv: Buffer) {
  // ruleid: node-weak-cipher
  return crypto.createCipheriv(SETTINGS.cipher, key, iv);
}

export function templateWithConstantHole(key: Buffer, iv: Buffer) {
  // ruleid: node-weak-cipher
  return crypto.createCipheriv(`des-${suffix}`, key, iv);
}

export function typeAssertionsDoNotHide(key: Buffer, iv: Buffer) {
  // ruleid: node-weak-cipher
  return (crypto as any).createCipheriv('cast5-cbc' as string, key!, iv);
}

export function modernCipher(key: Buffer, iv: Buffer) {
  // ok: node-weak-cipher
  return crypto.createCipheriv('aes-256-gcm', key, iv);
}

export function chacha(key: Buffer, iv: Buffer) {
  // ok: node-weak-cipher
  return crypto.createCipheriv('chacha20-poly1305', key, iv, { authTagLength: 16 });
}

export function unknownAlgorithm(algorithm: string, key: Buffer, iv: Buffer) {
  // ok: node-weak-cipher
  return crypto.createCipheriv(algorithm, key, iv);
}

export function sameNameFromElsewhere(key: Buffer, iv: Buffer) {
  // ok: node-weak-cipher
  return lookalike('des-cbc', key, iv);
}

export function aesNamedLikeDes(key: Buffer, iv: Buffer) {
  // ok: node-weak-cipher
  return crypto.createCipheriv('aes-128-cbc', key, iv) && 'des-cbc';
}
