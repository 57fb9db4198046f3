import CryptoJS from 'crypto-js';
import * as CJ from 'crypto-js';
import PBKDF2 from 'crypto-js/pbkdf2';
const { PBKDF2: derive } = require('crypto-js');

const KEY_OPTIONS = { keySize: 256 / 32 };

export function deriveVaultKey(password: string, salt: string) {
  // ruleid: pbkdf2-crypto-js-default-iterations
  return CryptoJS.PBKDF2(password, salt, { keySize: 256 / 32 }).toString();
}

export function noOptions(password: string, salt: CryptoJS.lib.WordArray) {
  // ruleid: pbkdf2-crypto-js-default-iterations
  return CJ.PBKDF2(password, salt);
}

export function moduleImport(password: string, salt: string) {
  // ruleid: pbkdf2-crypto-js-default-iterations
  return PBKDF2(password, salt, KEY_OPTIONS);
}

export function destructured(password: string, salt: string) {
  // ruleid: pbkdf2-crypto-js-default-iterations
  return derive(password, salt, { keySize: 4, hasher: CryptoJS.algo.SHA256 });
}

export function algoCreate(password: string, salt: string) {
  // ruleid: pbkdf2-crypto-js-default-iterations
  return CryptoJS.algo.PBKDF2.create({ keySize: 8 }).compute(password, salt);
}

// --- negatives ---

export function explicit(password: string, salt: string) {
  // ok: pbkdf2-crypto-js-default-iterations
  return CryptoJS.PBKDF2(password, salt, { keySize: 8, iterations: 600000, hasher: CryptoJS.algo.SHA256 });
}

export function explicitViaVariable(password: string, salt: string, iterations: number) {
  // ok: pbkdf2-crypto-js-default-iterations
  return CryptoJS.PBKDF2(password, salt, { keySize: 8, iterations });
}

export function unknownOptions(password: string, salt: string, options: object) {
  // ok: pbkdf2-crypto-js-default-iterations
  return CryptoJS.PBKDF2(password, salt, options);
}

export function nodePbkdf2(password: string, salt: Buffer) {
  // ok: pbkdf2-crypto-js-default-iterations
  return require('crypto').pbkdf2Sync(password, salt, 600000, 32, 'sha256');
}
