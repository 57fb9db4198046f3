import crypto from 'node:crypto';

declare const audit: { record(...args: unknown[]): void };
declare function fingerprintOf(value: unknown): string;
declare function redactKey(value: unknown): string;
declare function loadKeyring(): { signing: { secret: string; public: string }; encryption: string; owner: string };
declare const backupBlob: string;

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

async function disabledEntry(key: Parameters<typeof crypto.subtle.exportKey>[1]) {
  const exported = await crypto.subtle.exportKey('pkcs8', key);
  // ok: taint-models
  console.log(exported);
}

class Session {
  constructor(private readonly sessionKey: CryptoKey) {}

  debug() {
    // A type selector: a field declared as CryptoKey.
    // ruleid: taint-models
    console.log(this.sessionKey);
  }
}

function typed(key: KeyObject, label: string) {
  // ruleid: taint-models
  console.log(key);
  // ok: taint-models
  console.log(label);
}

type KeyObject = { type: string };

function fieldList() {
  const ring = loadKeyring();
  // ruleid: taint-models
  console.log(ring.signing.secret);
  // ruleid: taint-models
  console.log(ring.encryption);
  // ok: taint-models
  console.log(ring.signing.public);
  // ok: taint-models
  console.log(ring.owner);
  const { encryption, owner } = loadKeyring();
  // ruleid: taint-models
  console.log(encryption);
  // ok: taint-models
  console.log(owner);
}

function severityCap() {
  // A name-only source: the finding is medium and of low confidence (see the models test in taint-engine.test.ts).
  // ruleid: taint-models
  console.log(backupBlob);
}
