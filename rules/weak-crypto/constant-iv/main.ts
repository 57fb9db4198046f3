import * as crypto from 'node:crypto';
import { createCipheriv, createDecipheriv, randomBytes, randomFillSync } from 'crypto';
import CryptoJS from 'crypto-js';
import forge from 'node-forge';
import aesjs from 'aes-js';
import { cbc } from '@noble/ciphers/aes';
import { hexToBytes, utf8ToBytes } from '@noble/ciphers/utils';
import { createCipheriv as vendorCipher } from './vendor/cipher';
import { IV_BYTES, SETTINGS, SHARED_IV, ZERO_BLOCK } from './settings';

const ALGORITHM = 'aes-256-cbc';
const STATIC_IV = '1234567890123456';
const IV_HEX = '000102030405060708090a0b0c0d0e0f';
const ZERO_IV = Buffer.alloc(16, 0);
const CONFIG = { algorithm: 'aes-256-cbc', iv: Buffer.from('a1b2c3d4e5f6a7b8') } as const;

// --- node:crypto ------------------------------------------------------------

export function encryptField(key: Buffer, value: string): string {
  // ruleid: constant-iv
  const cipher = crypto.createCipheriv('aes-256-cbc', key, '1234567890123456');
  return cipher.update(value, 'utf8', 'hex') + cipher.final('hex');
}

export function encryptWithConstant(key: Buffer, value: string): string {
  // ruleid: constant-iv
  const cipher = createCipheriv(ALGORITHM, key, STATIC_IV);
  return cipher.update(value, 'utf8', 'base64') + cipher.final('base64');
}

