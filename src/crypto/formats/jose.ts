import { createHash } from 'node:crypto';
import { base64UrlField } from '../decode/base64.js';
import { countOf } from '../../text/count.js';
import { emptyContainer, observe, type Container, type Recipient, type ReuseClass } from '../types.js';
import { kdfObservation, rsaObservations } from './weak-algorithms.js';

type Header = Record<string, unknown>;

interface JweRecipientParts {
  header: Header;
  encryptedKey: Uint8Array;
}

interface JweParts {
  format: string;
  protectedHeader: Header;
  recipients: JweRecipientParts[];
  iv?: Uint8Array;
  ciphertext?: Uint8Array;
  tag?: Uint8Array;
}

const PBES2_MINIMUM = 1_000;
const PBES2_GUIDANCE = 600_000;
/** RFC 7518 §5: full tag lengths per content encryption. */
const TAG_BYTES: Readonly<Record<string, number>> = {
  A128GCM: 16, A192GCM: 16, A256GCM: 16, 'A128CBC-HS256': 16, 'A192CBC-HS384': 24, 'A256CBC-HS512': 32,
};
const PUBLIC_KEY_ALGORITHMS = /^(RSA1_5|RSA-OAEP.*|ECDH-ES.*)$/;

/** A compact JOSE serialisation: five segments are a JWE, three a JWS/JWT (signed, not encrypted). */
export function parseJoseCompact(text: string): Container | undefined {
  const segments = text.split('.');
  const header = jsonSegment(segments[0]!);
  if (!header) return undefined;
  if (segments.length === 3) return signedOnly('JWS compact', header);
  if (segments.length !== 5) return undefined;
  const [, encryptedKey, iv, ciphertext, tag] = segments.map((segment) => base64UrlField(segment));
  return jweContainer({
    format: 'JWE compact',
    protectedHeader: header,
    recipients: [{ header, encryptedKey: encryptedKey ?? new Uint8Array(0) }],
    ...(iv ? { iv } : {}),
    ...(ciphertext ? { ciphertext } : {}),
    ...(tag ? { tag } : {}),
  });
}

/** A JSON serialisation: JWE general or flattened, a JWS, or a JWK (public or private). */
export function parseJoseJson(json: Record<string, unknown>): Container | undefined {
  if (typeof json.kty === 'string') return jwkContainer(json);
  if (typeof json.payload === 'string') {
    const header = typeof json.protected === 'string' ? jsonSegment(json.protected) : undefined;
    const firstSignature = Array.isArray(json.signatures) ? (json.signatures[0] as Header | undefined) : undefined;
    const signatureHeader = header ?? (typeof firstSignature?.protected === 'string' ? jsonSegment(firstSignature.protected) : undefined);
    return signedOnly('JWS JSON', signatureHeader ?? {});
  }
  if (typeof json.ciphertext !== 'string') return undefined;
  const protectedHeader = typeof json.protected === 'string' ? (jsonSegment(json.protected) ?? {}) : {};
  const shared = { ...objectOr(json.unprotected), ...protectedHeader };
  const general = Array.isArray(json.recipients);
  const recipientList = general ? (json.recipients as unknown[]) : [{ header: json.header, encrypted_key: json.encrypted_key }];
  const recipients = recipientList.slice(0, 10_000).map((entry) => {
    const record = objectOr(entry);
    return { header: { ...shared, ...objectOr(record.header) }, encryptedKey: base64UrlField(record.encrypted_key) ?? new Uint8Array(0) };
  });
  const iv = base64UrlField(json.iv);
  const ciphertext = base64UrlField(json.ciphertext);
  const tag = base64UrlField(json.tag);
  return jweContainer({
    format: general ? 'JWE JSON (general)' : 'JWE JSON (flattened)',
    protectedHeader,
    recipients,
    ...(iv ? { iv } : {}),
    ...(ciphertext ? { ciphertext } : {}),
    ...(tag ? { tag } : {}),
  });
}

