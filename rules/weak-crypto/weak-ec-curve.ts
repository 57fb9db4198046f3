import crypto, { createECDH, generateKeyPairSync } from 'node:crypto';
import sjcl from 'sjcl';
import { ec as EC } from 'elliptic';

const DEVICE_CURVE = 'secp160r1';
const KEY_OPTIONS = { namedCurve: 'prime192v1' } as const;

export function deviceKeys() {
  // ruleid: weak-ec-curve
  return generateKeyPairSync('ec', { namedCurve: 'secp192k1' });
}

export function deviceKeysConstant() {
  // fields spread from a constant object are seen by value
  // ruleid: weak-ec-curve
  return crypto.generateKeyPairSync('ec', { ...KEY_OPTIONS, publicKeyEncoding: { type: 'spki', format: 'der' } });
}

export function ecdh() {
  // ruleid: weak-ec-curve
  const alice = createECDH(DEVICE_CURVE);
  return alice.generateKeys();
}

export function binaryCurve(done: (err: Error | null) => void) {
  // ruleid: weak-ec-curve
  crypto.generateKeyPair('ec', { namedCurve: 'sect163k1' }, done);
}

export function ellipticLib() {
  // ruleid: weak-ec-curve
  const ec = new EC('p192');
  return ec.genKeyPair();
}

export function sjclCurve() {
  // ruleid: weak-ec-curve
  return sjcl.ecc.ecdsa.generateKeys(sjcl.ecc.curves.c192);
}

export function sjclBits() {
  // ruleid: weak-ec-curve
  return sjcl.ecc.elGamal.generateKeys(192, 6);
}

export function p256() {
  // ok: weak-ec-curve
  return generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

export function secp256k1() {
  // ok: weak-ec-curve
  return createECDH('secp256k1');
}

export function p224() {
  // ok: weak-ec-curve
  return generateKeyPairSync('ec', { namedCurve: 'secp224r1' });
}

export function curveFromCaller(curve: string) {
  // ok: weak-ec-curve
  return createECDH(curve);
}

export function sjclStrong() {
  // ok: weak-ec-curve
  return sjcl.ecc.ecdsa.generateKeys(sjcl.ecc.curves.c256);
}

export function ellipticStrong() {
  // ok: weak-ec-curve
  return new EC('secp256k1').genKeyPair();
}

export function curveNameInLog(logger: { info(m: string): void }) {
  // ok: weak-ec-curve
  logger.info('secp192k1 is no longer supported');
}
