import crypto, { createCipheriv, randomBytes } from 'node:crypto';
import CryptoJS from 'crypto-js';
import forge from 'node-forge';
import aesjs from 'aes-js';
import nacl from 'tweetnacl';
import naclUtil from 'tweetnacl-util';
import _sodium from 'libsodium-wrappers';
import { gcm } from '@noble/ciphers/aes';
import { xchacha20poly1305 } from '@noble/ciphers/chacha';
import * as salsa from '@noble/ciphers/salsa.js';
import { managedNonce, randomBytes as nobleRandom } from '@noble/ciphers/webcrypto';
import { utf8ToBytes } from '@noble/ciphers/utils';
import { IMPORTED_NONCE_BYTES, IMPORTED_ZERO_NONCE } from './nonces';

const GCM_NONCE = Buffer.from('000000000000000000000000', 'hex');
const NONCE_BYTES = 12;
const ZERO_NONCE = new Uint8Array(nacl.secretbox.nonceLength);
const MESSAGE_ALGORITHM = 'aes-256-gcm';

// --- node:crypto ------------------------------------------------------------

export function sealRecord(key: Buffer, record: string) {
  // ruleid: constant-nonce
  const cipher = crypto.createCipheriv('aes-256-gcm', key, GCM_NONCE);
  const ct = Buffer.concat([cipher.update(record, 'utf8'), cipher.final()]);
  return { ct, tag: cipher.getAuthTag() };
}

export function sealWithZeroes(key: Buffer, record: Buffer) {
  const iv = Buffer.alloc(NONCE_BYTES);
  // ruleid: constant-nonce
  const cipher = createCipheriv(MESSAGE_ALGORITHM, key, iv, { authTagLength: 16 });
  return Buffer.concat([cipher.update(record), cipher.final(), cipher.getAuthTag()]);
}

export function ctrLiteral(key: Buffer, data: Buffer) {
  // ruleid: constant-nonce
  return crypto.createCipheriv('aes-128-ctr', key, '0123456789abcdef').update(data);
}

export function chachaFromEnv(key: Buffer, data: Buffer) {
  // ruleid: constant-nonce
  const cipher = crypto.createCipheriv('chacha20-poly1305', key, Buffer.from(process.env.CHACHA_NONCE ?? '', 'hex'), { authTagLength: 16 });
  return cipher.update(data);
}

// --- WebCrypto ----------------------------------------------------------------

export async function webGcm(key: CryptoKey, text: string) {
  const iv = new Uint8Array(12);
  // ruleid: constant-nonce
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text));
}

export async function webGcmEncodedIv(key: CryptoKey, data: Uint8Array) {
  // ruleid: constant-nonce
  return globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv: new TextEncoder().encode('static-nonce') }, key, data);
}

export async function webCtr(key: CryptoKey, data: Uint8Array) {
  // ruleid: constant-nonce
  return window.crypto.subtle.encrypt({ name: 'AES-CTR', counter: new Uint8Array(16), length: 64 }, key, data);
}

export async function webWrap(key: CryptoKey, wrappingKey: CryptoKey) {
  // ruleid: constant-nonce
  return crypto.subtle.wrapKey('raw', key, wrappingKey, { name: 'AES-GCM', iv: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) });
}

// --- crypto-js, forge, aes-js -------------------------------------------------------

export function cryptoJsCtr(text: string, key: CryptoJS.lib.WordArray) {
  // ruleid: constant-nonce
  return CryptoJS.AES.encrypt(text, key, { iv: CryptoJS.enc.Hex.parse('00000000000000000000000000000000'), mode: CryptoJS.mode.CTR, padding: CryptoJS.pad.NoPadding }).toString();
}

export function forgeGcm(key: string, data: string) {
  const cipher = forge.cipher.createCipher('AES-GCM', key);
  // ruleid: constant-nonce
  cipher.start({ iv: '000000000000' });
  cipher.update(forge.util.createBuffer(data));
  cipher.finish();
  return cipher.output.getBytes() + cipher.mode.tag.getBytes();
}

