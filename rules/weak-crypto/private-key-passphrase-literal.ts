import crypto from 'node:crypto';
import https from 'node:https';
import { readFileSync } from 'node:fs';

const PEM = readFileSync('key.pem', 'utf8');

export const signingKey = crypto.createPrivateKey({
  key: PEM,
  format: 'pem',
  // ruleid: private-key-passphrase-literal
  passphrase: 'top-secret-passphrase',
});

export function decrypt(buffer: Buffer) {
  // ruleid: private-key-passphrase-literal
  return crypto.privateDecrypt({ key: PEM, passphrase: 'pem-pass-123' }, buffer);
}

export function generate() {
  return crypto.generateKeyPairSync('rsa', {
    modulusLength: 3072,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    // ruleid: private-key-passphrase-literal
    privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'hardcoded-pass' },
  });
}

const PASSPHRASE = 'server-pfx-passphrase';
export const server = https.createServer({
  pfx: readFileSync('server.pfx'),
  // a constant defined above
  // ruleid: private-key-passphrase-literal
  passphrase: PASSPHRASE,
});

export const fromEnvironment = crypto.createPrivateKey({
  key: PEM,
  // ok: private-key-passphrase-literal
  passphrase: process.env.KEY_PASSPHRASE,
});

export function fromCaller(passphrase: string) {
  // ok: private-key-passphrase-literal
  return crypto.createPrivateKey({ key: PEM, passphrase });
}

export const example = {
  // ok: private-key-passphrase-literal
  passphrase: '<passphrase>',
  // an empty passphrase: the key is not encrypted at all, which is a separate choice
  // ok: private-key-passphrase-literal
  other: { passphrase: '' },
};
