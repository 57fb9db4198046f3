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

// ECB as a block primitive is ecb-block-primitive's (low)
export function keyLoop(password: Buffer, key: Buffer) {
  let pkey = Buffer.from(password);
  for (let r = 0; r < 65536; r++) {
    // ok: node-ecb-mode
    pkey = crypto.createCipheriv('aes-128-ecb', key, Buffer.alloc(0)).setAutoPadding(false).update(pkey);
  }
  return pkey;
}

export class CbcMac {
  private mac = Buffer.alloc(16);
  private readonly macCipher: crypto.Cipher;

  constructor(key: Buffer) {
    // ok: node-ecb-mode
    this.macCipher = crypto.createCipheriv('aes-128-ecb', key, Buffer.alloc(0));
  }

  update(block: Buffer) {
    for (let j = 0; j < 16; j++) this.mac[j]! ^= block[j]!;
    this.mac = this.macCipher.update(this.mac);
  }
}

export function oneBlock(key: Buffer) {
  // ok: node-ecb-mode
  return crypto.createCipheriv('aes-128-ecb', key, null).update(Buffer.alloc(16, 0));
}

export class KeyWrapper {
  private readonly cipher: crypto.Cipher;

  constructor(key: Buffer) {
    // ruleid: node-ecb-mode
    this.cipher = crypto.createCipheriv('aes-128-ecb', key, null).setAutoPadding(false);
  }

  wrap(keys: Buffer) {
    return this.cipher.update(keys);
  }
}