export function aesJsOfb(key: Uint8Array, data: Uint8Array) {
  // ruleid: constant-nonce
  return new aesjs.ModeOfOperation.ofb(key, aesjs.utils.utf8.toBytes('IVMustBe16Bytes.')).encrypt(data);
}

// --- NaCl / libsodium / noble --------------------------------------------------------

export function naclSecretbox(message: string, key: Uint8Array) {
  // ruleid: constant-nonce
  const box = nacl.secretbox(naclUtil.decodeUTF8(message), ZERO_NONCE, key);
  return naclUtil.encodeBase64(box);
}

export function naclBox(message: Uint8Array, theirPublicKey: Uint8Array, mySecretKey: Uint8Array) {
  // ruleid: constant-nonce
  return nacl.box(message, new Uint8Array(24), theirPublicKey, mySecretKey);
}

export async function sodiumSecretbox(message: string, key: Uint8Array) {
  await _sodium.ready;
  const sodium = _sodium;
  const nonce = new Uint8Array(sodium.crypto_secretbox_NONCEBYTES);
  // ruleid: constant-nonce
  return sodium.crypto_secretbox_easy(message, nonce, key);
}

export async function sodiumAead(message: Uint8Array, key: Uint8Array) {
  await _sodium.ready;
  // ruleid: constant-nonce
  return _sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(message, null, null, _sodium.from_hex('000102030405060708090a0b0c0d0e0f1011121314151617'), key);
}

export function nobleGcm(key: Uint8Array, text: string) {
  const nonce = new Uint8Array(12);
  // ruleid: constant-nonce
  return gcm(key, nonce).encrypt(utf8ToBytes(text));
}

export function nobleXChaCha(key: Uint8Array, data: Uint8Array) {
  // ruleid: constant-nonce
  return xchacha20poly1305(key, new Uint8Array(24)).encrypt(data);
}

export function nobleSalsaNamespace(key: Uint8Array, data: Uint8Array) {
  // ruleid: constant-nonce
  return salsa.xsalsa20poly1305(key, utf8ToBytes('fixed-nonce-fixed-nonce!')).encrypt(data);
}

// --- negatives ------------------------------------------------------------------------

export function randomNonce(key: Buffer, data: Buffer) {
  const iv = randomBytes(12);
  // ok: constant-nonce
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  return { iv, ct: Buffer.concat([cipher.update(data), cipher.final()]), tag: cipher.getAuthTag() };
}

export function nonceFromEnvelope(key: Buffer, envelope: { iv: string; tag: string; ct: string }) {
  // ok: constant-nonce
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
  return decipher.update(envelope.ct, 'base64', 'utf8') + decipher.final('utf8');
}

export async function webRandom(key: CryptoKey, data: Uint8Array) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  // ok: constant-nonce
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);
}

export async function webFilledLater(key: CryptoKey, data: Uint8Array) {
  const iv = new Uint8Array(12);
  window.crypto.getRandomValues(iv);
  // ok: constant-nonce
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);
}

export function naclRandom(message: Uint8Array, key: Uint8Array) {
  const nonce = nacl.randomBytes(nacl.secretbox.nonceLength);
  // ok: constant-nonce
  return { nonce, box: nacl.secretbox(message, nonce, key) };
}

export async function sodiumRandom(message: string, key: Uint8Array) {
  await _sodium.ready;
  const nonce = _sodium.randombytes_buf(_sodium.crypto_secretbox_NONCEBYTES);
  // ok: constant-nonce
  return _sodium.crypto_secretbox_easy(message, nonce, key);
}

export async function sodiumCounterNonce(messages: string[], key: Uint8Array) {
  await _sodium.ready;
  const nonce = new Uint8Array(_sodium.crypto_secretbox_NONCEBYTES);
  const boxes = [];
  for (const message of messages) {
    _sodium.increment(nonce);
    // ok: constant-nonce
    boxes.push(_sodium.crypto_secretbox_easy(message, nonce, key));
  }
  return boxes;
}

