import * as crypto from 'node:crypto';
import { createHash as digestOf, createHmac } from 'crypto';
import CryptoJS from 'crypto-js';
import md5 from 'md5';
import SHA256 from 'crypto-js/sha256';
import { sha256 } from '@noble/hashes/sha2';
import forge from 'node-forge';
import bcrypt from 'bcrypt';
import { hash as argonHash } from 'argon2';
import type { Request, Response } from 'express';

const PEPPER = process.env.PASSWORD_PEPPER ?? '';

export function registerMd5(req: Request, res: Response) {
  // ruleid: weak-password-hash-fast-digest
  const passwordHash = crypto.createHash('md5').update(req.body.password).digest('hex');
  res.json({ passwordHash });
}

export async function registerDestructured(req: Request) {
  const { email, password } = req.body;
  // ruleid: weak-password-hash-fast-digest
  const hashed = digestOf('sha256').update(password + email).digest('hex');
  return { email, hashed };
}

export async function renamedField(req: Request) {
  const { newPassword: candidate } = req.body as { newPassword: string };
  const salt = crypto.randomBytes(16).toString('hex');
  // ruleid: weak-password-hash-fast-digest
  return salt + ':' + crypto.createHash('sha512').update(`${salt}${candidate}`).digest('hex');
}

export function splitUpdate(req: Request) {
  const h = crypto.createHash('sha1');
  // ruleid: weak-password-hash-fast-digest
  h.update(req.body.pin, 'utf8');
  return h.digest('hex');
}

export function koaStyle(ctx: { request: { body: { password: string } } }) {
  // ruleid: weak-password-hash-fast-digest
  return CryptoJS.SHA256(ctx.request.body.password).toString();
}

export function md5Package(req: Request) {
  const pass = req.body.pass;
  // ruleid: weak-password-hash-fast-digest
  return md5(pass);
}

export function peppered(req: Request) {
  // ruleid: weak-password-hash-fast-digest
  return createHmac('sha256', PEPPER).update(req.body.password).digest('base64');
}

export function cryptoJsModule(req: Request) {
  // ruleid: weak-password-hash-fast-digest
  return SHA256(req.body.password).toString();
}

export async function webCrypto(req: Request) {
  // ruleid: weak-password-hash-fast-digest
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(req.body.password));
  return Buffer.from(digest).toString('hex');
}

export function noble(req: Request) {
  // ruleid: weak-password-hash-fast-digest
  return Buffer.from(sha256(req.body.password)).toString('hex');
}

export function forgeMd(req: Request) {
  const md = forge.md.sha1.create();
  // ruleid: weak-password-hash-fast-digest
  md.update(req.body.password, 'utf8');
  return md.digest().toHex();
}

// --- negatives ---

export async function properKdf(req: Request) {
  // ok: weak-password-hash-fast-digest
  return bcrypt.hash(req.body.password, 12);
}

export async function prehashThenBcrypt(req: Request) {
  // ok: weak-password-hash-fast-digest
  return bcrypt.hash(createHmac('sha256', PEPPER).update(req.body.password).digest('base64'), 12);
}

export async function prehashVariableThenArgon2(req: Request) {
  // ok: weak-password-hash-fast-digest
  const prehashed = crypto.createHash('sha256').update(req.body.password).digest('base64');
  return argonHash(prehashed);
}

export async function haveIBeenPwned(req: Request) {
  // ok: weak-password-hash-fast-digest
  const digest = crypto.createHash('sha1').update(req.body.password).digest('hex').toUpperCase();
  const prefix = digest.slice(0, 5);
  const res = await fetch(`https://api.pwnedpasswords.com/range/${prefix}`);
  return (await res.text()).includes(digest.slice(5));
}

export function etagOfBody(req: Request) {
  // ok: weak-password-hash-fast-digest
  return crypto.createHash('md5').update(JSON.stringify(req.body)).digest('hex');
}

export function otherField(req: Request) {
  // ok: weak-password-hash-fast-digest
  return crypto.createHash('sha1').update(req.body.email).digest('hex');
}

export function passportIsNotAPassword(req: Request) {
  // ok: weak-password-hash-fast-digest
  return crypto.createHash('md5').update(req.body.passportNumber).digest('hex');
}

export function resetTokenLookup(req: Request) {
  // ok: weak-password-hash-fast-digest
  return crypto.createHash('sha256').update(req.body.passwordResetToken).digest('hex');
}

export function sameNameFromAnotherModule(req: Request, md5Local: (s: string) => string) {
  // ok: weak-password-hash-fast-digest
  return md5Local(req.body.password);
}

export function securityQuestion(req: Request) {
  // ruleid: weak-password-hash-fast-digest
  return crypto.createHash('sha1').update(req.body.securityAnswer).digest('hex');
}
