import https from 'node:https';
import { REQUEST_DEFAULTS, SECURE_TLS } from './http-defaults';

export function insecureGet(url: string) {
  // ruleid: tls-reject-unauthorized-disabled
  const options = { ...REQUEST_DEFAULTS, rejectUnauthorized: false };
  return https.get(url, options);
}

export function secureGet(url: string, extra: https.RequestOptions) {
  // ok: tls-reject-unauthorized-disabled
  const options = { rejectUnauthorized: false, ...SECURE_TLS, ...extra };
  return https.get(url, options);
}
