import * as crypto from 'node:crypto';
import { createSign, createVerify, sign as signData } from 'crypto';
import forge from 'node-forge';
import NodeRSA from 'node-rsa';

const LEGACY_SIGNATURE = 'RSA-SHA1';

export function signInvoice(invoice: string, privateKeyPem: string) {
  // ruleid: signature-weak-digest
  const signer = createSign('RSA-SHA1');
  signer.update(invoice);
  return signer.sign(privateKeyPem, 'base64');
}

export function verifyLegacy(payload: Buffer, signature: Buffer, publicKey: crypto.KeyObject) {
  // ruleid: signature-weak-digest
  const verifier = createVerify(LEGACY_SIGNATURE);
  verifier.update(payload);
  return verifier.verify(publicKey, signature);
}

export function oneShot(payload: Buffer, key: crypto.KeyObject) {
  // ruleid: signature-weak-digest
  return signData('sha1', payload, key);
}

export function oneShotVerifyMd5(payload: Buffer, key: crypto.KeyObject, sig: Buffer) {
  // ruleid: signature-weak-digest
  return crypto.verify('md5', payload, key, sig);
}

export async function webCryptoImport(spki: ArrayBuffer) {
  // ruleid: signature-weak-digest
  return crypto.subtle.importKey('spki', spki, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' }, false, ['verify']);
}

export async function webCryptoGenerate() {
  // ruleid: signature-weak-digest
  return globalThis.crypto.subtle.generateKey({ name: 'RSA-PSS', modulusLength: 3072, publicExponent: new Uint8Array([1, 0, 1]), hash: { name: 'SHA-1' } }, true, ['sign', 'verify']);
}

export async function webCryptoEcdsa(key: CryptoKey, data: Uint8Array) {
  // ruleid: signature-weak-digest
  return crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-1' }, key, data);
}

export function forgeSignature(privateKey: forge.pki.rsa.PrivateKey, data: string) {
  const md = forge.md.sha1.create();
  md.update(data, 'utf8');
  // ruleid: signature-weak-digest
  return privateKey.sign(md);
}

export function forgeCertificate(cert: forge.pki.Certificate, key: forge.pki.rsa.PrivateKey) {
  // ruleid: signature-weak-digest
  cert.sign(key, forge.md.md5.create());
}

export function nodeRsa(pem: string) {
  // ruleid: signature-weak-digest
  return new NodeRSA(pem, 'pkcs8-private', { signingScheme: 'pkcs1-sha1' });
}

// --- negatives ---

export function sha256Signature(payload: Buffer, key: crypto.KeyObject) {
  // ok: signature-weak-digest
  return crypto.sign('sha256', payload, key);
}

export function ed25519(payload: Buffer, key: crypto.KeyObject) {
  // ok: signature-weak-digest
  return crypto.sign(null, payload, key);
}

export async function oaepWithSha1IsEncryption(spki: ArrayBuffer) {
  // ok: signature-weak-digest
  return crypto.subtle.importKey('spki', spki, { name: 'RSA-OAEP', hash: 'SHA-1' }, false, ['encrypt']);
}

export async function hmacSha1IsNotASignature(raw: ArrayBuffer) {
  // ok: signature-weak-digest
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
}

export function sha1Checksum(data: Buffer) {
  // ok: signature-weak-digest
  return crypto.createHash('sha1').update(data).digest('hex');
}

export function forgeSha256(privateKey: forge.pki.rsa.PrivateKey, data: string) {
  const md = forge.md.sha256.create();
  md.update(data, 'utf8');
  // ok: signature-weak-digest
  return privateKey.sign(md);
}

export function unrelatedSign(jwt: { sign(p: object, alg: string): string }) {
  // ok: signature-weak-digest
  return jwt.sign({ sub: '1' }, 'sha1');
}
