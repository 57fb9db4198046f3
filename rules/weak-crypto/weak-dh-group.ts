import crypto, { createDiffieHellman, getDiffieHellman } from 'node:crypto';

const PRIME_BITS = 1024;
const LEGACY_GROUP = 'modp2';

export function legacyExchange() {
  // ruleid: weak-dh-group
  const alice = crypto.createDiffieHellman(1024);
  alice.generateKeys();
  return { prime: alice.getPrime(), generator: alice.getGenerator(), publicKey: alice.getPublicKey() };
}

export function constantPrimeLength() {
  // ruleid: weak-dh-group
  return createDiffieHellman(PRIME_BITS, 2);
}

export function namedGroup() {
  // ruleid: weak-dh-group
  const dh = getDiffieHellman('modp1');
  dh.generateKeys();
  return dh;
}

export function groupAlias() {
  // ruleid: weak-dh-group
  return crypto.createDiffieHellmanGroup(LEGACY_GROUP);
}

export function keyObjects() {
  // ruleid: weak-dh-group
  return crypto.generateKeyPairSync('dh', { group: 'modp5' });
}

export function keyObjectsPrimeLength() {
  // ruleid: weak-dh-group
  return crypto.generateKeyPairSync('dh', { primeLength: 768 });
}

export function strongGroup() {
  // ok: weak-dh-group
  return getDiffieHellman('modp14');
}

export function strongPrime() {
  // ok: weak-dh-group
  return createDiffieHellman(3072);
}

export function peerPrime(prime: Buffer, generator: Buffer) {
  // ok: weak-dh-group
  return createDiffieHellman(prime, generator);
}

export function ecdh() {
  // ok: weak-dh-group
  return crypto.createECDH('prime256v1');
}

export function x25519() {
  // ok: weak-dh-group
  return crypto.generateKeyPairSync('x25519');
}
