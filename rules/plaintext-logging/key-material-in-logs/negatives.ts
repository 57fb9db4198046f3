// Clean code: however many variables are called `key`, nothing here reveals key material.
import crypto from 'node:crypto';
import * as openpgp from 'openpgp';
import pino from 'pino';

const logger = pino({ redact: { paths: ['key', 'secret'], censor: '[redacted]' } });
declare function redact(value: unknown): string;

export async function clean(passphrase: string) {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const raw = await crypto.subtle.exportKey('raw', key);
  const keyId = Buffer.from(await crypto.subtle.digest('SHA-256', raw)).toString('hex').slice(0, 16);
  // A key id (a hash of the key).
  // ok: key-material-in-logs
  console.log('created key', keyId);
  // A length and what the key says about itself.
  // ok: key-material-in-logs
  console.log('key bytes', raw.byteLength, key.algorithm, key.type, key.usages, key.extractable);
  // Booleans about a key.
  // ok: key-material-in-logs
  console.log('has key', !!key, raw.byteLength === 32);
  // A redacted value and a logger configured to redact.
  // ok: key-material-in-logs
  console.log(redact(raw));
  // ok: key-material-in-logs
  logger.info({ key: Buffer.from(raw).toString('hex') });
  // Log text that merely mentions secrets.
  // ok: key-material-in-logs
  console.log('password reset requested; private key rotation scheduled');
  // Ciphertext: the key wrapped under a passphrase-derived key.
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  const kek = await crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations: 600000, hash: 'SHA-256' }, base, { name: 'AES-KW', length: 256 }, false, ['wrapKey']);
  const wrapped = await crypto.subtle.wrapKey('raw', key, kek, 'AES-KW');
  // ok: key-material-in-logs
  console.log('backup', Buffer.from(wrapped).toString('base64'), 'salt', salt);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode('hello'));
  // ok: key-material-in-logs
  console.log('sent', new Uint8Array(ciphertext), iv);
}

export async function pgp(passphrase: string) {
  const { privateKey, publicKey } = await openpgp.generateKey({ userIDs: [{ name: 'a' }], format: 'object' });
  const locked = await openpgp.encryptKey({ privateKey, passphrase });
  // A passphrase-protected private key, a public key and a fingerprint.
  // ok: key-material-in-logs
  console.log(locked.armor(), publicKey.armor(), privateKey.getFingerprint());
  const signature = await openpgp.sign({ message: await openpgp.createMessage({ text: 'hi' }), signingKeys: privateKey, detached: true });
  // ok: key-material-in-logs
  console.log(signature);
}

export function hmac(data: string) {
  const key = crypto.randomBytes(32);
  const mac = crypto.createHmac('sha256', key).update(data).digest('hex');
  // A MAC made with the key.
  // ok: key-material-in-logs
  console.log('mac', mac);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));
  const sealed = Buffer.concat([cipher.update(data), cipher.final()]);
  // ok: key-material-in-logs
  console.log('sealed', sealed.toString('base64'), cipher.getAuthTag());
}

declare const olmMachine: { getBackupKeys(): Promise<{ backupVersion: string; decryptionKey: { toBase64(): string } }> };

export async function backupVersionOnly(backupLog: Console) {
  // The version destructured next to the key, and whether the key is there, are not the key.
  const { backupVersion, decryptionKey } = await olmMachine.getBackupKeys();
  // ok: key-material-in-logs
  backupLog.warn(`could not download backup (backupVersion=${backupVersion}, hasDecryptionKey=${!!decryptionKey})`);
  // ruleid: key-material-in-logs
  backupLog.warn(`backup key ${decryptionKey.toBase64()}`);
}