function jweContainer(parts: JweParts): Container {
  const container = emptyContainer(parts.format, true);
  const FORMAT = 'JWE';
  const enc = stringField(parts.recipients[0]?.header.enc ?? parts.protectedHeader.enc);
  const algorithms = new Set<string>();
  let direct = false;
  parts.recipients.forEach((recipient, index) => {
    const alg = stringField(recipient.header.alg) ?? 'no alg';
    algorithms.add(alg);
    if (alg === 'dir') {
      direct = true;
      container.details.push('dir: content key shared in advance');
      return;
    }
    if (alg.startsWith('PBES2')) {
      const count = typeof recipient.header.p2c === 'number' ? recipient.header.p2c : undefined;
      const kdf = `${alg}, p2c ${count ?? 'missing'}`;
      container.secrets.push(`password (${alg})`);
      if (count === undefined || count < PBES2_MINIMUM) container.observations.push(kdfObservation(FORMAT, kdf, 'no-stretching'));
      else if (count < PBES2_GUIDANCE) container.observations.push(kdfObservation(FORMAT, kdf, 'below-guidance', 'p2c >= 600,000'));
      return;
    }
    const jweRecipient = identify(recipient.header, index, parts.recipients.length, alg);
    container.recipients.push(jweRecipient);
    if (alg === 'RSA1_5') container.observations.push(observe('jwe.rsa1-5', { RECIPIENT: jweRecipient.label }, jweRecipient.label));
    if (/^RSA/.test(alg) && recipient.encryptedKey.length > 0) {
      container.observations.push(...rsaObservations(FORMAT, jweRecipient.label, recipient.encryptedKey.length * 8));
    }
    if (alg === 'none') container.observations.push(observe('fmt.malformed', { FORMAT, REASON: 'a JWE recipient has alg "none"' }, 'alg-none'));
  });
  container.details.unshift(`${[...algorithms].join(', ')} / ${enc ?? 'no enc'}`);
  if (container.recipients.length > 0) container.details.unshift(countOf(container.recipients.length, 'recipient'));
  const zip = stringField(parts.protectedHeader.zip ?? parts.recipients[0]?.header.zip);
  if (zip) container.observations.push(observe('jwe.compression', { ZIP: zip }, zip));
  const fullTag = enc ? TAG_BYTES[enc] : undefined;
  if (parts.tag && fullTag !== undefined && parts.tag.length < fullTag) {
    container.observations.push(observe('jwe.short-tag', { BYTES: String(parts.tag.length), ENC: `${enc} (${fullTag} bytes)` }, 'tag'));
  }
  if (parts.iv && parts.iv.length > 0) {
    const reuse: ReuseClass = !direct ? 'per-message-key' : enc?.includes('GCM') ? 'stream' : 'block';
    const kid = stringField(parts.recipients[0]?.header.kid) ?? '';
    container.randomFields.push({ field: 'JWE iv', bytes: parts.iv, reuse, mode: direct ? `${enc} with dir` : `${enc}`, keyContext: direct ? `jwe-dir:${kid}` : 'jwe' });
  }
  if (parts.ciphertext) container.body = parts.ciphertext;
  return container;
}

/**
 * Identity hints a JWE recipient header may carry; `epk` is ephemeral and names nobody. A kid is
 * free text the sender chose, so labels call it claimed.
 */
function identify(header: Header, index: number, total: number, alg: string): Recipient {
  const ids: string[] = [];
  const kid = stringField(header.kid);
  if (kid !== undefined) ids.push(`jwe-kid:${kid}`);
  const jwk = objectOr(header.jwk);
  const thumbprint = Object.keys(jwk).length > 0 ? jwkThumbprint(jwk) : undefined;
  if (thumbprint) ids.push(`jwk-thumbprint:${thumbprint}`);
  const certificateSha256 = stringField(header['x5t#S256']);
  if (certificateSha256) ids.push(`x5t-s256:${certificateSha256}`);
  const certificateSha1 = stringField(header.x5t);
  if (certificateSha1) ids.push(`x5t:${certificateSha1}`);
  const label =
    kid !== undefined
      ? `JWE recipient (claimed kid "${kid}")`
      : thumbprint
        ? `JWE recipient jwk ${thumbprint.slice(0, 12)}…`
        : certificateSha256
          ? `JWE recipient x5t#S256 ${certificateSha256.slice(0, 12)}…`
          : `JWE recipient #${index + 1} (${alg}, no kid)`;
  return { family: 'jwe', label, ids, hidden: ids.length === 0 && total > 1 && PUBLIC_KEY_ALGORITHMS.test(alg) };
}

/** RFC 7638: SHA-256 of the required members in lexicographic order, base64url. */
export function jwkThumbprint(jwk: Record<string, unknown>): string | undefined {
  const required: Readonly<Record<string, string[]>> = { RSA: ['e', 'kty', 'n'], EC: ['crv', 'kty', 'x', 'y'], OKP: ['crv', 'kty', 'x'], oct: ['k', 'kty'] };
  const members = typeof jwk.kty === 'string' ? required[jwk.kty] : undefined;
  if (!members || !members.every((member) => typeof jwk[member] === 'string')) return undefined;
  const canonical = `{${members.map((member) => `${JSON.stringify(member)}:${JSON.stringify(jwk[member])}`).join(',')}}`;
  return createHash('sha256').update(canonical).digest('base64url');
}

function signedOnly(format: string, header: Header): Container {
  const container = emptyContainer(format, false);
  const alg = stringField(header.alg) ?? 'no alg';
  const detail = alg.toLowerCase() === 'none' ? 'an unsecured JWS/JWT (alg none): payload readable and forgeable' : `a JWS/JWT signed with ${alg}: payload readable by anyone`;
  container.details.push(detail);
  container.observations.push(observe('fmt.not-encrypted', { FORMAT: format, DETAIL: detail }, alg));
  return container;
}

function jwkContainer(jwk: Record<string, unknown>): Container {
  const kind = `JWK ${String(jwk.kty)}${typeof jwk.kid === 'string' ? ` kid "${jwk.kid}"` : ''}`;
  if ('d' in jwk || (jwk.kty === 'oct' && 'k' in jwk)) {
    const container = emptyContainer('JWK private key', false);
    container.details.push(jwk.kty === 'oct' ? 'a secret (symmetric) key' : 'a private key');
    container.observations.push(observe('fmt.key-in-sample', { KIND: `${kind} ${jwk.kty === 'oct' ? 'secret' : 'private'} key` }, kind));
    return container;
  }
  const container = emptyContainer('JWK public key', false);
  container.details.push('a public key, not a message');
  return container;
}

function jsonSegment(segment: string): Header | undefined {
  const bytes = base64UrlField(segment);
  if (!bytes) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Header) : undefined;
  } catch {
    return undefined;
  }
}

function objectOr(value: unknown): Header {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Header) : {};
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
