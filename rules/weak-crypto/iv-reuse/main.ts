import crypto from 'node:crypto';
import { createCipheriv, randomBytes } from 'crypto';
import CryptoJS from 'crypto-js';
import nacl from 'tweetnacl';
import sodium from 'libsodium-wrappers';
import { gcm } from '@noble/ciphers/aes';
import { randomBytes as nobleRandom } from '@noble/ciphers/webcrypto';
import { CRYPTO_SETTINGS, freshIv, IV_LENGTH, SESSION_IV } from './session';

// The tutorial pattern: one IV for the whole process.
const algorithm = 'aes-256-cbc';
const key = crypto.randomBytes(32);
const iv = crypto.randomBytes(16);

export function encrypt(text: string): string {
  // ruleid: iv-reuse
  const cipher = crypto.createCipheriv(algorithm, Buffer.from(key), iv);
  return Buffer.concat([cipher.update(text), cipher.final()]).toString('hex');
}

export const encryptArrow = (text: string): string => {
  // ruleid: iv-reuse
  const cipher = createCipheriv(algorithm, key, iv);
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
};

const HEX_IV = crypto.randomBytes(16).toString('hex').slice(0, 16);

export function encryptWithHexIv(text: string) {
  // ruleid: iv-reuse
  const cipher = crypto.createCipheriv(algorithm, key, HEX_IV);
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

export function encryptProfile(profileKey: Buffer, email: string, phone: string) {
  const nonce = randomBytes(12);
  const c1 = crypto.createCipheriv('aes-256-gcm', profileKey, nonce);
  const encEmail = Buffer.concat([c1.update(email), c1.final(), c1.getAuthTag()]);
  // ruleid: iv-reuse
  const c2 = crypto.createCipheriv('aes-256-gcm', profileKey, nonce);
  const encPhone = Buffer.concat([c2.update(phone), c2.final(), c2.getAuthTag()]);
  return { nonce, encEmail, encPhone };
}

export async function encryptFields(fieldKey: CryptoKey, fields: string[]) {
  const fieldIv = crypto.getRandomValues(new Uint8Array(12));
  const out: ArrayBuffer[] = [];
  for (const field of fields) {
    // ruleid: iv-reuse
    out.push(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: fieldIv }, fieldKey, new TextEncoder().encode(field)));
  }
  return { fieldIv, out };
}

export async function twoWebCryptoCalls(sessionKey: CryptoKey, a: Uint8Array, b: Uint8Array) {
  const counter = crypto.getRandomValues(new Uint8Array(16));
  const first = await crypto.subtle.encrypt({ name: 'AES-CTR', counter, length: 64 }, sessionKey, a);
  // ruleid: iv-reuse
  const second = await crypto.subtle.encrypt({ name: 'AES-CTR', counter, length: 64 }, sessionKey, b);
  return [first, second];
}

export function naclTwice(boxKey: Uint8Array, a: Uint8Array, b: Uint8Array) {
  const n = nacl.randomBytes(24);
  const boxA = nacl.secretbox(a, n, boxKey);
  // ruleid: iv-reuse
  const boxB = nacl.secretbox(b, n, boxKey);
  return { n, boxA, boxB };
}

export function sodiumLoop(messages: string[], secret: Uint8Array) {
  const n = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);
  // ruleid: iv-reuse
  return messages.map((m) => sodium.crypto_secretbox_easy(m, n, secret));
}

export function cryptoJsTwice(wordKey: CryptoJS.lib.WordArray, a: string, b: string) {
  const wordIv = CryptoJS.lib.WordArray.random(16);
  const ea = CryptoJS.AES.encrypt(a, wordKey, { iv: wordIv });
  // ruleid: iv-reuse
  const eb = CryptoJS.AES.encrypt(b, wordKey, { iv: wordIv });
  return [ea.toString(), eb.toString()];
}

export function nobleTwice(k: Uint8Array, a: Uint8Array, b: Uint8Array) {
  const n = nobleRandom(12);
  const ca = gcm(k, n).encrypt(a);
  // ruleid: iv-reuse
  const cb = gcm(k, n).encrypt(b);
  return [ca, cb];
}

