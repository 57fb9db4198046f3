import jwt from 'jsonwebtoken';
import { JWT as LegacyJWT, JWK as LegacyJWK } from 'jose';
import { verify } from 'jsonwebtoken';
import { UnsecuredJWT } from 'jose';
import * as jose from 'jose';
import { expressjwt } from 'express-jwt';
import { Strategy, ExtractJwt } from 'passport-jwt';

const ALLOWED = ['HS256', 'none'];
const NONE = 'none';

export function acceptsUnsigned(token: string, secret: string) {
  // ruleid: jwt-none-algorithm
  return jwt.verify(token, secret, { algorithms: ['HS256', 'none'] });
}

export function constantList(token: string, secret: string) {
  // ruleid: jwt-none-algorithm
  return verify(token, secret, { algorithms: ALLOWED as jwt.Algorithm[] });
}

export function issuesUnsigned(claims: object) {
  // ruleid: jwt-none-algorithm
  return jwt.sign(claims, '', { algorithm: NONE as jwt.Algorithm });
}

// ruleid: jwt-none-algorithm
export const requireAuth = expressjwt({ secret: process.env.JWT_SECRET!, algorithms: ['none', 'HS256'] as never });

export const strategy = new Strategy(
  // ruleid: jwt-none-algorithm
  { jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET!, algorithms: ['None'] },
  (payload: object, done: (e: unknown, u?: unknown) => void) => done(null, payload),
);

export function handRolled(claims: object) {
  // ruleid: jwt-none-algorithm
  const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
}

export function joseUnsecuredDecode(token: string) {
  // ruleid: jwt-none-algorithm
  return UnsecuredJWT.decode(token).payload;
}

export function joseUnsecuredEncode(claims: jose.JWTPayload) {
  // ruleid: jwt-none-algorithm
  return new jose.UnsecuredJWT(claims).setIssuedAt().encode();
}

// --- negatives ---

export function pinned(token: string, secret: string) {
  // ok: jwt-none-algorithm
  return jwt.verify(token, secret, { algorithms: ['HS256'] });
}

export async function joseVerify(token: string, key: Uint8Array) {
  // ok: jwt-none-algorithm
  return jose.jwtVerify(token, key, { algorithms: ['HS256'] });
}

export function unrelatedNone(render: (o: object) => string) {
  // ok: jwt-none-algorithm
  return render({ display: 'none', border: 'none' });
}

export function noneAsACompressionSetting(zip: (o: object) => void) {
  // ok: jwt-none-algorithm
  zip({ compression: 'none', level: 0 });
}

// legacy jose 1.x/2.x
export function legacyUnsecured(payload: object, token: string) {
  // ruleid: jwt-none-algorithm
  const unsigned = LegacyJWT.sign(payload, LegacyJWK.None);
  // ruleid: jwt-none-algorithm
  const accepted = LegacyJWT.verify(token, LegacyJWK.None);
  // ok: jwt-none-algorithm
  const signed = LegacyJWT.sign(payload, LegacyJWK.asKey(process.env.JWT_SECRET!), { algorithm: 'HS256' });
  return { unsigned, accepted, signed };
}
