import crypto, { constants, publicEncrypt } from 'node:crypto';
import NodeRSA from 'node-rsa';
import { JSEncrypt } from 'jsencrypt';
import forge from 'node-forge';

const LEGACY_PADDING = crypto.constants.RSA_PKCS1_PADDING;

export function wrapSessionKey(recipientPem: string, sessionKey: Buffer): Buffer {
  // ruleid: rsa-pkcs1-v15-encryption
  return crypto.publicEncrypt({ key: recipientPem, padding: crypto.constants.RSA_PKCS1_PADDING }, sessionKey);
}

export function unwrapSessionKey(privatePem: string, wrapped: Buffer): Buffer {
  // ruleid: rsa-pkcs1-v15-encryption
  return crypto.privateDecrypt({ key: privatePem, padding: constants.RSA_PKCS1_PADDING }, wrapped);
}

export function aliasedConstant(recipientPem: string, data: Buffer): Buffer {
  // ruleid: rsa-pkcs1-v15-encryption
  return publicEncrypt({ key: recipientPem, padding: LEGACY_PADDING }, data);
}

export function nodeRsaConstructor(pem: string) {
  // ruleid: rsa-pkcs1-v15-encryption
  const key = new NodeRSA(pem, 'pkcs8-public', { encryptionScheme: 'pkcs1' });
  return key.encrypt('hello', 'base64');
}

export function nodeRsaSetOptions(pem: string, text: string) {
  const key = new NodeRSA(pem);
  // ruleid: rsa-pkcs1-v15-encryption
  key.setOptions({ encryptionScheme: 'pkcs1', environment: 'browser' });
  return key.encrypt(text, 'base64');
}

export function loginForm(serverPublicKey: string, password: string): string | false {
  const encryptor = new JSEncrypt();
  encryptor.setPublicKey(serverPublicKey);
  // ruleid: rsa-pkcs1-v15-encryption
  return encryptor.encrypt(password);
}

export function forgeDefault(pem: string, secret: string): string {
  const publicKey = forge.pki.publicKeyFromPem(pem);
  // ruleid: rsa-pkcs1-v15-encryption
  const encrypted = publicKey.encrypt(secret);
  return forge.util.encode64(encrypted);
}

export function forgeExplicit(publicKey: forge.pki.rsa.PublicKey, secret: string): string {
  // ruleid: rsa-pkcs1-v15-encryption
  return publicKey.encrypt(secret, 'RSAES-PKCS1-V1_5');
}

export function forgeChained(pem: string, secret: string): string {
  // ruleid: rsa-pkcs1-v15-encryption
  return forge.pki.publicKeyFromPem(pem).encrypt(secret);
}

export function forgeGenerated(secret: string): string {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  // ruleid: rsa-pkcs1-v15-encryption
  return keys.publicKey.encrypt(secret);
}

export function oaep(recipientPem: string, sessionKey: Buffer): Buffer {
  // ok: rsa-pkcs1-v15-encryption
  return crypto.publicEncrypt({ key: recipientPem, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, sessionKey);
}

export function nodeDefaultPadding(recipientPem: string, sessionKey: Buffer): Buffer {
  // ok: rsa-pkcs1-v15-encryption
  return crypto.publicEncrypt(recipientPem, sessionKey);
}

export function signatureNotEncryption(privatePem: string, digest: Buffer): Buffer {
  // ok: rsa-pkcs1-v15-encryption
  return crypto.privateEncrypt({ key: privatePem, padding: crypto.constants.RSA_PKCS1_PADDING }, digest);
}

export function nodeRsaOaep(pem: string) {
  // ok: rsa-pkcs1-v15-encryption
  return new NodeRSA(pem, 'pkcs8-public', { encryptionScheme: 'pkcs1_oaep' });
}

export function forgeOaep(pem: string, secret: string): string {
  const publicKey = forge.pki.publicKeyFromPem(pem);
  // ok: rsa-pkcs1-v15-encryption
  return publicKey.encrypt(secret, 'RSA-OAEP', { md: forge.md.sha256.create() });
}

export async function webCryptoOaep(publicKey: CryptoKey, data: Uint8Array) {
  // ok: rsa-pkcs1-v15-encryption
  return crypto.subtle.encrypt({ name: 'RSA-OAEP' }, publicKey, data);
}

export function unrelatedEncrypt(vault: { encrypt(v: string): string }, secret: string) {
  // ok: rsa-pkcs1-v15-encryption
  return vault.encrypt(secret);
}

export function symmetricForge(key: string, iv: string, data: string) {
  const cipher = forge.cipher.createCipher('AES-GCM', key);
  cipher.start({ iv });
  // ok: rsa-pkcs1-v15-encryption
  cipher.update(forge.util.createBuffer(data));
  return cipher;
}

export async function webCryptoLegacy(publicKey: CryptoKey, data: Uint8Array) {
  // ruleid: rsa-pkcs1-v15-encryption
  return window.crypto.subtle.encrypt({ name: 'RSAES-PKCS1-v1_5' }, publicKey, data);
}

export function numericPadding(privatePem: string, wrapped: Buffer): Buffer {
  // ruleid: rsa-pkcs1-v15-encryption
  return crypto.privateDecrypt({ key: privatePem, padding: 1 }, wrapped);
}

export function requiredJsEncrypt(pem: string, text: string) {
  const JSEncryptCtor = require('jsencrypt').default;
  const enc = new JSEncryptCtor();
  enc.setPublicKey(pem);
  // ruleid: rsa-pkcs1-v15-encryption
  return enc.encrypt(text);
}