export function whileLoop(chunkKey: Buffer, chunks: Buffer[]) {
  const chunkIv = randomBytes(16);
  const out = [];
  let i = 0;
  while (i < chunks.length) {
    // ruleid: iv-reuse
    out.push(crypto.createCipheriv('aes-256-ctr', chunkKey, chunkIv).update(chunks[i]));
    i++;
  }
  return out;
}

// --- negatives -------------------------------------------------------------------

export function freshEachTime(k: Buffer, a: string, b: string) {
  const n1 = randomBytes(12);
  const c1 = crypto.createCipheriv('aes-256-gcm', k, n1);
  const n2 = randomBytes(12);
  // ok: iv-reuse
  const c2 = crypto.createCipheriv('aes-256-gcm', k, n2);
  return [c1.update(a), c2.update(b)];
}

export function reassignedBetween(k: Buffer, a: string, b: string) {
  let n = randomBytes(12);
  const c1 = crypto.createCipheriv('aes-256-gcm', k, n);
  n = randomBytes(12);
  // ok: iv-reuse
  const c2 = crypto.createCipheriv('aes-256-gcm', k, n);
  return [c1.update(a), c2.update(b)];
}

export function refilledBetween(k: Buffer, a: string, b: string) {
  const n = Buffer.alloc(12);
  crypto.randomFillSync(n);
  const c1 = crypto.createCipheriv('aes-256-gcm', k, n);
  crypto.randomFillSync(n);
  // ok: iv-reuse
  const c2 = crypto.createCipheriv('aes-256-gcm', k, n);
  return [c1.update(a), c2.update(b)];
}

export function differentKeys(k1: Buffer, k2: Buffer, n: Buffer) {
  const c1 = crypto.createCipheriv('aes-256-gcm', k1, n);
  // ok: iv-reuse
  const c2 = crypto.createCipheriv('aes-256-gcm', k2, n);
  return [c1, c2];
}

export function encryptThenDecrypt(k: Buffer, n: Buffer, data: Buffer) {
  const c = crypto.createCipheriv('aes-256-gcm', k, n);
  const ct = Buffer.concat([c.update(data), c.final()]);
  // ok: iv-reuse
  const d = crypto.createDecipheriv('aes-256-gcm', k, n);
  d.setAuthTag(c.getAuthTag());
  return Buffer.concat([d.update(ct), d.final()]);
}

export function inlineRandomEachTime(k: Buffer, a: string, b: string) {
  const c1 = crypto.createCipheriv('aes-256-gcm', k, crypto.randomBytes(12));
  // ok: iv-reuse
  const c2 = crypto.createCipheriv('aes-256-gcm', k, crypto.randomBytes(12));
  return [c1.update(a), c2.update(b)];
}

export async function loopWithFreshIv(loopKey: CryptoKey, items: string[]) {
  const out = [];
  for (const item of items) {
    const itemIv = crypto.getRandomValues(new Uint8Array(12));
    // ok: iv-reuse
    out.push(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: itemIv }, loopKey, new TextEncoder().encode(item)));
  }
  return out;
}

export function loopWithDestructuredSecrets(recipients: { derive(): { key: Buffer; nonce: Buffer } }[], fileKey: Buffer) {
  const stanzas = [];
  for (const recipient of recipients) {
    const { key: wrapKey, nonce } = recipient.derive();
    // ok: iv-reuse
    stanzas.push(crypto.createCipheriv('chacha20-poly1305', wrapKey, nonce, { authTagLength: 16 }).update(fileKey));
  }
  return stanzas;
}

export function chunkedWithCounterNonce(chunkKey: Uint8Array, chunks: Uint8Array[]) {
  const chunkNonce = new Uint8Array(12);
  const incNonce = () => {
    for (let i = chunkNonce.length - 1; i >= 0 && ++chunkNonce[i] === 0; i--);
  };
  const out = [];
  for (const chunk of chunks) {
    // ok: iv-reuse
    out.push(gcm(chunkKey, chunkNonce).encrypt(chunk));
    incNonce();
  }
  return out;
}

export function loopWithPerItemKey(records: { key: Buffer; data: Buffer }[], sharedIv: Buffer) {
  // ok: iv-reuse
  return records.map((record) => crypto.createCipheriv('aes-256-cbc', record.key, sharedIv).update(record.data));
}

