import crypto from 'node:crypto';
import { createHash } from 'crypto';
import md5 from 'md5';
import CryptoJS from 'crypto-js';
import { sha1 } from '@noble/hashes/legacy';

const APP_SECRET = process.env.APP_SECRET!;

export function signParams(params: Record<string, string>, appSecret: string) {
  const query = Object.keys(params).sort().map((k) => `${k}=${params[k]}`).join('&');
  // ruleid: weak-hash-keyed-digest
  return md5(query + '&key=' + appSecret).toUpperCase();
}

export function verifyWebhook(rawBody: string, header: string) {
  // ruleid: weak-hash-keyed-digest
  const expected = crypto.createHash('sha1').update(APP_SECRET + rawBody).digest('hex');
  return expected === header;
}

export function legacyApiSignature(path: string, timestamp: number) {
  const h = createHash('md5');
  h.update(path);
  // ruleid: weak-hash-keyed-digest
  h.update(`${timestamp}:${process.env.PARTNER_API_KEY}`);
  return h.digest('hex');
}

export function requestSignature(body: string, nonce: string) {
  // ruleid: weak-hash-keyed-digest
  const signature = CryptoJS.SHA1(body + nonce).toString();
  return { body, nonce, signature };
}

export function paymentSign(order: { id: string; amount: number }, merchant: { key: string }) {
  const payload: Record<string, string> = { id: order.id, amount: String(order.amount) };
  // ruleid: weak-hash-keyed-digest
  payload.sign = Buffer.from(sha1(`${order.id}|${order.amount}|${merchant.key}`)).toString('hex');
  return payload;
}

// --- negatives ---

export function hmacSignature(body: string) {
  // ok: weak-hash-keyed-digest
  const signature = crypto.createHmac('sha256', APP_SECRET).update(body).digest('hex');
  return signature;
}

export function etagOfSecretsFile(secretsFileContents: string) {
  // ok: weak-hash-keyed-digest
  const etag = crypto.createHash('md5').update(secretsFileContents).digest('hex');
  return etag;
}

export function cacheKey(url: string) {
  // ok: weak-hash-keyed-digest
  const cacheKey = md5(url);
  return cacheKey;
}

export function gravatar(email: string) {
  // ok: weak-hash-keyed-digest
  return `https://www.gravatar.com/avatar/${md5(email.trim().toLowerCase())}`;
}

export function derivedKeyIsTheOtherRule(text: string, appSecret: string) {
  // ok: weak-hash-keyed-digest
  const key = crypto.createHash('md5').update(appSecret).digest();
  const cipher = crypto.createCipheriv('aes-128-cbc', key, crypto.randomBytes(16));
  return cipher.update(text, 'utf8', 'base64') + cipher.final('base64');
}

export function design(layout: string) {
  // ok: weak-hash-keyed-digest
  const design = md5(layout);
  return design;
}

export function puttyMacKey(passphrase: string, macData: Buffer) {
  // a digest used as the HMAC's key is not a bare digest used as a MAC
  const calcMAC = crypto.createHmac(
    'sha1',
    // ok: weak-hash-keyed-digest
    crypto.createHash('sha1').update('putty-private-key-file-mac-key').update(passphrase).digest(),
  ).update(macData).digest('hex');
  return calcMAC;
}

export function macKeyFirst(secret: string, body: string) {
  // ok: weak-hash-keyed-digest
  const macKey = crypto.createHash('sha1').update(secret).digest();
  // ruleid: weak-hash-keyed-digest
  const signature = crypto.createHash('md5').update(body + secret).digest('hex');
  return [crypto.createHmac('sha256', macKey).update(body).digest('hex'), signature];
}
