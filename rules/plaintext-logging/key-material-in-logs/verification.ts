// Token verification with an issuer's published keys, and helpers that check key bytes.
import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import jwksClient from 'jwks-rsa';

async function getSigningKey(client: jwksClient.JwksClient, kid: string) {
  return client.getSigningKey(kid);
}

export async function verifyIdToken(token: string, kid: string, log: Console) {
  const client = jwksClient({ jwksUri: 'https://issuer.example.org/.well-known/jwks.json' });
  // The issuer's verification key from its JWKS is public.
  const published = await getSigningKey(client, kid);
  // ok: key-material-in-logs
  log.debug('verifying with', published);
  const verificationKey = published.getPublicKey();
  const claims = jwt.verify(token, verificationKey) as { iss: string; aud: string };
  // ok: key-material-in-logs
  if (claims.iss !== 'https://issuer.example.org') throw new Error(`unexpected issuer ${claims.iss}`);
  return claims;
}

interface Jwk { rsaPublicKey?: string; publicKey?: string }
declare function loadRecoveryKey(kid: string): Promise<Jwk & { privateKey: string }>;

export async function describeKey(kid: string, log: Console) {
  const record = await loadRecoveryKey(kid);
  // ok: key-material-in-logs
  log.info('rsa public key', record.rsaPublicKey);
  // ruleid: key-material-in-logs
  log.info('recovery key', record.privateKey);
}

function assertArgument(check: unknown, message: string, name: string, value: unknown): asserts check {
  if (!check) throw new TypeError(`${message}: ${name}=${String(value)}`);
}

function toHex(bytes: Uint8Array): string {
  assertArgument(bytes instanceof Uint8Array, 'expected bytes', 'bytes', bytes);
  return Buffer.from(bytes).toString('hex');
}

export function sharedSecretHex(privateKey: crypto.KeyObject, publicKey: crypto.KeyObject) {
  const secret = crypto.diffieHellman({ privateKey, publicKey });
  // The check quotes its argument only when it is not bytes at all.
  // ok: key-material-in-logs
  const hex = toHex(secret);
  // ruleid: key-material-in-logs
  if (hex.length !== 64) throw new Error(`unexpected shared secret ${hex}`);
  return hex;
}
