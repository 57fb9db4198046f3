import jwt from 'jsonwebtoken';
import * as legacy from 'jose';
import { JWT as LegacyJWT, JWK as LegacyJWK } from 'jose';
import jwtSimpleLib from 'jwt-simple';
import { sign, verify } from 'jsonwebtoken';
import * as jose from 'jose';
import { SignJWT, jwtVerify } from 'jose';
import { expressjwt } from 'express-jwt';
import { Strategy as JwtStrategy, ExtractJwt, type StrategyOptions } from 'passport-jwt';
import { JwtModule } from '@nestjs/jwt';
import fastifyJwt from '@fastify/jwt';
import { createSecretKey } from 'node:crypto';
const jsonwebtoken = require('jsonwebtoken');

const JWT_SECRET = 'super-secret-jwt-key';
const config = { auth: { jwtSecret: 'dev-secret' } } as const;
const PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEVs/o5+uQbTjL3chynL4wXgUg2R9
q9UU8I5mEovUf86QZ7kOBIjJwqnzD1omageEHWwHdBO6B+dFabmdT9POxg==
-----END PUBLIC KEY-----`;

export function issue(userId: string) {
  // ruleid: jwt-hardcoded-secret
  return jwt.sign({ sub: userId }, 'shhhhh', { expiresIn: '1h' });
}

export function check(token: string) {
  // ruleid: jwt-hardcoded-secret
  return verify(token, JWT_SECRET);
}

export function namedSign(userId: string) {
  // ruleid: jwt-hardcoded-secret
  return sign({ sub: userId }, config.auth.jwtSecret);
}

export function requireStyle(token: string) {
  // ruleid: jwt-hardcoded-secret
  return jsonwebtoken.verify(token, Buffer.from('c2VjcmV0', 'base64'));
}

export async function joseSign(userId: string) {
  // ruleid: jwt-hardcoded-secret
  return new SignJWT({ sub: userId }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(new TextEncoder().encode('my-jose-secret'));
}

const joseKey = new TextEncoder().encode('another-literal-secret');
export async function joseVerify(token: string) {
  // ruleid: jwt-hardcoded-secret
  return jwtVerify(token, joseKey, { algorithms: ['HS256'] });
}

export async function joseNamespace(token: string) {
  // ruleid: jwt-hardcoded-secret
  return jose.jwtVerify(token, createSecretKey(Buffer.from('namespace-secret')));
}

// ruleid: jwt-hardcoded-secret
export const requireAuth = expressjwt({
  secret: 'express-jwt-secret',
  algorithms: ['HS256'],
});

export const strategy = new JwtStrategy(
  // ruleid: jwt-hardcoded-secret
  { jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: 'passport-secret' },
  (payload: { sub: string }, done: (e: unknown, u?: unknown) => void) => done(null, { id: payload.sub }),
);

const opts = {} as StrategyOptions;
opts.jwtFromRequest = ExtractJwt.fromAuthHeaderAsBearerToken();
// ruleid: jwt-hardcoded-secret
opts.secretOrKey = 'secret';

// ruleid: jwt-hardcoded-secret
export const authModule = JwtModule.register({
  secret: JWT_SECRET,
  signOptions: { expiresIn: '60s' },
});

export class AuthService {
  constructor(private readonly jwtService: { signAsync(p: object, o: object): Promise<string> }) {}
  login(userId: string) {
    // ruleid: jwt-hardcoded-secret
    return this.jwtService.signAsync({ sub: userId }, { secret: 'nest-inline-secret' });
  }
}

export function registerFastify(app: { register(plugin: unknown, opts: object): void }) {
  // ruleid: jwt-hardcoded-secret
  app.register(fastifyJwt, { secret: 'supersecret' });
}

// --- negatives ---

export function fromEnvironment(userId: string) {
  // ok: jwt-hardcoded-secret
  return jwt.sign({ sub: userId }, process.env.JWT_SECRET!, { expiresIn: '1h' });
}

export function publicKeyVerify(token: string) {
  // ok: jwt-hardcoded-secret
  return jwt.verify(token, PUBLIC_KEY, { algorithms: ['ES256'] });
}

export async function joseEnvSecret(token: string) {
  // ok: jwt-hardcoded-secret
  return jwtVerify(token, new TextEncoder().encode(process.env.JWT_SECRET), { algorithms: ['HS256'] });
}

// ok: jwt-hardcoded-secret
export const envAuth = expressjwt({
  secret: process.env.JWT_SECRET as string,
  algorithms: ['HS256'],
});

export function otherSignApi(signer: { sign(p: object, k: string): string }) {
  // ok: jwt-hardcoded-secret
  return signer.sign({ a: 1 }, 'not-a-jwt');
}

export function cookieSignatureLookalike(cookie: { sign(value: string, secret: string): string }) {
  // ok: jwt-hardcoded-secret
  return cookie.sign('value', 'literal');
}

// --- legacy jose 1.x/2.x and jwt-simple ---

export function legacyJose(payload: object, token: string) {
  // ruleid: jwt-hardcoded-secret
  const key = legacy.JWK.asKey('legacy-jose-hs256-secret');
  // ok: jwt-hardcoded-secret
  const signed = legacy.JWT.sign(payload, key, { algorithm: 'HS256' });
  // ruleid: jwt-hardcoded-secret
  const verified = LegacyJWT.verify(token, 'legacy-verify-secret');
  // ruleid: jwt-hardcoded-secret
  const octKey = LegacyJWK.asKey({ kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0' });
  // ruleid: jwt-hardcoded-secret
  const fromBuffer = LegacyJWK.asKey(Buffer.from('buffer-secret'));
  return { signed, verified, octKey, fromBuffer };
}

export function jwtSimple(payload: object, token: string) {
  // ruleid: jwt-hardcoded-secret
  const encoded = jwtSimpleLib.encode(payload, 'xxx-simple-secret');
  // ruleid: jwt-hardcoded-secret
  const decoded = jwtSimpleLib.decode(token, 'xxx-simple-secret', false, 'HS256');
  // ok: jwt-hardcoded-secret
  const fromEnv = jwtSimpleLib.encode(payload, process.env.JWT_SECRET!);
  return { encoded, decoded, fromEnv };
}
