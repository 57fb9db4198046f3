import CryptoJS from 'crypto-js';
import { AES, mode, pad } from 'crypto-js';
import ECB from 'crypto-js/mode-ecb';
import forge from 'node-forge';
import aesjs from 'aes-js';
import { ModeOfOperation } from 'aes-js';
import { ecb, gcm } from '@noble/ciphers/aes';
import * as nobleAes from '@noble/ciphers/aes.js';
import { randomBytes } from '@noble/ciphers/webcrypto';
import { ecb as legacyEcb } from './vendor/block-modes';

const ECB_SETTINGS = { mode: CryptoJS.mode.ECB, padding: CryptoJS.pad.Pkcs7 };
const FORGE_ALGORITHM = 'AES-ECB';

export function encryptToken(token: string, key: CryptoJS.lib.WordArray): string {
  // ruleid: js-lib-ecb-mode
  return CryptoJS.AES.encrypt(token, key, { mode: CryptoJS.mode.ECB, padding: CryptoJS.pad.Pkcs7 }).toString();
}

export function decryptToken(ciphertext: string, key: CryptoJS.lib.WordArray): string {
  // ruleid: js-lib-ecb-mode
  return AES.decrypt(ciphertext, key, { mode: mode.ECB }).toString(CryptoJS.enc.Utf8);
}

export function sharedSettings(token: string, key: CryptoJS.lib.WordArray): string {
  // ruleid: js-lib-ecb-mode
  return CryptoJS.AES.encrypt(token, key, ECB_SETTINGS).toString();
}

export function subModuleMode(token: string, key: CryptoJS.lib.WordArray): string {
  // ruleid: js-lib-ecb-mode
  return CryptoJS.AES.encrypt(token, key, { mode: ECB, padding: pad.Pkcs7 }).toString();
}

export function progressiveEcb(key: CryptoJS.lib.WordArray) {
  // ruleid: js-lib-ecb-mode
  return CryptoJS.algo.AES.createEncryptor(key, { mode: CryptoJS.mode.ECB });
}

export function forgeEcb(key: string, data: string): string {
  // ruleid: js-lib-ecb-mode
  const cipher = forge.cipher.createCipher('AES-ECB', key);
  cipher.start();
  cipher.update(forge.util.createBuffer(data));
  cipher.finish();
  return cipher.output.toHex();
}

export function forgeConstant(key: string) {
  // ruleid: js-lib-ecb-mode
  return forge.cipher.createDecipher(FORGE_ALGORITHM, key);
}

export function forgeLegacy(key: string) {
  // ruleid: js-lib-ecb-mode
  return forge.aes.createEncryptionCipher(key, 'ECB');
}

export function aesJs(key: Uint8Array, block: Uint8Array) {
  // ruleid: js-lib-ecb-mode
  const aesEcb = new aesjs.ModeOfOperation.ecb(key);
  return aesEcb.encrypt(block);
}

export function aesJsNamed(key: Uint8Array) {
  // ruleid: js-lib-ecb-mode
  return new ModeOfOperation.ecb(key);
}

export function noble(key: Uint8Array, data: Uint8Array) {
  // ruleid: js-lib-ecb-mode
  return ecb(key).encrypt(data);
}

export function nobleNamespace(key: Uint8Array, data: Uint8Array) {
  // ruleid: js-lib-ecb-mode
  return nobleAes.ecb(key, { disablePadding: true }).decrypt(data);
}

export function cryptoJsCbc(token: string, key: CryptoJS.lib.WordArray, iv: CryptoJS.lib.WordArray) {
  // ok: js-lib-ecb-mode
  return CryptoJS.AES.encrypt(token, key, { iv, mode: CryptoJS.mode.CBC }).toString();
}

export function cryptoJsDefault(token: string, key: CryptoJS.lib.WordArray, iv: CryptoJS.lib.WordArray) {
  // ok: js-lib-ecb-mode
  return CryptoJS.AES.encrypt(token, key, { iv }).toString();
}

export function forgeGcm(key: string) {
  // ok: js-lib-ecb-mode
  return forge.cipher.createCipher('AES-GCM', key);
}

export function aesJsCtr(key: Uint8Array) {
  // ok: js-lib-ecb-mode
  return new aesjs.ModeOfOperation.ctr(key, new aesjs.Counter(randomBytes(16)));
}

export function nobleGcm(key: Uint8Array, data: Uint8Array) {
  const nonce = randomBytes(12);
  // ok: js-lib-ecb-mode
  return gcm(key, nonce).encrypt(data);
}

export function otherEcbHelper(key: Uint8Array) {
  // ok: js-lib-ecb-mode
  return legacyEcb(key);
}

export function modeNamedEcbElsewhere(store: { save(v: object): void }, key: string) {
  // ok: js-lib-ecb-mode
  store.save({ key, mode: 'ECB' });
}
