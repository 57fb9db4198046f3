import crypto from 'node:crypto';
import NodeRSA from 'node-rsa';
import * as openpgp from 'openpgp';

// ruleid: hardcoded-private-key
const SIGNING_KEY = `-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj
MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu
-----END PRIVATE KEY-----`;

export function sign(data: string) {
  return crypto.sign('sha256', Buffer.from(data), SIGNING_KEY);
}

export function legacyRsa() {
  // ruleid: hardcoded-private-key
  return new NodeRSA('-----BEGIN RSA PRIVATE KEY-----\nMIICXAIBAAKBgQCqGKukO1De7zhZj6+H0qtjTkVxwTCpvKe4eCZ0FPqri0cb2JZfXJ/DgYSF6vUp\n-----END RSA PRIVATE KEY-----');
}

export async function pgpIdentity() {
  // ruleid: hardcoded-private-key
  const armoredKey = '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nxVgEZQ1p4hYJKwYBBAHaRw8BAQdAwO3tP5lq8T8RvHjI3ZyW0oN3m5pQ2kL7cXyZaBcD\n-----END PGP PRIVATE KEY BLOCK-----';
  return openpgp.readPrivateKey({ armoredKey });
}

// ruleid: hardcoded-private-key
const AGE_IDENTITY = 'AGE-SECRET-KEY-1QQPQZ7G6Y0R4VXQFUKJ2QJ5ZK3N8W6RSZ4JX2E7T9H5LMRD8CPQSQ7Z9K0';

export async function importIdentity() {
  return crypto.subtle.importKey(
    'jwk',
    // ruleid: hardcoded-private-key
    { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0', d: 'jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI' },
    { name: 'ECDH', namedCurve: 'P-256' },
    false,
    ['deriveKey'],
  );
}

// ruleid: hardcoded-private-key
const DEVICE_JWK = { kty: 'OKP', crv: 'X25519', x: 'hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo', d: 'dwdtCnMYpX08FsFyUbJmRd9ML4frwJkqsXf7pR25LCo' };

export async function importDevice() {
  // ok: hardcoded-private-key
  return crypto.subtle.importKey('jwk', DEVICE_JWK, { name: 'X25519' }, false, ['deriveBits']);
}

// --- negatives ---------------------------------------------------------------------

export function isPrivatePem(text: string) {
  // ok: hardcoded-private-key
  return text.includes('-----BEGIN PRIVATE KEY-----');
}

// ok: hardcoded-private-key
const PEM_HEADER = '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----';

// ok: hardcoded-private-key
const SERVER_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo
4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u
-----END PUBLIC KEY-----`;

export async function importPublicJwk() {
  return crypto.subtle.importKey(
    'jwk',
    // ok: hardcoded-private-key
    { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' },
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['verify'],
  );
}

export function privateKeyFromSecretStore(pem: string) {
  // ok: hardcoded-private-key
  return crypto.createPrivateKey({ key: pem, format: 'pem' });
}

export { AGE_IDENTITY, PEM_HEADER, SERVER_PUBLIC_KEY };

// A feature probe (ssh2 checks whether Ed25519 signing works): the key signs a constant and the
// signature is verified at once; nothing is protected by it.
export const eddsaSupported = (() => {
  if (typeof crypto.sign === 'function' && typeof crypto.verify === 'function') {
    const probeKey =
      // ok: hardcoded-private-key
      '-----BEGIN PRIVATE KEY-----\r\nMC4CAQAwBQYDK2VwBCIEIHKj+sVa9WcD' +
      '/q2DJUJaf43Kptc8xYuUQA4bOFj9vC8T\r\n-----END PRIVATE KEY-----';
    const data = Buffer.from('a');
    let sig;
    let verified;
    try {
      sig = crypto.sign(null, data, probeKey);
      verified = crypto.verify(null, data, probeKey, sig);
    } catch {
      return false;
    }
    return Buffer.isBuffer(sig) && sig.length === 64 && verified === true;
  }
  return false;
})();

export function signReceipt(receipt: Buffer) {
  const signingKey =
    // ruleid: hardcoded-private-key
    '-----BEGIN PRIVATE KEY-----\r\nMC4CAQAwBQYDK2VwBCIEIHKj+sVa9WcD' +
    '/q2DJUJaf43Kptc8xYuUQA4bOFj9vC8T\r\n-----END PRIVATE KEY-----';
  return crypto.sign(null, receipt, signingKey);
}