export function nobleManaged(key: Uint8Array, data: Uint8Array) {
  // ok: constant-nonce
  return managedNonce(xchacha20poly1305)(key).encrypt(data);
}

export function nobleRandomNonce(key: Uint8Array, data: Uint8Array) {
  const nonce = nobleRandom(24);
  // ok: constant-nonce
  return xchacha20poly1305(key, nonce).encrypt(data);
}

export function decryptionOnlyRepeatsTheNonce(key: Uint8Array, box: Uint8Array) {
  // only the encrypting side is reported
  // ok: constant-nonce
  return nacl.secretbox.open(box, new Uint8Array(24), key);
}

export function nobleDecrypt(key: Uint8Array, body: Uint8Array) {
  // ok: constant-nonce
  return xchacha20poly1305(key, new Uint8Array(24)).decrypt(body);
}

export function nonceFromParts(key: Buffer, salt: Uint8Array, sequence: Uint8Array, data: Buffer) {
  // ok: constant-nonce
  return crypto.createCipheriv('aes-256-gcm', key, Buffer.from([...salt, ...sequence])).update(data);
}

export function streamWithCounterNonce(key: Uint8Array, chunks: Uint8Array[]) {
  const streamNonce = new Uint8Array(12);
  const incNonce = () => {
    for (let i = streamNonce.length - 2; i >= 0; i--) {
      streamNonce[i]++;
      if (streamNonce[i] !== 0) break;
    }
  };
  return chunks.map((chunk) => {
    // ok: constant-nonce
    const sealed = xchacha20poly1305(key, streamNonce).encrypt(chunk);
    incNonce();
    return sealed;
  });
}

export function cbcIsTheIvRule(key: Buffer, data: Buffer) {
  // ok: constant-nonce
  return crypto.createCipheriv('aes-256-cbc', key, Buffer.alloc(16)).update(data);
}

export function unknownAlgorithmIsTheIvRule(algorithm: string, key: Buffer) {
  // ok: constant-nonce
  return crypto.createCipheriv(algorithm, key, Buffer.alloc(12));
}

export function nonceAssignedPerMessage(key: Buffer, data: Buffer) {
  let iv = Buffer.alloc(12);
  iv = randomBytes(12);
  // ok: constant-nonce
  return crypto.createCipheriv('aes-256-gcm', key, iv).update(data);
}

export function typeScriptWrappers(key: Buffer, settings: { iv?: Buffer }, data: Buffer) {
  // ok: constant-nonce
  return crypto.createCipheriv('aes-256-gcm', key, settings.iv!).update(data) && crypto.createCipheriv('aes-256-gcm', key, settings.iv as Buffer);
}

export function nonceAsParameter(key: Buffer, nonce: Buffer, data: Buffer) {
  // ok: constant-nonce
  return crypto.createCipheriv('aes-256-gcm', key, nonce).update(data);
}

export function signatureNotBox(message: Uint8Array, secretKey: Uint8Array) {
  // ok: constant-nonce
  return nacl.sign.detached(message, secretKey);
}

export function lookalikeBox(vault: { secretbox(m: Uint8Array, n: Uint8Array, k: Uint8Array): Uint8Array }, key: Uint8Array) {
  // ok: constant-nonce
  return vault.secretbox(new Uint8Array(4), new Uint8Array(24), key);
}

// --- nonces defined in another file (nonces.ts) ----------------------------------

export function sealWithImportedNonce(key: Buffer, data: Buffer) {
  // ruleid: constant-nonce
  return crypto.createCipheriv('aes-256-gcm', key, IMPORTED_ZERO_NONCE).update(data);
}

export function sealWithImportedNonceLength(key: Buffer, data: Buffer) {
  // ok: constant-nonce
  return crypto.createCipheriv('aes-256-gcm', key, randomBytes(IMPORTED_NONCE_BYTES)).update(data);
}
