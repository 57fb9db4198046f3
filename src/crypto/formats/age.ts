import { base64Field } from '../decode/base64.js';
import { emptyContainer, observe, type Container } from '../types.js';
import { kdfObservation } from './weak-algorithms.js';

const MAGIC = 'age-encryption.org/v1\n';
const MAX_HEADER_BYTES = 1024 * 1024;
const COLUMNS = 64;
const NONCE_BYTES = 16;
const CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const SCRYPT_GUIDANCE = 18;
const SCRYPT_MINIMUM = 14;

const UNIDENTIFIABLE: Readonly<Record<string, string>> = {
  X25519: 'age X25519 recipient',
  mlkem768x25519: 'age ML-KEM-768+X25519 recipient',
};

function startsAsAge(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, MAGIC.length)).toString('latin1') === MAGIC;
}

/** age v1 (age-encryption.org/v1): stanza lines, 64-column base64 bodies, a MAC line, then the payload. */
export function parseAge(bytes: Uint8Array): Container | undefined {
  if (!startsAsAge(bytes)) return undefined;
  const container = emptyContainer('age file', true);
  const FORMAT = 'age';
  let position = MAGIC.length;
  const readLine = (): string | undefined => {
    const end = bytes.indexOf(0x0a, position);
    if (end < 0 || end > MAX_HEADER_BYTES) return undefined;
    const line = Buffer.from(bytes.subarray(position, end)).toString('latin1');
    position = end + 1;
    return line;
  };
  const malformed = (reason: string) => {
    container.observations.push(observe('fmt.malformed', { FORMAT, REASON: reason }, reason));
    return container;
  };
  const types: string[] = [];
  for (;;) {
    const line = readLine();
    if (line === undefined) return malformed('the header has no MAC line');
    if (line.startsWith('--- ')) break;
    if (!line.startsWith('-> ')) return malformed('a header line is neither a stanza nor the MAC line');
    const [type = '', ...args] = line.slice(3).split(' ');
    for (;;) {
      const bodyLine = readLine();
      if (bodyLine === undefined) return malformed('a stanza body is truncated');
      if (bodyLine.length < COLUMNS) break;
    }
    if (!type.endsWith('-grease')) {
      types.push(type);
      addStanza(container, type, args);
    }
  }
  if (types.includes('scrypt') && types.length > 1) malformed('an scrypt stanza must be the only stanza');
  const payload = bytes.subarray(position);
  if (payload.length >= NONCE_BYTES) {
    container.randomFields.push({ field: 'age payload nonce', bytes: payload.subarray(0, NONCE_BYTES), reuse: 'per-message-key', mode: 'ChaCha20-Poly1305 STREAM', keyContext: 'age' });
    container.body = payload.subarray(NONCE_BYTES);
    const chunks = Math.max(1, Math.ceil(container.body.length / (CHUNK_BYTES + TAG_BYTES)));
    container.details.push(`plaintext is exactly ${Math.max(0, container.body.length - chunks * TAG_BYTES)} bytes`);
  }
  const counts = new Map<string, number>();
  for (const type of types) counts.set(type, (counts.get(type) ?? 0) + 1);
  container.details.unshift(`stanzas: ${[...counts].map(([type, count]) => `${type} ×${count}`).join(', ') || 'none'}`);
  return container;
}

function addStanza(container: Container, type: string, args: string[]): void {
  const label = UNIDENTIFIABLE[type];
  if (label) {
    container.recipients.push({ family: 'age', label, ids: [], hidden: false });
    return;
  }
  if (type === 'scrypt') {
    const workFactor = Number(args[1]);
    container.secrets.push('passphrase (scrypt)');
    const kdf = `scrypt log2 N = ${args[1] ?? '?'}`;
    const salt = args[0] ? base64Field(args[0]) : undefined;
    if (salt) container.randomFields.push({ field: 'scrypt salt', bytes: salt, reuse: 'per-message-key', mode: 'scrypt', keyContext: 'age' });
    if (!Number.isInteger(workFactor) || workFactor < SCRYPT_MINIMUM) container.observations.push(kdfObservation('age', kdf, 'weak'));
    else if (workFactor < SCRYPT_GUIDANCE) container.observations.push(kdfObservation('age', kdf, 'below-guidance', 'log2 N >= 18, the age default'));
    return;
  }
  if (type === 'ssh-ed25519' || type === 'ssh-rsa') {
    const tag = args[0] ?? '';
    container.recipients.push({ family: 'age', label: `age SSH recipient (${type}, tag ${tag})`, ids: [`age-ssh:${type}:${tag}`], hidden: false });
    return;
  }
  container.recipients.push({ family: 'age', label: `age ${type} stanza`, ids: [], hidden: false });
  container.observations.push(observe('fmt.age-unknown-stanza', { TYPE: type.slice(0, 40) }, type));
}
