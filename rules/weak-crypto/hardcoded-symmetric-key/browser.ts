import nacl from 'tweetnacl';
import naclUtil from 'tweetnacl-util';
import sodium from 'libsodium-wrappers';
import { xchacha20poly1305 } from '@noble/ciphers/chacha';
import { hexToBytes } from '@noble/ciphers/utils';
import { randomBytes } from '@noble/ciphers/webcrypto';

// ruleid: hardcoded-symmetric-key
const SHARED_SECRET = naclUtil.decodeBase64('q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=');
// ruleid: hardcoded-symmetric-key
const RAW_KEY = new Uint8Array([0x60, 0x3d, 0xeb, 0x10, 0x15, 0xca, 0x71, 0xbe, 0x2b, 0x73, 0xae, 0xf0, 0x85, 0x7d, 0x77, 0x81]);

export async function importStaticKey() {
  // ok: hardcoded-symmetric-key (reported where the key is defined)
  return crypto.subtle.importKey('raw', RAW_KEY, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export async function importStaticJwk() {
  // ruleid: hardcoded-symmetric-key
  return window.crypto.subtle.importKey('jwk', { kty: 'oct', k: 'Y0zt37HgOx-BY7SQjYVmrqhPkO44Ii2Jcb9yydUDPfE', alg: 'A256GCM' }, { name: 'AES-GCM' }, false, ['decrypt']);
}

export async function importFromEncoder() {
  // ruleid: hardcoded-symmetric-key
  return crypto.subtle.importKey('raw', new TextEncoder().encode('0123456789abcdef0123456789abcdef'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

export function seal(message: string) {
  const nonce = nacl.randomBytes(nacl.secretbox.nonceLength);
  // ok: hardcoded-symmetric-key (reported where the key is defined)
  return { nonce, box: nacl.secretbox(naclUtil.decodeUTF8(message), nonce, SHARED_SECRET) };
}

export async function sodiumSeal(message: string) {
  await sodium.ready;
  const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);
  // ruleid: hardcoded-symmetric-key
  return sodium.crypto_secretbox_easy(message, nonce, sodium.from_hex('724b092810ec86d7e35c9d067702b31ef90bc43a7b598626749914d6a3e033ed'));
}

export function nobleSeal(data: Uint8Array) {
  // ruleid: hardcoded-symmetric-key
  return xchacha20poly1305(hexToBytes('4b6f29e6d9f0d5a1c3b2a1908f7e6d5c4b3a29181716151413121110f0e0d0c0'), randomBytes(24)).encrypt(data);
}

// --- negatives ---------------------------------------------------------------------

export async function importPublicKey(spki: ArrayBuffer) {
  // ok: hardcoded-symmetric-key
  return crypto.subtle.importKey('spki', spki, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['encrypt']);
}

export async function importPublicJwk() {
  // ok: hardcoded-symmetric-key
  return crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
}

const PKCS8_X25519_PREFIX = new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20]);

export async function importUserPrivateKey(rawPrivateKey: Uint8Array) {
  const pkcs8 = new Uint8Array([...PKCS8_X25519_PREFIX, ...rawPrivateKey]);
  // ok: hardcoded-symmetric-key
  return crypto.subtle.importKey('pkcs8', pkcs8, { name: 'X25519' }, false, ['deriveBits']);
}

export function sessionKey(message: Uint8Array) {
  const key = nacl.randomBytes(nacl.secretbox.keyLength);
  const nonce = nacl.randomBytes(nacl.secretbox.nonceLength);
  // ok: hardcoded-symmetric-key
  return { key, nonce, box: nacl.secretbox(message, nonce, key) };
}

export function theirPublicKeyIsNotSecret(message: Uint8Array, mySecretKey: Uint8Array) {
  const serverPublicKey = naclUtil.decodeBase64('hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo=');
  const nonce = nacl.randomBytes(24);
  // ok: hardcoded-symmetric-key
  return nacl.box(message, nonce, serverPublicKey, mySecretKey);
}
