import jwt from 'jsonwebtoken';
import jwtSimple from 'jwt-simple';
import { JWT as LegacyJWT } from 'jose';
import { decode, verify } from 'jsonwebtoken';
import { decodeJwt, jwtVerify } from 'jose';
import { jwtDecode } from 'jwt-decode';
import type { NextFunction, Request, Response } from 'express';

export function authenticate(req: Request & { user?: unknown }, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.replace('Bearer ', '') ?? '';
  // ruleid: jwt-decode-without-verify
  req.user = jwt.decode(token);
  next();
}

export function viaVariable(req: Request & { auth?: unknown }, _res: Response, next: NextFunction) {
  // ruleid: jwt-decode-without-verify
  const payload = decode(String(req.headers['x-access-token'])) as { sub: string } | null;
  req.auth = { userId: payload?.sub };
  next();
}

export function adminOnly(req: Request, res: Response, next: NextFunction) {
  // ruleid: jwt-decode-without-verify
  const claims = decodeJwt(req.cookies.session);
  if (claims.role !== 'admin') {
    return res.sendStatus(403);
  }
  next();
}

export function koa(ctx: { state: { user?: unknown }; get(h: string): string }) {
  // ruleid: jwt-decode-without-verify
  ctx.state.user = jwtDecode(ctx.get('Authorization').slice(7));
}

// --- negatives ---

export function verified(req: Request & { user?: unknown }, _res: Response, next: NextFunction) {
  const token = req.headers.authorization?.slice(7) ?? '';
  // ok: jwt-decode-without-verify
  const header = jwt.decode(token, { complete: true })?.header;
  req.user = verify(token, keyFor(header?.kid), { algorithms: ['RS256'] });
  next();
}

export async function joseVerified(req: Request & { user?: unknown }) {
  const token = req.headers.authorization?.slice(7) ?? '';
  // ok: jwt-decode-without-verify
  const unverified = decodeJwt(token);
  const { payload } = await jwtVerify(token, keyFor(String(unverified.iss)));
  req.user = payload;
}

export function clientSideExpiry(token: string) {
  // ok: jwt-decode-without-verify
  const { exp } = jwtDecode<{ exp: number }>(token);
  return exp * 1000 < Date.now();
}

export function showName(token: string, el: { textContent: string }) {
  // ok: jwt-decode-without-verify
  const claims = decodeJwt(token);
  el.textContent = String(claims.name);
}

function keyFor(_kid: unknown): string {
  return process.env.JWT_PUBLIC_KEY ?? '';
}

export function jwtSimpleNoVerify(req: { headers: Record<string, string>; user?: unknown }) {
  // ruleid: jwt-decode-without-verify
  const claims = jwtSimple.decode(req.headers.authorization!, process.env.JWT_SECRET!, true);
  return claims;
}

export function jwtSimpleVerified(token: string) {
  // ok: jwt-decode-without-verify
  return jwtSimple.decode(token, process.env.JWT_SECRET!);
}

export function legacyJoseDecode(req: { headers: Record<string, string>; user?: unknown }) {
  // ruleid: jwt-decode-without-verify
  req.user = LegacyJWT.decode(req.headers.authorization!);
}