export function loopCounterNonce(counterKey: Uint8Array, messages: Uint8Array[]) {
  const counterNonce = new Uint8Array(24);
  return messages.map((m) => {
    sodium.increment(counterNonce);
    // ok: iv-reuse
    return sodium.crypto_secretbox_easy(m, counterNonce, counterKey);
  });
}

export function perCallIvShadowsModuleIv(text: string) {
  const iv = crypto.randomBytes(16);
  // ok: iv-reuse
  const cipher = crypto.createCipheriv(algorithm, key, iv);
  return iv.toString('hex') + cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

export function ivParameterShadowsModuleIv(text: string, iv: Buffer) {
  // ok: iv-reuse
  return crypto.createCipheriv(algorithm, key, iv).update(text);
}

export class FieldCipher {
  private readonly iv: Buffer;
  constructor(private readonly fieldKey: Buffer) {
    this.iv = crypto.randomBytes(16);
  }
  seal(value: string) {
    // ruleid: iv-reuse
    return crypto.createCipheriv('aes-256-cbc', this.fieldKey, this.iv).update(value);
  }
}

export class FreshPerMessage {
  private iv: Buffer;
  constructor(private readonly messageKey: Buffer) {
    this.iv = crypto.randomBytes(16);
  }
  seal(value: string) {
    this.iv = crypto.randomBytes(16);
    // ok: iv-reuse
    return crypto.createCipheriv('aes-256-cbc', this.messageKey, this.iv).update(value);
  }
}

// ssh2's ChaCha20-Poly1305: the same buffer under the same key, but the block counter is written
// between the two encryptions (counter 0 makes the Poly1305 key, counter 1 the payload)
const POLY1305_OUT_COMPUTE = Buffer.alloc(16);
export function chachaPolyPacket(mainKey: Buffer, lengthKey: Buffer, seqno: number, packet: Buffer) {
  POLY1305_OUT_COMPUTE[0] = 0;
  POLY1305_OUT_COMPUTE.writeUInt32BE(seqno, 12);
  const polyKey = createCipheriv('chacha20', mainKey, POLY1305_OUT_COMPUTE).update(Buffer.alloc(32));
  // a different key: not a reuse
  // ok: iv-reuse
  const length = createCipheriv('chacha20', lengthKey, POLY1305_OUT_COMPUTE).update(packet.subarray(0, 4));
  POLY1305_OUT_COMPUTE[0] = 1;
  // ok: iv-reuse
  const payload = createCipheriv('chacha20', mainKey, POLY1305_OUT_COMPUTE).update(packet.subarray(4));
  return [polyKey, length, payload];
}

export function sameCounterTwice(mainKey: Buffer, a: Buffer, b: Buffer) {
  const nonce = Buffer.alloc(12);
  nonce[0] = 1;
  const first = createCipheriv('chacha20-poly1305', mainKey, nonce, { authTagLength: 16 }).update(a);
  // ruleid: iv-reuse
  const second = createCipheriv('chacha20-poly1305', mainKey, nonce, { authTagLength: 16 }).update(b);
  return [first, second];
}

export function decryptPackets(mainKey: Buffer, packets: Buffer[]) {
  let seqno = 0;
  const out: Buffer[] = [];
  for (const packet of packets) {
    POLY1305_OUT_COMPUTE[0] = 0;
    POLY1305_OUT_COMPUTE.writeUInt32BE(seqno++, 12);
    // written before each use inside the loop
    // ok: iv-reuse
    out.push(createCipheriv('chacha20', mainKey, POLY1305_OUT_COMPUTE).update(packet));
  }
  return out;
}

export class PacketDecoder {
  private inSeqno = 0;
  constructor(private readonly decKeyMain: Buffer) {}

  read(chunks: Buffer[]) {
    const keys: Buffer[] = [];
    let i = 0;
    while (i < chunks.length) {
      POLY1305_OUT_COMPUTE[0] = 0;
      writeSeqno(POLY1305_OUT_COMPUTE, this.inSeqno++);
      // ok: iv-reuse
      keys.push(createCipheriv('chacha20', this.decKeyMain, POLY1305_OUT_COMPUTE).update(chunks[i++]!));
    }
    return keys;
  }

  readStale(chunks: Buffer[]) {
    const keys: Buffer[] = [];
    let i = 0;
    while (i < chunks.length) {
      // ruleid: iv-reuse
      keys.push(createCipheriv('chacha20', this.decKeyMain, POLY1305_OUT_COMPUTE).update(chunks[i++]!));
    }
    return keys;
  }
}

function writeSeqno(buffer: Buffer, seqno: number) {
  buffer.writeUInt32BE(seqno, 12);
}

// Whatever a helper is called, a write into the IV between two encryptions makes a new value.
export function advancedByAnyLocalHelper(streamKey: Buffer, a: Buffer, b: Buffer) {
  const streamNonce = Buffer.alloc(12);
  const step = () => {
    streamNonce.writeUInt32LE(streamNonce.readUInt32LE(0) + 1, 0);
  };
  const first = createCipheriv('chacha20-poly1305', streamKey, streamNonce, { authTagLength: 16 }).update(a);
  step();
  // ok: iv-reuse
  const second = createCipheriv('chacha20-poly1305', streamKey, streamNonce, { authTagLength: 16 }).update(b);
  return [first, second];
}

export function setFromSequence(sequenceKey: Buffer, header: Buffer, a: Buffer, b: Buffer) {
  const sequenceIv = Buffer.alloc(16);
  sequenceIv.set(header.subarray(0, 8));
  const first = createCipheriv('aes-256-ctr', sequenceKey, sequenceIv).update(a);
  header.copy(sequenceIv, 0, 8, 16);
  // ok: iv-reuse
  const second = createCipheriv('aes-256-ctr', sequenceKey, sequenceIv).update(b);
  return [first, second];
}

export function loggedBetween(logKey: Buffer, a: Buffer, b: Buffer) {
  const logIv = randomBytes(16);
  const first = createCipheriv('aes-256-ctr', logKey, logIv).update(a);
  console.debug(logIv.toString('hex'), logIv.length);
  // reading the IV does not change it
  // ruleid: iv-reuse
  const second = createCipheriv('aes-256-ctr', logKey, logIv).update(b);
  return [first, second];
}

export class CounterSession {
  private readonly counter = Buffer.alloc(12);
  private readonly plain = Buffer.alloc(12);
  constructor(private readonly sessionKey: Buffer) {}

  private tick() {
    this.counter.writeUInt32BE(this.counter.readUInt32BE(8) + 1, 8);
  }

  sealAll(messages: Buffer[]) {
    const out: Buffer[] = [];
    for (const message of messages) {
      this.tick();
      // the counter field is advanced by a method on every turn
      // ok: iv-reuse
      out.push(createCipheriv('aes-256-gcm', this.sessionKey, this.counter).update(message));
    }
    return out;
  }

  sealAllStale(messages: Buffer[]) {
    const out: Buffer[] = [];
    for (const message of messages) {
      // ruleid: iv-reuse
      out.push(createCipheriv('aes-256-gcm', this.sessionKey, this.plain).update(message));
    }
    return out;
  }
}

export function nestedLoopSharesOuterIv(batchKey: Buffer, batches: Buffer[][]) {
  const out: Buffer[] = [];
  for (const batch of batches) {
    const batchIv = randomBytes(16);
    for (const item of batch) {
      // one IV per batch, several items under it
      // ruleid: iv-reuse
      out.push(createCipheriv('aes-256-ctr', batchKey, batchIv).update(item));
    }
  }
  return out;
}

// --- IVs drawn once in another module (session.ts) ------------------------------------

export function encryptWithImportedIv(importKey: Buffer, text: string) {
  // ruleid: iv-reuse
  return crypto.createCipheriv('aes-256-cbc', importKey, SESSION_IV).update(text);
}

export function encryptWithImportedSettings(settingsKey: Buffer, text: string) {
  // ruleid: iv-reuse
  return crypto.createCipheriv(CRYPTO_SETTINGS.algorithm, settingsKey, CRYPTO_SETTINGS.nonce).update(text);
}

export function encryptWithImportedHelper(helperKey: Buffer, text: string) {
  // a helper that draws a new IV on each call
  // ok: iv-reuse
  return crypto.createCipheriv('aes-256-cbc', helperKey, freshIv()).update(text);
}

export function encryptWithImportedLength(lengthKey: Buffer, text: string) {
  // ok: iv-reuse
  return crypto.createCipheriv('aes-256-cbc', lengthKey, crypto.randomBytes(IV_LENGTH)).update(text);
}
