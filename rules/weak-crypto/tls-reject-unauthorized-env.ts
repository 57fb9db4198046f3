import { spawn } from 'node:child_process';

const DISABLED = '0';

// ruleid: tls-reject-unauthorized-env
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

export function allowSelfSigned() {
  // ruleid: tls-reject-unauthorized-env
  process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = DISABLED;
}

export function numeric() {
  // ruleid: tls-reject-unauthorized-env
  (process.env as Record<string, unknown>).NODE_TLS_REJECT_UNAUTHORIZED = 0;
}

export function child(script: string) {
  // ruleid: tls-reject-unauthorized-env
  return spawn('node', [script], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } });
}

export function globalThisForm() {
  // ruleid: tls-reject-unauthorized-env
  globalThis.process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
}

// --- negatives ---

export function enforce() {
  // ok: tls-reject-unauthorized-env
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';
}

export function restore(previous: string | undefined) {
  // ok: tls-reject-unauthorized-env
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = previous;
}

export function readOnly() {
  // ok: tls-reject-unauthorized-env
  return process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';
}
