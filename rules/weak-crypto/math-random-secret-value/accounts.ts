import { randomKey, randomDigits, jitter, shuffle, sample, secureToken } from './random-utils';
const { makeId } = require('./cjs-random');

export function issueApiKey(owner: string) {
  // ruleid: math-random-secret-value
  const apiKey = randomKey();
  return { owner, apiKey };
}

export function startPasswordReset(user: { email: string; resetCode?: string }) {
  // ruleid: math-random-secret-value
  user.resetCode = randomDigits(6);
  return user;
}

export function newSession(userId: string) {
  // ruleid: math-random-secret-value
  return { userId, sessionId: `${makeId()}${makeId()}` };
}

export function temporaryPassword() {
  // ruleid: math-random-secret-value
  const tempPassword = Math.random().toString(36).slice(-10);
  return tempPassword;
}

function localSalt() {
  return Math.random().toString(16);
}

export function saltFor(user: string) {
  // ruleid: math-random-secret-value
  const salt = localSalt();
  return `${user}:${salt}`;
}

// --- Math.random for what is not secret ---------------------------------------------

export function retryAfter(base: number) {
  // ok: math-random-secret-value
  const delay = jitter(base);
  return delay;
}

export function dealCards(cards: string[]) {
  // ok: math-random-secret-value
  const hand = shuffle(cards).slice(0, 5);
  return hand;
}

export function pickVariant(variants: string[]) {
  // ok: math-random-secret-value
  return { variant: sample(variants) };
}

export function realToken() {
  // ok: math-random-secret-value
  const token = secureToken();
  return token;
}

export function animation() {
  // ok: math-random-secret-value
  const offset = { x: Math.random() * 10, y: Math.random() * 10 };
  return offset;
}
