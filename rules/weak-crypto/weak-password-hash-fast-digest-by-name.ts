import crypto from 'crypto';
import { createHash } from 'node:crypto';
import * as CryptoJS from 'crypto-js';
import { MD5 as cryptoJsMd5, AES } from 'crypto-js';
import md5 from 'md5';
import sha1 from 'sha1';
import { sha256 } from 'js-sha256';
import { sha512 } from '@noble/hashes/sha2';
import bcrypt from 'bcryptjs';

interface User { id: string; password: string; passwordHash?: string; resetPasswordToken?: string; pin: string }

export function hashPassword(password: string): string {
  // ruleid: weak-password-hash-fast-digest-by-name
  return crypto.createHash('md5').update(password).digest('hex');
}

export function saltedSha1(user: User, salt: string) {
  // ruleid: weak-password-hash-fast-digest-by-name
  user.passwordHash = createHash('sha1').update(salt + user.password).digest('hex');
}

export function storePin(userPin: string) {
  // ruleid: weak-password-hash-fast-digest-by-name
  return sha256(userPin);
}

export class AuthService {
  verify(user: User, plainPassword: string): boolean {
    // ruleid: weak-password-hash-fast-digest-by-name
    return md5(plainPassword) === user.passwordHash;
  }
}

export class LegacyUserModel {
  passwordDigest = '';
  checkPassword(plain: string): boolean {
    // ruleid: weak-password-hash-fast-digest-by-name
    return this.passwordDigest === crypto.createHash('sha1').update(plain).digest('hex');
  }
}

export const encodePassword = (raw: string) =>
  // ruleid: weak-password-hash-fast-digest-by-name
  CryptoJS.SHA1(raw).toString(CryptoJS.enc.Hex);

export function legacyPhpCompat(pwd: string) {
  // ruleid: weak-password-hash-fast-digest-by-name
  return sha1(pwd);
}

export function nobleSha512(masterPassphrase: string) {
  // ruleid: weak-password-hash-fast-digest-by-name
  return Buffer.from(sha512(new TextEncoder().encode(masterPassphrase))).toString('hex');
}

export async function browserDigest(form: { password: { value: string } }) {
  // ruleid: weak-password-hash-fast-digest-by-name
  const buf = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(form.password.value));
  return buf;
}

export function constantNamedSecret(ADMIN_PASS: string) {
  const h = crypto.createHash('sha256');
  // ruleid: weak-password-hash-fast-digest-by-name
  h.update(ADMIN_PASS);
  return h.digest('hex');
}

export function namedCryptoJsImport(newPassword: string) {
  // ruleid: weak-password-hash-fast-digest-by-name
  return cryptoJsMd5(newPassword).toString();
}

// A password reaching a helper of this file that hashes its parameter.
function md5hex(text: string) {
  return crypto.createHash('md5').update(text).digest('hex');
}
export function verifyLegacyPassword(password: string, stored: string) {
  // ruleid: weak-password-hash-fast-digest-by-name
  return md5hex(password) === stored;
}

// --- negatives ---

export function resetToken(user: User) {
  const token = crypto.randomBytes(32).toString('hex');
  // ok: weak-password-hash-fast-digest-by-name
  user.resetPasswordToken = crypto.createHash('sha256').update(token).digest('hex');
  // ok: weak-password-hash-fast-digest-by-name
  const lookup = crypto.createHash('sha256').update(user.resetPasswordToken).digest('hex');
  return lookup;
}

export function etag(body: string) {
  // ok: weak-password-hash-fast-digest-by-name
  return crypto.createHash('md5').update(body).digest('hex');
}

export function passport(passportNumber: string, shipping: string, mapping: string) {
  // ok: weak-password-hash-fast-digest-by-name
  return md5(passportNumber + shipping + mapping);
}

export function isPinned(pinnedMessageIds: string[], bypass: boolean) {
  // ok: weak-password-hash-fast-digest-by-name
  return crypto.createHash('sha1').update(pinnedMessageIds.join(',') + String(bypass)).digest('hex');
}

export function rehashStoredHash(user: User) {
  // ok: weak-password-hash-fast-digest-by-name
  return md5(user.passwordHash ?? '');
}

export async function prehashForBcrypt(password: string) {
  // ok: weak-password-hash-fast-digest-by-name
  return bcrypt.hash(crypto.createHash('sha256').update(password).digest('base64'), 12);
}

export async function pwnedCheck(password: string) {
  // ok: weak-password-hash-fast-digest-by-name
  const digest = crypto.createHash('sha1').update(password).digest('hex').toUpperCase();
  const res = await fetch(`https://api.pwnedpasswords.com/range/${digest.slice(0, 5)}`);
  return (await res.text()).includes(digest.slice(5));
}

export function requestBodyIsTheOtherRule(req: { body: { password: string } }) {
  // ok: weak-password-hash-fast-digest-by-name
  return md5(req.body.password);
}

export function cryptoJsCipherIsNotADigest(password: string, key: CryptoJS.lib.WordArray) {
  // ok: weak-password-hash-fast-digest-by-name
  return AES.encrypt(password, key, { iv: CryptoJS.lib.WordArray.random(16) }).toString();
}

export function resetPasswordHandler(req: { body: { email: string } }) {
  // ok: weak-password-hash-fast-digest-by-name
  return crypto.createHash('sha256').update(req.body.email).digest('hex');
}

export function forgotPassword(email: string) {
  // ok: weak-password-hash-fast-digest-by-name
  return crypto.createHash('md5').update(email).digest('hex');
}

export function lookalikeHasher(hasher: { update(s: string): string }, password: string) {
  // ok: weak-password-hash-fast-digest-by-name
  return hasher.update(password);
}

// security answers and passcodes are passwords too
export function storeSecurityAnswer(userId: string, securityAnswer: string) {
  // ruleid: weak-password-hash-fast-digest-by-name
  return { userId, answerHash: crypto.createHash('sha256').update(securityAnswer.trim().toLowerCase()).digest('hex') };
}

export function storePasscode(deviceId: string, passcode: string) {
  // ruleid: weak-password-hash-fast-digest-by-name
  return { deviceId, hash: sha256(deviceId + passcode) };
}

export function storeRecovery(recovery_answer: string) {
  // ruleid: weak-password-hash-fast-digest-by-name
  return md5(recovery_answer);
}

// --- wrappers of this file that hash their parameter ----------------------------------

function md5Hex(value: string): string {
  return crypto.createHash('md5').update(value).digest('hex');
}
const sha1Hex = (value: string) => crypto.createHash('sha1').update(value, 'utf8').digest('hex');

export function storeUserPassword(password: string) {
  // ruleid: weak-password-hash-fast-digest-by-name
  return md5Hex(password);
}

export function storePin(userPin: string) {
  // ruleid: weak-password-hash-fast-digest-by-name
  return sha1Hex(userPin);
}

export function fingerprint(document: string) {
  // ok: weak-password-hash-fast-digest-by-name
  return md5Hex(document);
}

export function hashLater(newPassword: string) {
  // a wrapper defined further down the file
  // ruleid: weak-password-hash-fast-digest-by-name
  return sha256Later(newPassword);
}
function sha256Later(input: string) {
  const digest = crypto.createHash('sha256').update(input).digest('base64');
  return digest;
}

function logged(value: string) {
  console.log(value.length);
  return value;
}
export function notAHash(password: string) {
  // ok: weak-password-hash-fast-digest-by-name
  return logged(password);
}
