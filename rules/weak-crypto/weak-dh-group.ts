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

// --- a group name given to a constructor and kept in a field -------------------------

class KeyExchange {
  private readonly groupName: string;
  constructor(groupName: string) {
    this.groupName = groupName;
  }
  start() {
    const dh = crypto.getDiffieHellman(this.groupName);
    return dh.generateKeys();
  }
}

class Negotiation {
  private readonly group: string;
  constructor(
    readonly peer: string,
    group: string,
  ) {
    this.group = group;
  }
  begin() {
    return crypto.createDiffieHellmanGroup(this.group).generateKeys();
  }
}

// ruleid: weak-dh-group
export const legacyExchange = new KeyExchange('modp1');
// ruleid: weak-dh-group
export const legacyNegotiation = new Negotiation('server', 'modp2');
// ok: weak-dh-group
export const modernExchange = new KeyExchange('modp14');

class Labelled {
  private readonly label: string;
  constructor(label: string) {
    this.label = label;
  }
  describe() {
    return this.label.toUpperCase();
  }
}
// a constructor that only keeps the name as a label
// ok: weak-dh-group
export const label = new Labelled('modp1');
