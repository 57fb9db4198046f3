import crypto, { createCipheriv, createDecipheriv, createHmac, randomBytes, scryptSync } from 'node:crypto';
import CryptoJS from 'crypto-js';
import { AES } from 'crypto-js';
import forge from 'node-forge';
import nacl from 'tweetnacl';
import { ARCHIVE_KEY, EXPORT_KEY, KEY_BYTES, PLACEHOLDER_KEY, WEBHOOK_SECRET } from './secrets';

// ruleid: hardcoded-symmetric-key
const SECRET_KEY = 'my-super-secret-key-0123456789ab';
// ruleid: hardcoded-symmetric-key
const ZERO_KEY = Buffer.alloc(32);
// ruleid: hardcoded-symmetric-key
const SETTINGS = { cipherKey: Buffer.from('00112233445566778899aabbccddeeff', 'hex') };

export function encryptNote(note: string) {
  const iv = randomBytes(12);
  // ok: hardcoded-symmetric-key (reported where the key is defined)
  const cipher = createCipheriv('aes-256-gcm', SECRET_KEY, iv);
  return Buffer.concat([iv, cipher.update(note, 'utf8'), cipher.final(), cipher.getAuthTag()]);
}

export function decryptWithZeroKey(iv: Buffer, data: Buffer) {
  // ok: hardcoded-symmetric-key (reported where the key is defined)
  const decipher = createDecipheriv('aes-256-cbc', ZERO_KEY, iv);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

export function hexKey(iv: Buffer, data: Buffer) {
  // ruleid: hardcoded-symmetric-key
  const key = Buffer.from('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4', 'hex');
  // ok: hardcoded-symmetric-key (reported where the key is defined)
  return crypto.createCipheriv('aes-256-cbc', key, iv).update(data);
}

export function derivedFromLiteralPassword(iv: Buffer, data: Buffer) {
  // ruleid: hardcoded-symmetric-key
  const key = scryptSync('correct horse battery staple', 'salt', 32);
  // ok: hardcoded-symmetric-key (reported where the key is defined)
  return crypto.createCipheriv('aes-256-cbc', key, iv).update(data);
}

export function envWithLiteralFallback(iv: Buffer, data: Buffer) {
  // ruleid: hardcoded-symmetric-key
  const key = process.env.DATA_KEY || 'dev-only-key-do-not-use-in-prod!';
  // ok: hardcoded-symmetric-key (reported where the key is defined)
  return crypto.createCipheriv('aes-256-cbc', key, iv).update(data);
}

export function hashedLiteralSecretCut(iv: Buffer, data: Buffer) {
  const key = crypto.createHash('sha256').update(String(SECRET_KEY)).digest('base64').substring(0, 32);
  // engine: String(constant) is not folded into a constant
  // todoruleid: hardcoded-symmetric-key
  return crypto.createCipheriv('aes-256-cbc', key, iv).update(data);
}

export function hashedEnvWithFallback(iv: Buffer, data: Buffer) {
  // ruleid: hardcoded-symmetric-key
  const key = crypto.createHash('sha256').update(process.env.APP_SECRET || 'change-me').digest();
  // ok: hardcoded-symmetric-key (reported where the key is defined)
  return crypto.createCipheriv('aes-256-cbc', key, iv).update(data);
}

export function configObject(iv: Buffer, data: Buffer) {
  // ok: hardcoded-symmetric-key (reported where the key is defined)
  return crypto.createCipheriv('aes-128-cbc', SETTINGS.cipherKey, iv).update(data);
}

export function webhookSignature(body: string) {
  // ruleid: hardcoded-symmetric-key
  return createHmac('sha256', 'whsec_0123456789abcdef').update(body).digest('hex');
}

export function crossFileConstant(iv: Buffer, data: Buffer) {
  // ruleid: hardcoded-symmetric-key
  return crypto.createCipheriv('aes-256-cbc', Buffer.from(ARCHIVE_KEY, 'hex'), iv).update(data);
}

export function crossFileHmac(body: string) {
  // ok: hardcoded-symmetric-key (reported where the key is defined)
  return crypto.createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex');
}

export function cryptoJsPassphrase(text: string) {
  // a literal passphrase is reported by crypto-js-passphrase-literal
  // ok: hardcoded-symmetric-key
  return CryptoJS.AES.encrypt(text, 'secret key 123').toString();
}

export function cryptoJsWordArrayKey(text: string) {
  // ruleid: hardcoded-symmetric-key
  const key = CryptoJS.enc.Utf8.parse('1234567890123456');
  const iv = CryptoJS.lib.WordArray.random(16);
  // ok: hardcoded-symmetric-key (reported where the key is defined)
  return AES.encrypt(text, key, { iv }).toString();
}

export function cryptoJsHmac(payload: string) {
  // ok: hardcoded-symmetric-key (reported where the key is defined)
  return CryptoJS.HmacSHA256(payload, SECRET_KEY).toString();
}

export function forgeKey(data: string) {
  // ruleid: hardcoded-symmetric-key
  const cipher = forge.cipher.createCipher('AES-GCM', forge.util.hexToBytes('000102030405060708090a0b0c0d0e0f'));
  cipher.start({ iv: forge.random.getBytesSync(12) });
  cipher.update(forge.util.createBuffer(data));
  cipher.finish();
  return cipher.output.getBytes();
}

// --- negatives ---------------------------------------------------------------------

export function keyFromEnvironment(iv: Buffer, data: Buffer) {
  const key = Buffer.from(process.env.DATA_KEY_B64!, 'base64');
  // ok: hardcoded-symmetric-key
  return crypto.createCipheriv('aes-256-gcm', key, iv).update(data);
}

export function keyParameter(key: Buffer, iv: Buffer, data: Buffer) {
  // ok: hardcoded-symmetric-key
  return crypto.createCipheriv('aes-256-gcm', key, iv).update(data);
}

export function randomKey(iv: Buffer, data: Buffer) {
  const key = randomBytes(32);
  // ok: hardcoded-symmetric-key
  return { key, ct: crypto.createCipheriv('aes-256-gcm', key, iv).update(data) };
}

export function derivedFromUserPassword(password: string, salt: Buffer, iv: Buffer, data: Buffer) {
  const key = scryptSync(password, salt, 32, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 });
  // ok: hardcoded-symmetric-key
  return crypto.createCipheriv('aes-256-gcm', key, iv).update(data);
}

