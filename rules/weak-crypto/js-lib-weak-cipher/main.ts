import CryptoJS from 'crypto-js';
import * as CJS from 'crypto-js';
import { TripleDES, AES } from 'crypto-js';
import RC4Module from 'crypto-js/rc4';
import forge from 'node-forge';
import { cipher as forgeCipher } from 'node-forge';
import { TripleDES as LocalTripleDES } from './legacy/tripledes-shim';

const CryptoJSRequired = require('crypto-js');
const LEGACY_FORGE_ALGORITHM = '3DES-CBC';

enum ForgeAlgorithm {
  Legacy = 'DES-CBC',
  Modern = 'AES-GCM',
}

export function encryptProfile(profile: object, key: CryptoJS.lib.WordArray, iv: CryptoJS.lib.WordArray): string {
  // ruleid: js-lib-weak-cipher
  return CryptoJS.TripleDES.encrypt(JSON.stringify(profile), key, { iv }).toString();
}

export function decryptProfile(ciphertext: string, key: CryptoJS.lib.WordArray, iv: CryptoJS.lib.WordArray) {
  // ruleid: js-lib-weak-cipher
  const bytes = CJS.DES.decrypt(ciphertext, key, { iv, mode: CJS.mode.CBC });
  return bytes.toString(CJS.enc.Utf8);
}

export function namedImport(message: string, key: CryptoJS.lib.WordArray) {
  // ruleid: js-lib-weak-cipher
  return TripleDES.encrypt(message, key).toString();
}

export function requiredRc4(message: string, key: CryptoJS.lib.WordArray) {
  // ruleid: js-lib-weak-cipher
  return CryptoJSRequired.RC4Drop.encrypt(message, key, { drop: 3072 / 4 }).toString();
}

export function subModule(message: string, key: CryptoJS.lib.WordArray) {
  // ruleid: js-lib-weak-cipher
  return RC4Module.encrypt(message, key).toString();
}

export function progressive(key: CryptoJS.lib.WordArray, iv: CryptoJS.lib.WordArray) {
  // ruleid: js-lib-weak-cipher
  return CryptoJS.algo.TripleDES.createEncryptor(key, { iv });
}

export function forge3des(key: string, iv: string, data: string) {
  // ruleid: js-lib-weak-cipher
  const cipher = forge.cipher.createCipher('3DES-CBC', key);
  cipher.start({ iv });
  cipher.update(forge.util.createBuffer(data));
  cipher.finish();
  return cipher.output.getBytes();
}

export function forgeConstant(key: string) {
  // ruleid: js-lib-weak-cipher
  return forgeCipher.createDecipher(LEGACY_FORGE_ALGORITHM, key);
}

export function forgeEnum(key: string) {
  // ruleid: js-lib-weak-cipher
  return forge.cipher.createCipher(ForgeAlgorithm.Legacy, key);
}

export function forgeRc2(key: string) {
  // ruleid: js-lib-weak-cipher
  return forge.rc2.createEncryptionCipher(key, 128);
}

export function forgeLegacyDes(key: string, iv: string, output: forge.util.ByteStringBuffer) {
  // ruleid: js-lib-weak-cipher
  return forge.des.startEncrypting(key, iv, output, 'CBC');
}

export function aes(message: string, key: CryptoJS.lib.WordArray, iv: CryptoJS.lib.WordArray) {
  // ok: js-lib-weak-cipher
  return AES.encrypt(message, key, { iv }).toString();
}

export function forgeGcm(key: string) {
  // ok: js-lib-weak-cipher
  return forge.cipher.createCipher(ForgeAlgorithm.Modern, key);
}

export function forgeUnknown(algorithm: forge.cipher.Algorithm, key: string) {
  // ok: js-lib-weak-cipher
  return forge.cipher.createCipher(algorithm, key);
}

export function forgeAesNotDes(key: string) {
  // ok: js-lib-weak-cipher
  return forge.cipher.createCipher('AES-CBC', key);
}

export function sameNameElsewhere(message: string, key: string) {
  // ok: js-lib-weak-cipher
  return LocalTripleDES.encrypt(message, key);
}

export function desLookalikeInAnotherObject(vault: { DES: { encrypt(m: string): string } }, message: string) {
  // ok: js-lib-weak-cipher
  return vault.DES.encrypt(message);
}

export function hashNotCipher(message: string) {
  // ok: js-lib-weak-cipher
  return CryptoJS.SHA256(message + 'DES').toString();
}

// --- API references assigned rather than called -----------------------------------

// ruleid: js-lib-weak-cipher
const desCipherFn = forge.des.createEncryptionCipher;
export function encryptWithReference(key: string, data: string) {
  const cipher = desCipherFn(key);
  cipher.update(forge.util.createBuffer(data));
  cipher.finish();
  return cipher.output.getBytes();
}

export const legacyCiphers = {
  // ruleid: js-lib-weak-cipher
  decrypt: forge.rc2.createDecryptionCipher,
  // ok: js-lib-weak-cipher
  encrypt: forge.cipher.createCipher,
};

// a library defining the API (node-forge's own des.js) is not using it
// ok: js-lib-weak-cipher
forge.des.startEncrypting = function startEncrypting(key: string, iv: string, output: forge.util.ByteStringBuffer) {
  return forge.cipher.createCipher('AES-CBC', key);
} as unknown as typeof forge.des.startEncrypting;

// nor is a convenience API of that cipher built on its own primitives (node-forge's rc2.js)
forge.rc2.startDecrypting = function startDecrypting(key: string, iv: string, output: forge.util.ByteStringBuffer) {
  // ok: js-lib-weak-cipher
  const cipher = forge.rc2.createDecryptionCipher(key, 128);
  cipher.start(iv, output);
  return cipher;
} as unknown as typeof forge.rc2.startDecrypting;

// an API of another cipher that delegates to RC2 is still a use
forge.aes.startDecrypting = function startDecrypting(key: string) {
  // ruleid: js-lib-weak-cipher
  return forge.rc2.createDecryptionCipher(key, 128);
} as unknown as typeof forge.aes.startDecrypting;
