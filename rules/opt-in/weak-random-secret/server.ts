import crypto from 'node:crypto';
import CryptoJS from 'crypto-js';
import { jitter, pick, randomString, shuffle, weakBytes } from './random-helpers';

export function resetPassword(user: { id: string; resetCode?: string }) {
  // ruleid: weak-random-secret
  user.resetCode = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
  return user;
}

export function sessionFor(userId: string) {
  // ruleid: weak-random-secret
  const sessionId = randomString(32);
  return { userId, sessionId };
}

export function apiCredentials(owner: string) {
  const raw = Array.from({ length: 40 }, () => pick(['a', 'b', 'c', 'd', 'e', 'f', '0', '1', '2', '3'])).join('');
  // ruleid: weak-random-secret
  return { owner, apiKey: `sk_${raw}` };
}

export function generateToken(): string {
  // ruleid: weak-random-secret
  return Math.random().toString(36).slice(2) + Date.now().toString(36);
}

export function encryptDraft(draft: string) {
  // a variable named only "key" is too common to be a secret's name; its use is found
  // ok: weak-random-secret
  const key = Buffer.from(randomString(32));
  const iv = crypto.randomBytes(16);
  // ruleid: weak-random-secret
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  return cipher.update(draft, 'utf8', 'base64') + cipher.final('base64');
}

export function legacyIv(key: Buffer, data: Buffer) {
  // ruleid: weak-random-secret
  return crypto.createCipheriv('aes-256-gcm', key, crypto.pseudoRandomBytes(12)).update(data);
}

export async function webCryptoIv(key: CryptoKey, data: Uint8Array) {
  // ruleid: weak-random-secret
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv: weakBytes(12) }, key, data);
}

export function hashPassword(password: string) {
  const salt = crypto.randomBytes(16);
  const pepper = Math.random().toString(16);
  // ruleid: weak-random-secret
  return crypto.scryptSync(password + pepper, Buffer.from(pepper), 32).toString('hex') + salt.toString('hex');
}

class InviteService {
  private readonly seed = Math.random();
  invite(email: string) {
    // ruleid: weak-random-secret
    return { email, token: Math.floor(this.seed * 1e16).toString(36) };
  }
}
export const invites = new InviteService();

export function cryptoJsPassphrase(note: string) {
  // ruleid: weak-random-secret
  const passphrase = Math.random().toString(36).substring(2);
  // ruleid: weak-random-secret
  return CryptoJS.AES.encrypt(note, passphrase).toString();
}

// --- negatives ---------------------------------------------------------------------

export function secureToken() {
  // ok: weak-random-secret
  const token = crypto.randomBytes(32).toString('base64url');
  // ok: weak-random-secret
  const code = crypto.randomInt(0, 1_000_000).toString().padStart(6, '0');
  return { token, code };
}

export function retryDelay(attempt: number) {
  // ok: weak-random-secret
  const delay = jitter(2 ** attempt * 100);
  return delay;
}

export function sample<T>(rows: T[]) {
  // ok: weak-random-secret
  const shown = shuffle(rows).slice(0, 10);
  // ok: weak-random-secret
  const requestId = Math.random().toString(36).slice(2);
  return { shown, requestId };
}

export function listKeys(items: string[]) {
  // a React-style list key is not a cryptographic key
  // ok: weak-random-secret
  return items.map((label) => ({ label, key: Math.random() }));
}

export function colour() {
  // ok: weak-random-secret
  return { hue: Math.random() * 360, opacity: Math.random() };
}

export function generateColor() {
  // ok: weak-random-secret
  return `hsl(${Math.floor(Math.random() * 360)}, 70%, 50%)`;
}

export function secureIv(key: Buffer, data: Buffer) {
  const iv = crypto.randomBytes(12);
  // ok: weak-random-secret
  return crypto.createCipheriv('aes-256-gcm', key, iv).update(data);
}