export function allocatedThenFilled(iv: Buffer, data: Buffer) {
  const key = Buffer.alloc(32);
  crypto.randomFillSync(key);
  // ok: hardcoded-symmetric-key
  return crypto.createCipheriv('aes-256-gcm', key, iv).update(data);
}

export function emptyFallbackIsNotAKey(body: string) {
  // ok: hardcoded-symmetric-key
  return createHmac('sha256', process.env.PEPPER ?? '').update(body).digest('hex');
}

export function hmacKeyedWithUserSecret(userSecret: string, body: string) {
  // ok: hardcoded-symmetric-key
  return createHmac('sha256', userSecret).update(body).digest('hex');
}

export function cryptoJsUserPassphrase(text: string, passphrase: string) {
  // ok: hardcoded-symmetric-key
  return CryptoJS.AES.encrypt(text, passphrase).toString();
}

export function hashIsNotAKey(body: string) {
  // ok: hardcoded-symmetric-key
  return crypto.createHash('sha256').update('prefix:' + body).digest('hex');
}

export function telegramInitDataCheck(botToken: string, dataCheckString: string) {
  // ok: hardcoded-symmetric-key
  const secret = crypto.createHmac('sha256', 'WebAppData').update(botToken).digest();
  return crypto.createHmac('sha256', secret).update(dataCheckString).digest('hex');
}

