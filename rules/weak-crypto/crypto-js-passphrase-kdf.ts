import CryptoJS from 'crypto-js';
import { AES } from 'crypto-js';
import RC4 from 'crypto-js/rc4';

const STORAGE_SECRET = process.env.STORAGE_SECRET || 'dev-only';
const VITE_KEY = import.meta.env.VITE_ENCRYPTION_KEY as string;

export function encryptProfile(profile: object) {
  // ruleid: crypto-js-passphrase-kdf
  return CryptoJS.AES.encrypt(JSON.stringify(profile), process.env.ENCRYPTION_KEY!).toString();
}

export function decryptProfile(blob: string) {
  // ruleid: crypto-js-passphrase-kdf
  return JSON.parse(CryptoJS.AES.decrypt(blob, STORAGE_SECRET).toString(CryptoJS.enc.Utf8));
}

export function viteClient(note: string) {
  // ruleid: crypto-js-passphrase-kdf
  return AES.encrypt(note, VITE_KEY).toString();
}

export function wordArrayTurnedIntoString(note: string) {
  const key = CryptoJS.lib.WordArray.random(32);
  // ruleid: crypto-js-passphrase-kdf
  return CryptoJS.AES.encrypt(note, key.toString()).toString();
}

export function perUserPassphrase(note: string, userId: string, pepper: string) {
  // ruleid: crypto-js-passphrase-kdf
  return CryptoJS.AES.encrypt(note, `${userId}:${pepper}`).toString();
}

export function moduleImport(note: string) {
  // ruleid: crypto-js-passphrase-kdf
  return RC4.encrypt(note, String(process.env.RC4_KEY)).toString();
}

// --- negatives ---

export function parsedKey(note: string) {
  const key = CryptoJS.enc.Hex.parse(process.env.DATA_KEY_HEX ?? '');
  const iv = CryptoJS.lib.WordArray.random(16);
  // ok: crypto-js-passphrase-kdf
  return CryptoJS.AES.encrypt(note, key, { iv }).toString();
}

export function parsedInline(note: string) {
  // ok: crypto-js-passphrase-kdf
  return CryptoJS.AES.encrypt(note, CryptoJS.enc.Base64.parse(process.env.KEY_B64 ?? ''), { iv: CryptoJS.lib.WordArray.random(16) }).toString();
}

export function literalIsTheOtherRule(note: string) {
  // ok: crypto-js-passphrase-kdf
  return CryptoJS.AES.encrypt(note, 'literal').toString();
}

export function unknownKey(note: string, key: CryptoJS.lib.WordArray) {
  // ok: crypto-js-passphrase-kdf
  return CryptoJS.AES.encrypt(note, key, { iv: CryptoJS.lib.WordArray.random(16) }).toString();
}

export function ciphertextToString(note: string, key: CryptoJS.lib.WordArray, iv: CryptoJS.lib.WordArray) {
  // ok: crypto-js-passphrase-kdf
  return CryptoJS.AES.encrypt(note.toString(), key, { iv }).toString();
}

// --- a string by its type ---------------------------------------------------------

export function encryptWithStringParameter(note: string, secret: string) {
  // ruleid: crypto-js-passphrase-kdf
  return CryptoJS.AES.encrypt(note, secret).toString();
}

class Vault {
  constructor(private readonly masterPassword: string) {}
  seal(note: string) {
    // ruleid: crypto-js-passphrase-kdf
    return CryptoJS.AES.encrypt(note, this.masterPassword).toString();
  }
}

function readPassword(): string {
  return process.argv[2] ?? '';
}

export function encryptWithStringFromCall(note: string) {
  // ruleid: crypto-js-passphrase-kdf
  return CryptoJS.AES.encrypt(note, readPassword()).toString();
}

export function encryptWithWordArrayParameter(note: string, wordKey: CryptoJS.lib.WordArray, iv: CryptoJS.lib.WordArray) {
  // ok: crypto-js-passphrase-kdf
  return CryptoJS.AES.encrypt(note, wordKey, { iv }).toString();
}

export function decryptWithUnknownType(blob: string, key: any, iv: CryptoJS.lib.WordArray) {
  // ok: crypto-js-passphrase-kdf
  return CryptoJS.AES.decrypt(blob, key, { iv }).toString(CryptoJS.enc.Utf8);
}

export { Vault };
