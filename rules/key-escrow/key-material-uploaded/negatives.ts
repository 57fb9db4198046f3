// Hard negatives: public keys, passphrase-wrapped backups, encryption to the user's devices and
// peers, ciphertext, fingerprints and signatures all go to the server legitimately.
import nacl from 'tweetnacl';
import * as openpgp from 'openpgp';
import axios from 'axios';

export async function publishPublicKey(userId: string) {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  // ok: key-material-uploaded
  await axios.put(`/users/${userId}/keys`, { jwk: await crypto.subtle.exportKey('jwk', pair.publicKey), spki: await crypto.subtle.exportKey('spki', pair.publicKey) });
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, new TextEncoder().encode(userId));
  // ok: key-material-uploaded
  await axios.post('/devices/verify', { signature: Buffer.from(signature).toString('base64') });
}

export async function passphraseBackup(passphrase: string, identity: CryptoKeyPair) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  const kek = await crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations: 600_000, hash: 'SHA-256' }, base, { name: 'AES-KW', length: 256 }, false, ['wrapKey']);
  const wrapped = await crypto.subtle.wrapKey('pkcs8', identity.privateKey, kek, 'AES-KW');
  // ok: key-material-uploaded
  await fetch('/api/key-backup', { method: 'PUT', body: JSON.stringify({ salt: Array.from(salt), wrapped: Buffer.from(wrapped).toString('base64') }) });
}

export async function toMyOtherDevices(myDeviceIds: string[]) {
  const contentKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  for (const deviceId of myDeviceIds) {
    const response = await fetch(`/api/devices/${deviceId}/public-key`);
    const deviceKey = await crypto.subtle.importKey('jwk', await response.json(), { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['wrapKey']);
    const wrapped = await crypto.subtle.wrapKey('raw', contentKey, deviceKey, { name: 'RSA-OAEP' });
    // ok: key-material-uploaded
    await fetch(`/api/devices/${deviceId}/keys`, { method: 'POST', body: new Uint8Array(wrapped) });
  }
}

export function toPeer(message: Uint8Array, peerPublicKey: Uint8Array) {
  const mine = nacl.box.keyPair();
  const nonce = nacl.randomBytes(24);
  const boxed = nacl.box(message, nonce, peerPublicKey, mine.secretKey);
  // ok: key-material-uploaded
  return axios.post('/messages', { nonce: Array.from(nonce), boxed: Array.from(boxed), sender: Array.from(mine.publicKey) });
}

export async function pgpBackup(passphrase: string) {
  const { privateKey, publicKey } = await openpgp.generateKey({ userIDs: [{ email: 'a@example.org' }], passphrase, format: 'object' });
  // ok: key-material-uploaded
  await axios.post('/keys', { publicKey: publicKey.armor(), fingerprint: privateKey.getFingerprint() });
  const locked = await openpgp.encryptKey({ privateKey: await openpgp.decryptKey({ privateKey, passphrase }), passphrase });
  // ok: key-material-uploaded
  await axios.post('/keys/backup', { armored: locked.armor() });
}
