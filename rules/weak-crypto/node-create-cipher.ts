import * as nodeCrypto from 'crypto';
import { createCipher } from 'node:crypto';
import { createCipher as wrapperCipher } from '../lib/cipher-wrapper';

export function encryptLegacy(password: string, data: string) {
  // ruleid: node-create-cipher
  const cipher = nodeCrypto.createCipher('aes-256-cbc', password);
  return cipher.update(data, 'utf8', 'hex') + cipher.final('hex');
}

export function decryptLegacy(password: string, data: string) {
  // ruleid: node-create-cipher
  const decipher = require('crypto').createDecipher('aes192', password);
  return decipher.update(data, 'hex', 'utf8') + decipher.final('utf8');
}

export function namedImport(password: string) {
  // ruleid: node-create-cipher
  return createCipher('aes-256-cbc', password);
}

export function modern(key: Buffer, iv: Buffer) {
  // ok: node-create-cipher
  return nodeCrypto.createCipheriv('aes-256-gcm', key, iv);
}

export function projectWrapperWithTheSameName(key: Buffer) {
  // ok: node-create-cipher
  return wrapperCipher('aes-256-gcm', key);
}

export function methodOnAnotherObject(engine: { createCipher(name: string): unknown }) {
  // ok: node-create-cipher
  return engine.createCipher('aes-256-gcm');
}
