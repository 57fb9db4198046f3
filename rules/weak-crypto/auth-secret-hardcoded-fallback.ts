import jwt from 'jsonwebtoken';
import { jwtVerify } from 'jose';
import { expressjwt } from 'express-jwt';
import session from 'express-session';
import cookieParser from 'cookie-parser';

export function issue(userId: string) {
  // ruleid: auth-secret-hardcoded-fallback
  return jwt.sign({ sub: userId }, process.env.JWT_SECRET || 'secret', { expiresIn: '1h' });
}

export function check(token: string) {
  const secret = process.env.TOKEN_SECRET ?? 'dev-secret-change-me';
  // ruleid: auth-secret-hardcoded-fallback
  return jwt.verify(token, secret);
}

// ruleid: auth-secret-hardcoded-fallback
export const requireAuth = expressjwt({ secret: process.env.JWT_SECRET || 'changeme', algorithms: ['HS256'] });

export const config = {
  port: Number(process.env.PORT ?? 3000),
  // ruleid: auth-secret-hardcoded-fallback
  jwtSecret: process.env.JWT_SECRET || 'my_jwt_secret',
  // ok: auth-secret-hardcoded-fallback
  databaseUrl: process.env.DATABASE_URL || 'postgres://localhost/dev',
};

// ruleid: auth-secret-hardcoded-fallback
export const ACCESS_TOKEN_SECRET = process.env.ACCESS_TOKEN_SECRET || 'access-secret';

export function sessions(app: { use(h: unknown): void }) {
  // ruleid: auth-secret-hardcoded-fallback
  app.use(session({ secret: process.env.SESSION_SECRET || 'keyboard cat', resave: false, saveUninitialized: false }));
  // ruleid: auth-secret-hardcoded-fallback
  app.use(cookieParser(process.env.COOKIE_SECRET ?? 'cookie-secret'));
}

// --- negatives ---

export function required(token: string) {
  const secret = process.env.JWT_SECRET;
  if (!secret) throw new Error('JWT_SECRET is not configured');
  // ok: auth-secret-hardcoded-fallback
  return jwt.verify(token, secret);
}

export async function joseNoFallback(token: string, key: Uint8Array) {
  // ok: auth-secret-hardcoded-fallback
  return jwtVerify(token, key);
}

// ok: auth-secret-hardcoded-fallback
export const LOG_LEVEL = process.env.LOG_LEVEL || 'info';

// ok: auth-secret-hardcoded-fallback
export const tokenLabel = process.env.TOKEN_LABEL || 'Bearer';

// an empty fallback is no key at all: secret-empty-fallback (low)
export function emptyFallback(payload: object) {
  // ok: auth-secret-hardcoded-fallback
  return jwt.sign(payload, process.env.JWT_SECRET ?? '');
}
// ok: auth-secret-hardcoded-fallback
export const emptySession = session({ secret: process.env.SESSION_SECRET || '' });
