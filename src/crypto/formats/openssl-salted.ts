import { emptyContainer, observe, type Container } from '../types.js';

const MAGIC = 'Salted__';
const SALT_BYTES = 8;

/** `openssl enc` and CryptoJS passphrase output: "Salted__", an 8-byte salt, then the CBC body. */
export function parseOpensslSalted(bytes: Uint8Array): Container | undefined {
  if (bytes.length < MAGIC.length + SALT_BYTES || Buffer.from(bytes.subarray(0, MAGIC.length)).toString('latin1') !== MAGIC) return undefined;
  const container = emptyContainer('OpenSSL Salted__', true);
  const salt = bytes.subarray(MAGIC.length, MAGIC.length + SALT_BYTES);
  const body = bytes.subarray(MAGIC.length + SALT_BYTES);
  container.details.push('passphrase-derived key and IV (KDF not recorded)');
  container.details.push(body.length % 16 === 0 ? `${body.length / 16} cipher blocks` : `body of ${body.length} bytes is not whole 16-byte blocks`);
  container.observations.push(observe('fmt.openssl-salted', {}, 'salted'));
  // The salt is the only per-message input: a repeated salt under one passphrase repeats key and IV.
  container.randomFields.push({ field: 'Salted__ salt', bytes: salt, reuse: 'block', mode: 'passphrase-derived CBC', keyContext: 'openssl-salted' });
  container.body = body;
  return container;
}

export const SALTED_SALT_OFFSET = MAGIC.length;
export const SALTED_BODY_OFFSET = MAGIC.length + SALT_BYTES;
