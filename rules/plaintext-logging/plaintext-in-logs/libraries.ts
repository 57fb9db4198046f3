// Every decrypt API of the models, its output logged.
import crypto from 'node:crypto';
import * as openpgp from 'openpgp';
import * as jose from 'jose';
import nacl from 'tweetnacl';
import sodium from 'libsodium-wrappers';
import CryptoJS from 'crypto-js';
import { gcm } from '@noble/ciphers/aes';
import { xchacha20poly1305 } from '@noble/ciphers/chacha';
import { Decrypter } from 'age-encryption';
import winston from 'winston';

const logger = winston.createLogger();

export function node(key: Buffer, iv: Buffer, data: Buffer, tag: Buffer, privateKey: crypto.KeyObject) {
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  const plain = Buffer.concat([decipher.update(data), decipher.final()]);
  // ruleid: plaintext-in-logs
  logger.debug('decrypted', { text: plain.toString('utf8') });
  // ok: plaintext-in-logs
  logger.debug('decrypted', { bytes: plain.length });
  // ruleid: plaintext-in-logs
  console.log(crypto.privateDecrypt(privateKey, data).toString());
  // ruleid: plaintext-in-logs
  console.log(crypto.createDecipheriv('aes-256-cbc', key, iv).update(data, undefined, 'utf8'));
}

export async function webCrypto(key: CryptoKey, iv: Uint8Array, ciphertext: ArrayBuffer) {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, ciphertext);
  // ruleid: plaintext-in-logs
  console.info(new TextDecoder().decode(plain));
  // ok: plaintext-in-logs
  console.info('ciphertext', new Uint8Array(ciphertext), 'plaintext bytes', plain.byteLength);
}

export async function pgp(armoredMessage: string, privateKey: openpgp.PrivateKey) {
  const { data, signatures } = await openpgp.decrypt({ message: await openpgp.readMessage({ armoredMessage }), decryptionKeys: privateKey });
  // ruleid: plaintext-in-logs
  console.log(data);
  // ok: plaintext-in-logs
  console.log(signatures.length, armoredMessage);
}

export async function joseDecrypt(jwe: string, key: CryptoKey) {
  const { plaintext, protectedHeader } = await jose.compactDecrypt(jwe, key);
  // ruleid: plaintext-in-logs
  console.log(new TextDecoder().decode(plaintext));
  // ok: plaintext-in-logs
  console.log(protectedHeader.alg, protectedHeader.enc);
  const { payload } = await jose.jwtDecrypt(jwe, key);
  // ruleid: plaintext-in-logs
  console.log(payload);
}

export async function sodiumAndNacl(box: Uint8Array, nonce: Uint8Array, key: Uint8Array, peer: Uint8Array) {
  // ruleid: plaintext-in-logs
  console.log(nacl.secretbox.open(box, nonce, key));
  // ruleid: plaintext-in-logs
  console.log(nacl.box.open(box, nonce, peer, key));
  await sodium.ready;
  const opened = sodium.crypto_secretbox_open_easy(box, nonce, key);
  // ruleid: plaintext-in-logs
  console.log(sodium.to_string(opened));
  // ruleid: plaintext-in-logs
  console.log(sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, box, null, nonce, key));
  // ruleid: plaintext-in-logs
  console.log(sodium.crypto_box_seal_open(box, peer, key));
}

export async function others(ciphertext: string, key: Uint8Array, nonce: Uint8Array, bytes: Uint8Array, identity: string) {
  // ruleid: plaintext-in-logs
  console.log(CryptoJS.AES.decrypt(ciphertext, 'passphrase').toString(CryptoJS.enc.Utf8));
  // ruleid: plaintext-in-logs
  console.log(gcm(key, nonce).decrypt(bytes));
  const aead = xchacha20poly1305(key, nonce);
  const opened = aead.decrypt(bytes);
  // ruleid: plaintext-in-logs
  console.log(opened);
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  // ruleid: plaintext-in-logs
  console.log(await decrypter.decrypt(bytes, 'text'));
}
