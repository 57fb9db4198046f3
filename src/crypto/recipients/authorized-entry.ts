import { z } from 'zod';
import { jwkThumbprint } from '../formats/jose.js';
import type { RecipientFamily } from '../types.js';
import { isValidBech32 } from './bech32.js';
import { readOpenPgpCertificate } from './openpgp-public-key.js';
import { sshRecipientId } from './ssh.js';
import { readCertificate, readPublicKey } from './x509.js';

export type EntryKind = 'openpgp-key' | 'openpgp-id' | 'jwk' | 'jwk-thumbprint-or-kid' | 'kid' | 'age' | 'ssh' | 'certificate' | 'public-key';

/** One item of the authorized list, turned into the identities it matches. */
export interface AuthorizedEntry {
  label: string;
  kind: EntryKind;
  ids: ReadonlySet<string>;
  /** Which containers' recipients it may stand for when only recipients can be counted. */
  families: readonly RecipientFamily[];
  line: number;
}

const PUBLIC_JWK = z.strictObject({
  kty: z.enum(['RSA', 'EC', 'OKP']),
  kid: z.string().optional(),
  use: z.string().optional(),
  key_ops: z.array(z.string()).optional(),
  alg: z.string().optional(),
  crv: z.string().optional(),
  x: z.string().optional(),
  y: z.string().optional(),
  n: z.string().optional(),
  e: z.string().optional(),
  x5c: z.array(z.string()).optional(),
  x5t: z.string().optional(),
  'x5t#S256': z.string().optional(),
  x5u: z.string().optional(),
});

export const JWK_ITEM = z.strictObject({ jwk: PUBLIC_JWK, name: z.string().optional() });
export const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

type Classified = Omit<AuthorizedEntry, 'line'> | { problem: string };

/** Classifies a string item: armoured keys and certificates first, then the short identifier forms. */
export function classifyString(value: string): Classified {
  const text = value.trim();
  if (text.startsWith('-----BEGIN PGP')) {
    const certificate = readOpenPgpCertificate(text);
    if ('problem' in certificate) return { problem: `expected ${certificate.problem}` };
    // The name part of "Name <email>" keeps the label short enough for one-line messages.
    const name = certificate.userId ? ` (${certificate.userId.replace(/\s*<[^>]*>\s*$/, '') || certificate.userId})` : '';
    return entry(`OpenPGP key 0x${certificate.primaryKeyId.toUpperCase()}${name}`, 'openpgp-key', certificate.ids, ['openpgp']);
  }
  if (text.startsWith('-----BEGIN CERTIFICATE-----')) {
    const certificate = readCertificate(text);
    return 'problem' in certificate ? { problem: `expected ${certificate.problem}` } : entry(certificate.label, 'certificate', certificate.ids, ['cms', 'jwe']);
  }
  if (text.startsWith('-----BEGIN PUBLIC KEY-----')) {
    const key = readPublicKey(text);
    return 'problem' in key ? { problem: `expected ${key.problem}` } : entry(key.label, 'public-key', key.ids, ['cms', 'jwe']);
  }
  if (text.startsWith('-----BEGIN')) return { problem: 'expected an OpenPGP public key, a certificate or a PEM public key (private keys do not belong here)' };
  if (/^age1/i.test(text)) {
    return isValidBech32(text) ? entry(`age recipient ${text.slice(0, 16)}…`, 'age', [], ['age']) : { problem: 'expected a valid age recipient (its bech32 checksum does not match)' };
  }
  const ssh = sshRecipientId(text);
  if (ssh) return 'problem' in ssh ? { problem: `expected ${ssh.problem}` } : entry(ssh.label, 'ssh', [ssh.id], ['age']);
  const hex = text.replace(/^0x/i, '').replace(/\s+/g, '').toLowerCase();
  if (/^[0-9a-f]+$/.test(hex) && [16, 40, 64].includes(hex.length)) {
    // A v4 key id is the fingerprint's last 8 bytes, a v6 key id its first 8.
    const keyId = hex.length === 16 ? hex : hex.length === 40 ? hex.slice(-16) : hex.slice(0, 16);
    const ids = hex.length === 16 ? [`pgp-keyid:${hex}`] : [`pgp-fpr:${hex}`, `pgp-keyid:${keyId}`];
    return entry(`OpenPGP ${hex.length === 16 ? 'key id' : 'fingerprint'} ${hex.toUpperCase()}`, 'openpgp-id', ids, ['openpgp']);
  }
  if (/^[A-Za-z0-9_-]{43}$/.test(text)) {
    return entry(`JWK thumbprint or kid ${text.slice(0, 12)}…`, 'jwk-thumbprint-or-kid', [`jwk-thumbprint:${text}`, `jwe-kid:${text}`], ['jwe']);
  }
  if (text.length === 0 || text.length > 512 || /[\u0000-\u001f]/.test(text)) return { problem: 'expected a recipient: a key, fingerprint, kid, age or SSH recipient, or certificate' };
  return entry(`kid "${text}"`, 'kid', [`jwe-kid:${text}`], ['jwe']);
}

export function classifyJwk(item: z.infer<typeof JWK_ITEM>): Classified {
  const thumbprint = jwkThumbprint(item.jwk);
  if (!thumbprint) return { problem: `expected a complete public JWK (kty ${item.jwk.kty} needs ${item.jwk.kty === 'RSA' ? 'n and e' : 'crv and x'})` };
  // Many apps use the thumbprint itself as the kid, so it authorizes that kid too.
  const ids = [`jwk-thumbprint:${thumbprint}`, `jwe-kid:${thumbprint}`];
  if (item.jwk.kid) ids.push(`jwe-kid:${item.jwk.kid}`);
  if (item.jwk['x5t#S256']) ids.push(`x5t-s256:${item.jwk['x5t#S256']}`);
  if (item.jwk.x5t) ids.push(`x5t:${item.jwk.x5t}`);
  const name = item.name ?? (item.jwk.kid ? `kid "${item.jwk.kid}"` : thumbprint.slice(0, 12));
  return entry(`JWK ${name}`, 'jwk', ids, ['jwe']);
}

function entry(label: string, kind: EntryKind, ids: readonly string[], families: readonly RecipientFamily[]): Omit<AuthorizedEntry, 'line'> {
  return { label, kind, ids: new Set(ids), families };
}
