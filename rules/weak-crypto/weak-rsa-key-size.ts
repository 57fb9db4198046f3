import crypto, { generateKeyPair, generateKeyPairSync } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import NodeRSA from 'node-rsa';
import { JSEncrypt } from 'jsencrypt';
import * as openpgp from 'openpgp';
import { generateKeyPair as joseGenerateKeyPair } from 'jose';
import { generateKeyPair as localGenerateKeyPair } from './keys/generate';

const LEGACY_BITS = 1024;
const RSA_OPTIONS = { modulusLength: 512, publicExponent: 0x10001 };
const WEBCRYPTO_RSA = { name: 'RSA-OAEP', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };

export function serverIdentity() {
  // ruleid: weak-rsa-key-size
  return generateKeyPairSync('rsa', {
    modulusLength: 1024,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

export async function promisified() {
  // ruleid: weak-rsa-key-size
  return promisify(crypto.generateKeyPair)('rsa-pss', { modulusLength: LEGACY_BITS });
}

export function callbackStyle(done: (err: Error | null) => void) {
  // ruleid: broken-rsa-key-size
  generateKeyPair('rsa', RSA_OPTIONS, done);
}

const generateKeyPairAsync = promisify(generateKeyPair);

export async function promisifiedAlias() {
  // ruleid: weak-rsa-key-size
  const { privateKey } = await generateKeyPairAsync('rsa', { modulusLength: 1536 });
  return privateKey;
}

export function dsa() {
  // ruleid: weak-rsa-key-size
  return crypto.generateKeyPairSync('dsa', { modulusLength: 2 ** 10, divisorLength: 160 });
}

export async function browserKeys() {
  // ruleid: weak-rsa-key-size
  return window.crypto.subtle.generateKey(WEBCRYPTO_RSA, true, ['encrypt', 'decrypt']);
}

export async function browserKeysInline() {
  // ruleid: broken-rsa-key-size
  return crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 512, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign']);
}

export function forgeKeys() {
  // ruleid: weak-rsa-key-size
  const keys = forge.pki.rsa.generateKeyPair(1024, 0x10001);
  return forge.pki.privateKeyToPem(keys.privateKey);
}

export function forgeOptions(cb: (err: Error, keys: forge.pki.rsa.KeyPair) => void) {
  // ruleid: broken-rsa-key-size
  forge.pki.rsa.generateKeyPair({ bits: 768, workers: 2 }, cb);
}

export function nodeRsa() {
  // ruleid: broken-rsa-key-size
  const key = new NodeRSA({ b: 512 });
  return key.exportKey('pkcs8-private');
}

export function nodeRsaGenerate() {
  const key = new NodeRSA();
  // ruleid: weak-rsa-key-size
  key.generateKeyPair(1024, 65537);
  return key;
}

export function jsEncrypt() {
  // ruleid: weak-rsa-key-size
  const crypt = new JSEncrypt({ default_key_size: '1024' });
  return crypt.getPrivateKey();
}

export async function pgp(userID: { name: string; email: string }) {
  // ruleid: weak-rsa-key-size
  return openpgp.generateKey({ type: 'rsa', rsaBits: 1024, userIDs: [userID] });
}

export async function jose() {
  // ruleid: weak-rsa-key-size
  return joseGenerateKeyPair('RS256', { modulusLength: 1024 });
}

// --- negatives ---------------------------------------------------------------

export function strongNode() {
  // ok: weak-rsa-key-size, broken-rsa-key-size
  return generateKeyPairSync('rsa', { modulusLength: 3072 });
}

export function ecNode() {
  // ok: weak-rsa-key-size, broken-rsa-key-size
  return generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

export function sizeFromConfig(bits: number) {
  // ok: weak-rsa-key-size, broken-rsa-key-size
  return generateKeyPairSync('rsa', { modulusLength: bits });
}

export async function strongBrowser() {
  // ok: weak-rsa-key-size, broken-rsa-key-size
  return crypto.subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 4096, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['encrypt']);
}

export async function aesLengthIsNotRsa() {
  // ok: weak-rsa-key-size, broken-rsa-key-size
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
}

export function strongForge() {
  // ok: weak-rsa-key-size, broken-rsa-key-size
  return forge.pki.rsa.generateKeyPair({ bits: 3072, workers: -1 });
}

export function strongNodeRsa() {
  // ok: weak-rsa-key-size, broken-rsa-key-size
  return new NodeRSA({ b: 2048 });
}

export async function eccPgp(userID: { name: string }) {
  // ok: weak-rsa-key-size, broken-rsa-key-size
  return openpgp.generateKey({ type: 'ecc', curve: 'curve25519', userIDs: [userID] });
}

export function localHelperWithTheSameName() {
  // ok: weak-rsa-key-size, broken-rsa-key-size
  return localGenerateKeyPair(1024);
}

export function unrelatedObjectField(store: { save(v: object): void }) {
  // ok: weak-rsa-key-size, broken-rsa-key-size
  store.save({ modulusLength: 1024, b: 512 });
}
