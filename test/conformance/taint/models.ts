import crypto from 'node:crypto';

declare const audit: { record(...args: unknown[]): void };
declare function fingerprintOf(value: unknown): string;
declare function redactKey(value: unknown): string;

function shippedEntries() {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  // ruleid: taint-models
  console.log(privateKey);
  // ok: taint-models
  console.log(publicKey);
  // ok: taint-models
  console.log(redactKey(privateKey));
}

function teamEntries() {
  const pair = crypto.generateKeyPairSync('ed25519');
  // ruleid: taint-models
  audit.record('rotated', pair.privateKey);
  // ok: taint-models
  audit.record('rotated', fingerprintOf(pair.privateKey));
}

async function disabledEntry(key: CryptoKey) {
  const exported = await crypto.subtle.exportKey('pkcs8', key);
  // ok: taint-models
  console.log(exported);
}
