'use strict';
// ssh2's chacha20-poly1305@openssh.com: one module-level nonce buffer, filled with the packet
// sequence number before every use, so each packet gets its own nonce.
const { createCipheriv, createDecipheriv } = require('crypto');

function writeUInt32BE(buf, value, offset) {
  buf[offset++] = (value >>> 24);
  buf[offset++] = (value >>> 16);
  buf[offset++] = (value >>> 8);
  buf[offset++] = value;
  return offset;
}

const POLY1305_ZEROS = Buffer.alloc(32);
const POLY1305_OUT_COMPUTE = Buffer.alloc(16);
const FIXED_NONCE = Buffer.alloc(12);

class ChaChaPolyCipher {
  constructor(config) {
    this.outSeqno = config.seqno;
    this._encKeyMain = config.cipherKey.slice(0, 32);
    this._encKeyPktLen = config.cipherKey.slice(32);
  }

  encrypt(packet) {
    POLY1305_OUT_COMPUTE[0] = 0;
    writeUInt32BE(POLY1305_OUT_COMPUTE, this.outSeqno, 12);
    // ok: constant-nonce
    const polyKey = createCipheriv('chacha20', this._encKeyMain, POLY1305_OUT_COMPUTE).update(POLY1305_ZEROS);
    // ok: constant-nonce
    const pktLenEnc = createCipheriv('chacha20', this._encKeyPktLen, POLY1305_OUT_COMPUTE).update(packet.slice(0, 4));
    POLY1305_OUT_COMPUTE[0] = 1;
    // ok: constant-nonce
    const payloadEnc = createCipheriv('chacha20', this._encKeyMain, POLY1305_OUT_COMPUTE).update(packet.slice(4));
    this.outSeqno = (this.outSeqno + 1) >>> 0;
    return [polyKey, pktLenEnc, payloadEnc];
  }

  encryptFixed(packet) {
    // the buffer is written in another method, not before this use
    // ruleid: constant-nonce
    return createCipheriv('chacha20-poly1305', this._encKeyMain, FIXED_NONCE, { authTagLength: 16 }).update(packet);
  }

  decrypt(packet) {
    POLY1305_OUT_COMPUTE.writeUInt32BE(this.outSeqno, 12);
    // decryption is never reported
    // ok: constant-nonce
    return createDecipheriv('chacha20', this._encKeyPktLen, POLY1305_OUT_COMPUTE).update(packet);
  }
}

function later(key, packet) {
  FIXED_NONCE[0] = 0;
  return [key, packet];
}

module.exports = { ChaChaPolyCipher, later };
