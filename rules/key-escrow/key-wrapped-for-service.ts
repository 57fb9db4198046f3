// Keys wrapped under a key the service holds, then uploaded: the service can unwrap them.
import crypto from 'node:crypto';
import sodium from 'libsodium-wrappers';
import nacl from 'tweetnacl';
import * as jose from 'jose';
import axios from 'axios';

const RECOVERY_JWK = { kty: 'RSA', n: 'u1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0_IzW7yWR7QkrmBL7jTKEn5u-qKhbwKfBstIs-bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW_VDL5AaWTg0nLVkjRo9z-40RQzuVaE8AkAFmxZzow3x-VJYKdjykkJ0iT9wCS0DRTXu269V264Vf_3jvredZiKRkgwlL9xNAwxXFg0x_XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC-9aGVd-Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmw', e: 'AQAB' };
const SERVER_BOX_KEY = 'kX3ubpJ0eqBLq9WBl4k6m7zpUMJ2YyH2hW2h1dLa3H0=';

export async function escrowIdentityWithWebCrypto(userId: string) {
  const identity = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveKey']);
  const recovery = await crypto.subtle.importKey('jwk', RECOVERY_JWK, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['wrapKey']);
  const aesKek = await crypto.subtle.generateKey({ name: 'AES-KW', length: 256 }, true, ['wrapKey']);
  const wrapped = await crypto.subtle.wrapKey('pkcs8', identity.privateKey, aesKek, 'AES-KW');
  const wrappedKek = await crypto.subtle.wrapKey('raw', aesKek, recovery, { name: 'RSA-OAEP' });
  // ruleid: key-wrapped-for-service
  await fetch(`/api/users/${userId}/recovery`, { method: 'PUT', body: JSON.stringify({ wrapped: Array.from(new Uint8Array(wrapped)), kek: Array.from(new Uint8Array(wrappedKek)) }) });
}

export async function escrowWithEnvPem(userId: string) {
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  const sealed = crypto.publicEncrypt(process.env.ESCROW_PUBLIC_KEY_PEM!, Buffer.from(pem));
  // ruleid: key-wrapped-for-service
  await axios.post(`/users/${userId}/escrow`, { sealed: sealed.toString('base64') });
}

export async function sealSessionKeyToServer(conversationId: string) {
  await sodium.ready;
  const sessionKey = sodium.crypto_secretbox_keygen();
  const serverKey = sodium.from_base64(SERVER_BOX_KEY);
  const sealed = sodium.crypto_box_seal(sessionKey, serverKey);
  // ruleid: key-wrapped-for-service
  await axios.post(`/conversations/${conversationId}/key-escrow`, { sealed: sodium.to_base64(sealed) });
}

export async function boxSeedToFetchedServiceKey() {
  const seed = nacl.randomBytes(32);
  const signing = nacl.sign.keyPair.fromSeed(seed);
  const serverKey = new Uint8Array(await (await fetch('/api/escrow-key')).arrayBuffer());
  const ephemeral = nacl.box.keyPair();
  const nonce = nacl.randomBytes(24);
  const boxed = nacl.box(signing.secretKey, nonce, serverKey, ephemeral.secretKey);
  // ruleid: key-wrapped-for-service
  await axios.put('/backup', { boxed: Array.from(boxed), nonce: Array.from(nonce), from: Array.from(ephemeral.publicKey) });
}

export async function jweOfExportedKeyToConfigKey(userId: string) {
  const secret = await jose.generateSecret('A256GCM', { extractable: true });
  const jwk = await jose.exportJWK(secret);
  const escrowKey = await jose.importSPKI(process.env.KEY_ESCROW_SPKI!, 'RSA-OAEP-256');
  const jwe = await new jose.CompactEncrypt(new TextEncoder().encode(JSON.stringify(jwk)))
    .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })
    .encrypt(escrowKey);
  // ruleid: key-wrapped-for-service
  await fetch(`/api/users/${userId}/content-key`, { method: 'POST', body: jwe });
}

export async function cipherUnderConfiguredMasterKey(userId: string, file: Buffer) {
  // Envelope encryption where the key-encryption key is the operator's: the data key is random
  // bytes, key material because it encrypts the file.
  const dataKey = crypto.randomBytes(32);
  const iv = crypto.randomBytes(12);
  const fileCipher = crypto.createCipheriv('aes-256-gcm', dataKey, iv);
  const body = Buffer.concat([fileCipher.update(file), fileCipher.final()]);
  const kekCipher = crypto.createCipheriv('aes-256-gcm', Buffer.from(process.env.MASTER_KEY!, 'hex'), crypto.randomBytes(12));
  const wrapped = Buffer.concat([kekCipher.update(dataKey), kekCipher.final(), kekCipher.getAuthTag()]);
  // ruleid: key-wrapped-for-service
  await axios.put(`/users/${userId}/files`, { body: body.toString('base64'), wrapped: wrapped.toString('base64') });
}

// Hard negatives: the wrapping key is the user's (passphrase-derived) or a device's (looked up per id).
export async function passphraseWrapped(passphrase: string, userId: string) {
  const identity = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveKey']);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  const kek = await crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations: 600_000, hash: 'SHA-256' }, base, { name: 'AES-KW', length: 256 }, false, ['wrapKey']);
  const wrapped = await crypto.subtle.wrapKey('pkcs8', identity.privateKey, kek, 'AES-KW');
  // ok: key-wrapped-for-service
  await fetch(`/api/users/${userId}/backup`, { method: 'PUT', body: new Uint8Array(wrapped) });
}

export async function toEachDevice(deviceIds: string[]) {
  await sodium.ready;
  const sessionKey = sodium.crypto_secretbox_keygen();
  for (const deviceId of deviceIds) {
    const { publicKey } = await (await fetch(`/api/devices/${deviceId}/box-key`)).json();
    const sealed = sodium.crypto_box_seal(sessionKey, sodium.from_base64(publicKey));
    // ok: key-wrapped-for-service
    await axios.post(`/devices/${deviceId}/session-keys`, { sealed: sodium.to_base64(sealed) });
  }
}

export async function messageToServerKey(text: string) {
  // Content (not a key) encrypted to the service: not escrow of a key.
  const serverKey = sodium.from_base64(SERVER_BOX_KEY);
  const sealed = sodium.crypto_box_seal(sodium.from_string(text), serverKey);
  // ok: key-wrapped-for-service
  await axios.post('/feedback', { sealed: sodium.to_base64(sealed) });
}