export function decryptWithZeroIv(key: Buffer, data: Buffer): Buffer {
  // only the encrypting side is reported
  // ok: constant-iv
  const decipher = createDecipheriv(ALGORITHM, key, ZERO_IV);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

export function hexIv(key: Buffer, data: Buffer): Buffer {
  // ruleid: constant-iv
  const cipher = crypto.createCipheriv('aes-128-cbc', key, Buffer.from(IV_HEX, 'hex'));
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

export function localZeroIv(key: Buffer, data: Buffer): Buffer {
  const iv = Buffer.alloc(16);
  // ruleid: constant-iv
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

export function ivFromEnvironment(key: Buffer, data: Buffer): Buffer {
  const iv = Buffer.from(process.env.ENCRYPTION_IV!, 'hex');
  // ruleid: constant-iv
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

export function configObject(key: Buffer, data: Buffer): Buffer {
  // ruleid: constant-iv
  const cipher = crypto.createCipheriv(CONFIG.algorithm, key, CONFIG.iv);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

export function keyAsIv(key: Buffer, data: Buffer): Buffer {
  // ruleid: constant-iv
  const cipher = crypto.createCipheriv('aes-128-cbc', key, key);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

export function keyPrefixAsIv(key: Buffer, data: Buffer): Buffer {
  // ruleid: constant-iv
  const cipher = crypto.createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

export function unknownAlgorithm(algorithm: string, key: Buffer, data: Buffer): Buffer {
  // ruleid: constant-iv
  const cipher = crypto.createCipheriv(algorithm, key, Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]));
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

export function hashedConstantIv(key: Buffer, data: Buffer): Buffer {
  const iv = crypto.createHash('md5').update('my-app-iv').digest();
  // ruleid: constant-iv
  const cipher = crypto.createCipheriv('aes-256-cfb', key, iv);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

// --- WebCrypto ----------------------------------------------------------------

export async function webCryptoCbc(key: CryptoKey, data: Uint8Array): Promise<ArrayBuffer> {
  const iv = new Uint8Array(16);
  // ruleid: constant-iv
  return crypto.subtle.encrypt({ name: 'AES-CBC', iv }, key, data);
}

export async function webCryptoEncoded(key: CryptoKey, data: Uint8Array): Promise<ArrayBuffer> {
  // ruleid: constant-iv
  return window.crypto.subtle.encrypt({ name: 'AES-CBC', iv: new TextEncoder().encode('fixed-iv-1234567') }, key, data);
}

// --- crypto-js ------------------------------------------------------------------

export function cryptoJsClassic(plain: string, secret: string): string {
  const key = CryptoJS.enc.Utf8.parse(secret);
  const iv = CryptoJS.enc.Utf8.parse('abcdef0123456789');
  // ruleid: constant-iv
  const encrypted = CryptoJS.AES.encrypt(plain, key, { iv, mode: CryptoJS.mode.CBC, padding: CryptoJS.pad.Pkcs7 });
  return encrypted.toString();
}

export function cryptoJsInline(plain: string, key: CryptoJS.lib.WordArray): string {
  // ruleid: constant-iv
  return CryptoJS.AES.encrypt(plain, key, { iv: CryptoJS.enc.Hex.parse('00000000000000000000000000000000') }).toString();
}

// --- node-forge, aes-js, @noble/ciphers -----------------------------------------

export function forgeCbc(key: string, data: string): string {
  const cipher = forge.cipher.createCipher('AES-CBC', key);
  // ruleid: constant-iv
  cipher.start({ iv: forge.util.hexToBytes('00000000000000000000000000000000') });
  cipher.update(forge.util.createBuffer(data));
  cipher.finish();
  return cipher.output.toHex();
}

export function aesJsCbc(key: Uint8Array, data: Uint8Array): Uint8Array {
  const iv = [21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36];
  // ruleid: constant-iv
  const aesCbc = new aesjs.ModeOfOperation.cbc(key, iv);
  return aesCbc.encrypt(data);
}

export function nobleCbc(key: Uint8Array, data: string): Uint8Array {
  // ruleid: constant-iv
  return cbc(key, hexToBytes('0102030405060708090a0b0c0d0e0f10')).encrypt(utf8ToBytes(data));
}

// --- negatives ---------------------------------------------------------------------

export function randomIv(key: Buffer, data: Buffer) {
  const iv = crypto.randomBytes(16);
  // ok: constant-iv
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(data), cipher.final()]);
}

export function ivFromMessage(key: Buffer, payload: { iv: string; data: string }) {
  // ok: constant-iv
  const decipher = crypto.createDecipheriv('aes-256-cbc', key, Buffer.from(payload.iv, 'hex'));
  return decipher.update(payload.data, 'base64', 'utf8') + decipher.final('utf8');
}

export function typeScriptWrappers(key: Buffer, settings: { iv?: Buffer }, data: Buffer) {
  // ok: constant-iv
  return crypto.createCipheriv('aes-256-cbc', key, settings.iv!).update(data) && crypto.createCipheriv('aes-256-cbc', key, settings.iv as Buffer);
}

export function ivParameter(key: Buffer, iv: Buffer, data: Buffer) {
  // ok: constant-iv
  return crypto.createCipheriv('aes-256-cbc', key, iv).update(data);
}

export function allocatedThenFilled(key: Buffer, data: Buffer) {
  const iv = Buffer.alloc(16);
  randomFillSync(iv);
  // ok: constant-iv
  return crypto.createCipheriv('aes-256-cbc', key, iv).update(data);
}

export async function webCryptoRandom(key: CryptoKey, data: Uint8Array) {
  const iv = new Uint8Array(16);
  crypto.getRandomValues(iv);
  // ok: constant-iv
  return crypto.subtle.encrypt({ name: 'AES-CBC', iv }, key, data);
}

export async function webCryptoInlineRandom(key: CryptoKey, data: Uint8Array) {
  // ok: constant-iv
  return crypto.subtle.encrypt({ name: 'AES-CBC', iv: crypto.getRandomValues(new Uint8Array(16)) }, key, data);
}

export function shadowedByLocalRandom(key: Buffer, data: Buffer) {
  const ZERO_IV = randomBytes(16);
  // ok: constant-iv
  return crypto.createCipheriv('aes-256-cbc', key, ZERO_IV).update(data);
}

export function gcmIsTheNonceRule(key: Buffer, data: Buffer) {
  // ok: constant-iv
  return crypto.createCipheriv('aes-256-gcm', key, Buffer.alloc(12)).update(data);
}

export function ecbHasNoIv(key: Buffer, data: Buffer) {
  // ok: constant-iv
  return crypto.createCipheriv('aes-128-ecb', key, null).update(data);
}

export function emptyIvForEcbAlias(key: Buffer, data: Buffer) {
  // ok: constant-iv
  return crypto.createCipheriv('des-ede3', key, '').update(data);
}

export function cryptoJsPassphraseIgnoresIv(plain: string) {
  // ok: constant-iv
  return CryptoJS.AES.encrypt(plain, 'correct horse battery', { iv: CryptoJS.enc.Hex.parse('00') }).toString();
}

export function cryptoJsRandomIv(plain: string, key: CryptoJS.lib.WordArray) {
  const iv = CryptoJS.lib.WordArray.random(16);
  // ok: constant-iv
  return { iv: iv.toString(), ct: CryptoJS.AES.encrypt(plain, key, { iv }).toString() };
}

export function forgeRandom(key: string) {
  const cipher = forge.cipher.createCipher('AES-CBC', key);
  // ok: constant-iv
  cipher.start({ iv: forge.random.getBytesSync(16) });
  return cipher;
}

export function vendorLookalike(key: Buffer) {
  // ok: constant-iv
  return vendorCipher('aes-256-cbc', key, Buffer.alloc(16));
}

export function constantInUnrelatedCall(key: Buffer, data: Buffer) {
  const iv = randomBytes(16);
  const header = Buffer.from('v1:');
  // ok: constant-iv
  return Buffer.concat([header, iv, crypto.createCipheriv('aes-256-cbc', key, iv).update(data)]);
}

export function ivBuiltFromParts(key: Buffer, prefix: Uint8Array, counter: Uint8Array, data: Buffer) {
  // ok: constant-iv
  return crypto.createCipheriv('aes-256-cbc', key, Buffer.from([...prefix, ...counter])).update(data);
}

export function envPrefixPlusMessageId(key: Buffer, messageId: string, data: Buffer) {
  // ok: constant-iv
  return crypto.createCipheriv('aes-256-cbc', key, Buffer.from(process.env.IV_PREFIX + messageId).subarray(0, 16)).update(data);
}

export function derivedPerMessage(key: Buffer, messageId: string, data: Buffer) {
  // ok: constant-iv
  const cipher = crypto.createCipheriv('aes-256-cbc', key, crypto.createHash('md5').update(messageId).digest());
  return cipher.update(data);
}

export function counterWrittenIn(key: Buffer, sequence: number, data: Buffer) {
  const iv = Buffer.alloc(16);
  iv.writeUInt32BE(sequence, 12);
  // ok: constant-iv
  return crypto.createCipheriv('aes-256-cbc', key, iv).update(data);
}

export class TokenCipher {
  private readonly iv = Buffer.from('f00dfeedf00dfeed');
  constructor(private readonly key: Buffer) {}
  seal(token: string) {
    // ruleid: constant-iv
    const cipher = crypto.createCipheriv('aes-128-cbc', this.key, this.iv);
    return cipher.update(token, 'utf8', 'hex') + cipher.final('hex');
  }
}

export class RotatingCipher {
  private iv = Buffer.alloc(16);
  constructor(private readonly key: Buffer) {}
  seal(token: string) {
    this.iv = crypto.randomBytes(16);
    // ok: constant-iv
    return crypto.createCipheriv('aes-128-cbc', this.key, this.iv).update(token);
  }
}

// one module-level IV buffer that each call fills before use
const RECORD_IV = Buffer.alloc(16);
const STATIC_IV = Buffer.alloc(16);
export function sealRecord(key: Buffer, sequence: number, data: Buffer) {
  RECORD_IV.fill(0);
  writeSequence(RECORD_IV, sequence);
  // ok: constant-iv
  return crypto.createCipheriv('aes-256-cbc', key, RECORD_IV).update(data);
}
export function sealRecordCopy(key: Buffer, salt: Buffer, data: Buffer) {
  salt.copy(RECORD_IV, 0);
  // ok: constant-iv
  return crypto.createCipheriv('aes-256-cbc', key, RECORD_IV).update(data);
}
export function sealStatic(key: Buffer, data: Buffer) {
  // ruleid: constant-iv
  return crypto.createCipheriv('aes-256-cbc', key, STATIC_IV).update(data);
}
function writeSequence(buffer: Buffer, sequence: number) {
  buffer.writeUInt32BE(sequence, 12);
}

// --- IVs defined in another file -----------------------------------------------

export function encryptWithImportedZeroIv(key: Buffer, data: Buffer) {
  // ruleid: constant-iv
  return crypto.createCipheriv('aes-256-cbc', key, ZERO_BLOCK).update(data);
}

export function encryptWithImportedTypedArray(key: Buffer, data: Buffer) {
  // ruleid: constant-iv
  return createCipheriv('aes-128-cbc', key, SHARED_IV).update(data);
}

export function encryptWithImportedSettings(key: Buffer, data: Buffer) {
  // ruleid: constant-iv
  return createCipheriv(SETTINGS.cipher, key, SETTINGS.iv).update(data);
}

export function encryptWithImportedLength(key: Buffer, data: Buffer) {
  // only the length comes from the settings module
  // ok: constant-iv
  return createCipheriv('aes-256-cbc', key, randomBytes(IV_BYTES)).update(data);
}

// --- node-forge byte buffers ------------------------------------------------------

export function forgeZeroIv(key: string, data: string) {
  const zeroIv = forge.util.createBuffer().fillWithByte(0, 16);
  const cipher = forge.cipher.createCipher('AES-CBC', key);
  // ruleid: constant-iv
  cipher.start({ iv: zeroIv });
  cipher.update(forge.util.createBuffer(data));
  cipher.finish();
  return cipher.output;
}

export function forgeInlineZeroIv(key: string) {
  const cipher = forge.cipher.createCipher('AES-CBC', key);
  // ruleid: constant-iv
  cipher.start({ iv: forge.util.createBuffer().fillWithByte(0, 16) });
  return cipher;
}

export function forgeRandomIv(key: string) {
  const cipher = forge.cipher.createCipher('AES-CBC', key);
  // ok: constant-iv
  cipher.start({ iv: forge.util.createBuffer(forge.random.getBytesSync(16)) });
  return cipher;
}
