import crypto from 'node:crypto';

// MEGA's legacy password key: AES-ECB run 65,536 times over its own output
export function prepareKey(password: Buffer) {
  let pkey = Buffer.from([147, 196, 103, 227, 125, 176, 199, 164, 209, 190, 63, 129, 1, 82, 203, 86]);
  for (let r = 65536; r--; ) {
    for (let j = 0; j < password.length; j += 16) {
      const key = Buffer.alloc(16);
      password.copy(key, 0, j, j + 16);
      // ruleid: ecb-block-primitive
      pkey = crypto.createCipheriv('aes-128-ecb', key, Buffer.alloc(0)).setAutoPadding(false).update(pkey);
    }
  }
  return pkey;
}

export class Aes {
  constructor(private readonly key: Buffer) {}

  stringhash(seed: Buffer) {
    let hash = Buffer.from(seed);
    // ruleid: ecb-block-primitive
    const cipher = crypto.createCipheriv('aes-128-ecb', this.key, Buffer.alloc(0));
    for (let i = 16384; i--; ) hash = cipher.update(hash);
    return hash.subarray(0, 8);
  }

  encryptEcb(buffer: Buffer) {
    // ECB over a buffer of any length is node-ecb-mode's
    // ok: ecb-block-primitive
    const cipher = crypto.createCipheriv('aes-128-ecb', this.key, Buffer.alloc(0)).setAutoPadding(false);
    return cipher.update(buffer);
  }
}

// a hand-made CBC-MAC: the cipher is created in the constructor and chained in a method
export class ChunkMac {
  private mac = Buffer.alloc(16);
  private readonly macCipher: crypto.Cipher;

  constructor(key: Buffer) {
    // ruleid: ecb-block-primitive
    this.macCipher = crypto.createCipheriv('aes-128-ecb', key, Buffer.alloc(0));
  }

  update(buffer: Buffer) {
    for (let i = 0; i < buffer.length; i += 16) {
      for (let j = 0; j < 16; j++) this.mac[j]! ^= buffer[i + j]!;
      this.mac = this.macCipher.update(this.mac);
    }
  }
}

export class Wrapper {
  private readonly ecb: crypto.Cipher;

  constructor(key: Buffer) {
    // its output is never fed back: ECB over messages
    // ok: ecb-block-primitive
    this.ecb = crypto.createCipheriv('aes-256-ecb', key, null);
  }

  wrap(data: Buffer) {
    return this.ecb.update(data);
  }
}

export function counterBlock(key: Buffer, counter: Buffer) {
  // ruleid: ecb-block-primitive
  return crypto.createCipheriv('aes-256-ecb', key, null).update(counter.subarray(0, 0 + 16));
}

export function zeroBlock(key: Buffer) {
  // GCM's hash key H = E(K, 0^128)
  // ruleid: ecb-block-primitive
  return crypto.createCipheriv('aes-128-ecb', key, null).setAutoPadding(false).update(Buffer.alloc(16, 0));
}

export function message(key: Buffer, data: Buffer) {
  // ok: ecb-block-primitive
  return crypto.createCipheriv('aes-128-ecb', key, null).update(data);
}