export function literalIsThePlaintext(key: Buffer, iv: Buffer) {
  // ok: hardcoded-symmetric-key
  return crypto.createCipheriv('aes-256-gcm', key, iv).update('hello world');
}

export function nonNullAndCasts(settings: { key?: Buffer; iv?: Buffer }, data: Buffer) {
  // ok: hardcoded-symmetric-key
  return crypto.createCipheriv('aes-256-gcm', settings.key!, settings.iv as Buffer).update(data);
}

export function secretKeyObjectFromLiteral(iv: Buffer, data: Buffer) {
  // reported once, where the key is made; its use is in the trace
  // ruleid: hardcoded-symmetric-key
  const keyObject = crypto.createSecretKey(Buffer.from('00112233445566778899aabbccddeeff', 'hex'));
  // ok: hardcoded-symmetric-key
  return crypto.createCipheriv('aes-128-gcm', keyObject, iv).update(data);
}

export function shadowedConstant(SECRET_KEY: Buffer, iv: Buffer) {
  // ok: hardcoded-symmetric-key
  return crypto.createCipheriv('aes-256-gcm', SECRET_KEY, iv);
}

export class ProfileCrypto {
  private readonly key: Buffer;
  constructor() {
    this.key = Buffer.from('4f1e2d3c4b5a69788796a5b4c3d2e1f0', 'hex');
  }
  seal(profile: string) {
    const iv = randomBytes(12);
    // ruleid: hardcoded-symmetric-key
    const cipher = createCipheriv('aes-128-gcm', this.key, iv);
    return Buffer.concat([iv, cipher.update(profile), cipher.final(), cipher.getAuthTag()]);
  }
}

export class InjectedKeyCrypto {
  constructor(private readonly key: Buffer) {}
  seal(profile: string) {
    const iv = randomBytes(12);
    // ok: hardcoded-symmetric-key
    return createCipheriv('aes-128-gcm', this.key, iv).update(profile);
  }
}

export function emptyEnvFallback(iv: Buffer, data: Buffer) {
  // an empty fallback is no key in the code: secret-empty-fallback (low)
  // ok: hardcoded-symmetric-key
  return crypto.createCipheriv('aes-256-cbc', Buffer.from(process.env.DATA_KEY_HEX ?? '', 'hex'), iv).update(data);
}

// a KeyObject made from a literal
// ruleid: hardcoded-symmetric-key
export const SECRET_KEY_OBJECT = crypto.createSecretKey(Buffer.from('0f1e2d3c4b5a69788796a5b4c3d2e1f0', 'hex'));
export function keyObjectFromLiteral() {
  // ruleid: hardcoded-symmetric-key
  return crypto.createSecretKey('hmac-signing-secret', 'utf8');
}
export function keyObjectFromEnv() {
  // ok: hardcoded-symmetric-key
  return crypto.createSecretKey(Buffer.from(process.env.SIGNING_KEY_HEX!, 'hex'));
}
export function keyObjectInline(iv: Buffer, data: Buffer) {
  // one finding for the key made and used in one expression
  // ruleid: hardcoded-symmetric-key
  return crypto.createCipheriv('aes-128-cbc', crypto.createSecretKey(Buffer.from('00112233445566778899aabbccddeeff', 'hex')), iv).update(data);
}

export function exportImportedKey(data: Buffer, iv: Buffer) {
  // ok: hardcoded-symmetric-key (reported where the key is defined, in secrets.ts)
  return crypto.createCipheriv('aes-256-cbc', EXPORT_KEY, iv).update(data);
}

export function sealWithPlaceholder(data: Uint8Array, nonce: Uint8Array) {
  // ok: hardcoded-symmetric-key (reported where the key is defined, in secrets.ts)
  return nacl.secretbox(data, nonce, PLACEHOLDER_KEY);
}

export function keyOfImportedLength(data: Buffer, iv: Buffer) {
  // ok: hardcoded-symmetric-key
  return crypto.createCipheriv('aes-256-cbc', crypto.randomBytes(KEY_BYTES), iv).update(data);
}
