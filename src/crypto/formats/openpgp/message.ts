import { emptyContainer, observe, type Container, type Recipient } from '../../types.js';
import { cipherObservations, kdfObservation, rsaObservations } from '../weak-algorithms.js';
import { AEAD_ALGORITHMS, HASH_ALGORITHMS, publicKeyName, symmetricName, SYMMETRIC_ALGORITHMS } from './algorithms.js';
import { PUBLIC_KEY_TAG, SECRET_KEY_TAG, SECRET_SUBKEY_TAG, keyIdentity, secretKeyFacts } from './keys.js';
import { readPackets, type Packet } from './packets.js';
import { parsePasswordRecipient, parsePublicKeyRecipient, type PasswordRecipient, type PublicKeyRecipient } from './session-keys.js';

const FORMAT = 'OpenPGP';
const PKESK = 1;
const SKESK = 3;
const SED = 9;
const SEIPD = 18;
const OCB_ENCRYPTED = 20;
const ENCRYPTED_DATA: ReadonlySet<number> = new Set([SED, SEIPD, OCB_ENCRYPTED]);
const NOT_ENCRYPTED_DATA: ReadonlySet<number> = new Set([2, 4, 8, 11]);
const IGNORABLE: ReadonlySet<number> = new Set([10, 21]);
const S2K_GUIDANCE_ITERATIONS = 65_536;
const S2K_NAMES: Readonly<Record<number, string>> = { 0: 'simple S2K', 1: 'salted S2K', 3: 'iterated+salted S2K', 4: 'Argon2 S2K' };

/**
 * Reads an OpenPGP message or key block. Armoured input is trusted to be OpenPGP and its problems are
 * reported; raw bytes must follow the message grammar exactly, because one random byte can look like a
 * packet header.
 */
export function parseOpenPgp(bytes: Uint8Array, armoured: boolean): Container | undefined {
  const { packets, problem } = readPackets(bytes);
  if (!armoured && (problem !== undefined || !followsGrammar(packets))) return undefined;
  if (packets.some((packet) => packet.tag === SECRET_KEY_TAG || packet.tag === SECRET_SUBKEY_TAG)) return secretKeyBlock(packets);
  if (packets[0]?.tag === PUBLIC_KEY_TAG) {
    const container = emptyContainer('OpenPGP public key', false);
    container.details.push('a public key, not a message');
    return container;
  }
  const container = emptyContainer(`${FORMAT} message`, false);
  if (problem) container.observations.push(observe('fmt.malformed', { FORMAT, REASON: problem }, problem));
  const encryptedData = packets.find((packet) => ENCRYPTED_DATA.has(packet.tag));
  if (!encryptedData) {
    const kinds = packets.filter((packet) => NOT_ENCRYPTED_DATA.has(packet.tag)).map((packet) => DATA_PACKET_NAMES[packet.tag]!);
    const detail = kinds.length > 0 ? `${[...new Set(kinds)].join(', ')}, no encrypted-data packet` : 'no encrypted-data packet';
    container.details.push(detail);
    container.observations.push(observe('fmt.not-encrypted', { FORMAT, DETAIL: detail }, detail));
    return container;
  }
  container.encrypted = true;
  const state: MessageState = { container, publicKeyAlgorithms: new Set(), ciphers: new Set() };
  for (const packet of packets) {
    if (packet.tag === PKESK) addPublicKeyRecipient(state, packet);
    if (packet.tag === SKESK) addPasswordRecipient(state, packet);
  }
  addEncryptedData(state, encryptedData);
  describeRecipients(state);
  return container;
}

/** What the packets seen so far revealed, while one message is read. */
interface MessageState {
  container: Container;
  publicKeyAlgorithms: Set<string>;
  ciphers: Set<string>;
}

const DATA_PACKET_NAMES: Readonly<Record<number, string>> = {
  2: 'signature',
  4: 'one-pass signature',
  8: 'compressed data',
  11: 'literal data',
};

function followsGrammar(packets: readonly Packet[]): boolean {
  const meaningful = packets.filter((packet) => !IGNORABLE.has(packet.tag));
  const first = meaningful[0];
  if (!first) return false;
  if (first.tag === PUBLIC_KEY_TAG || first.tag === SECRET_KEY_TAG) return keyIdentity(first.body) !== undefined;
  const dataIndex = meaningful.findIndex((packet) => ENCRYPTED_DATA.has(packet.tag));
  if (dataIndex >= 0) {
    const sessionKeys = meaningful.slice(0, dataIndex);
    return (
      dataIndex === meaningful.length - 1 &&
      sessionKeys.length > 0 &&
      sessionKeys.every((packet) => (packet.tag === PKESK ? !('problem' in parsePublicKeyRecipient(packet.body)) : packet.tag === SKESK && !('problem' in parsePasswordRecipient(packet.body))))
    );
  }
  return meaningful.every((packet) => NOT_ENCRYPTED_DATA.has(packet.tag)) && meaningful.some(plausibleDataPacket);
}

/** Literal packets have a format octet and a printable file name; compressed ones a known algorithm. */
function plausibleDataPacket(packet: Packet): boolean {
  if (packet.tag === 11) {
    const [format, nameLength] = packet.body;
    if (format === undefined || nameLength === undefined || !'btul1m'.includes(String.fromCharCode(format))) return false;
    const name = packet.body.subarray(2, 2 + nameLength);
    return name.length === nameLength && packet.body.length >= 6 + nameLength && name.every((byte) => byte >= 0x20 && byte < 0x7f);
  }
  return packet.tag === 8 && packet.body.length > 1 && packet.body[0]! <= 3;
}

function secretKeyBlock(packets: readonly Packet[]): Container {
  const container = emptyContainer('OpenPGP secret key', false);
  const facts = packets
    .filter((packet) => packet.tag === SECRET_KEY_TAG || packet.tag === SECRET_SUBKEY_TAG)
    .map((packet) => secretKeyFacts(packet.body));
  const unprotected = facts.some((fact) => fact && !fact.protected);
  const kind = `OpenPGP secret key${facts[0] ? ` 0x${facts[0].keyId.toUpperCase()}` : ''}`;
  container.details.push(unprotected ? 'an unprotected secret key' : 'a passphrase-protected secret key');
  container.observations.push(observe(unprotected ? 'fmt.key-in-sample' : 'fmt.encrypted-key-in-sample', { KIND: kind }, kind));
  return container;
}

function openPgpRecipientLabel(recipient: PublicKeyRecipient): string {
  if (recipient.hidden) return 'OpenPGP wildcard recipient (key id 0)';
  return `OpenPGP ${recipient.fingerprint?.length === 64 ? 'v6 key' : 'key'} 0x${recipient.keyId.toUpperCase()}`;
}

function addPublicKeyRecipient(state: MessageState, packet: Packet): void {
  const { container } = state;
  const parsed = parsePublicKeyRecipient(packet.body);
  if ('problem' in parsed) {
    container.observations.push(observe('fmt.malformed', { FORMAT, REASON: parsed.problem }, parsed.problem));
    return;
  }
  const label = openPgpRecipientLabel(parsed);
  const ids = parsed.hidden ? [] : [`pgp-keyid:${parsed.keyId}`, ...(parsed.fingerprint ? [`pgp-fpr:${parsed.fingerprint}`] : [])];
  const recipient: Recipient = { family: 'openpgp', label, ids, hidden: parsed.hidden };
  container.recipients.push(recipient);
  if (parsed.rsaBits !== undefined) container.observations.push(...rsaObservations(FORMAT, label, parsed.rsaBits));
  if (parsed.algorithm === 16) container.observations.push(observe('weak.elgamal', { RECIPIENT: label }, label));
  if (parsed.visibleCipher !== undefined) addCipher(state, parsed.visibleCipher, 'X25519/X448 session key');
  state.publicKeyAlgorithms.add(publicKeyName(parsed.algorithm));
}

function addPasswordRecipient(state: MessageState, packet: Packet): void {
  const { container } = state;
  const parsed = parsePasswordRecipient(packet.body);
  if ('problem' in parsed) {
    container.observations.push(observe('fmt.malformed', { FORMAT, REASON: parsed.problem }, parsed.problem));
    return;
  }
  container.secrets.push(`password (SKESK v${parsed.version})`);
  addCipher(state, parsed.cipher, `SKESK v${parsed.version}`);
  const kdf = describeS2k(parsed);
  container.details.push(`password: ${kdf}`);
  const { s2k } = parsed;
  if (s2k.type === 0 || s2k.type === 1) container.observations.push(kdfObservation(FORMAT, kdf, 'no-stretching'));
  else if (s2k.type === 3 && (s2k.iterations! < S2K_GUIDANCE_ITERATIONS || s2k.hash === 1)) container.observations.push(kdfObservation(FORMAT, kdf, 'weak'));
  if (s2k.salt) container.randomFields.push({ field: 'S2K salt', bytes: s2k.salt, reuse: 'per-message-key', mode: 'password', keyContext: 'openpgp' });
}

function describeS2k({ s2k }: PasswordRecipient): string {
  const name = S2K_NAMES[s2k.type] ?? `S2K type ${s2k.type}`;
  if (s2k.argon2) return `${name} (t=${s2k.argon2.passes}, p=${s2k.argon2.parallelism}, m=${s2k.argon2.memoryKiB} KiB)`;
  const hash = s2k.hash === undefined ? '' : ` ${HASH_ALGORITHMS[s2k.hash] ?? `hash ${s2k.hash}`}`;
  const iterations = s2k.iterations === undefined ? '' : `, count ${s2k.iterations}`;
  return `${name}${hash}${iterations}`;
}

function addCipher(state: MessageState, id: number, where: string): void {
  const algorithm = symmetricName(id);
  state.ciphers.add(algorithm);
  state.container.observations.push(...cipherObservations(FORMAT, algorithm, SYMMETRIC_ALGORITHMS[id]?.strength ?? 'ok', where));
}

function addEncryptedData(state: MessageState, packet: Packet): void {
  const { container } = state;
  const version = packet.body[0];
  if (packet.tag === SED) {
    container.details.push('SED (tag 9): no integrity protection');
    container.observations.push(observe('fmt.pgp-no-integrity', {}, 'sed'));
    container.body = packet.body;
  } else if (packet.tag === SEIPD && version === 1) {
    // Pitfall: for RSA/ECDH recipients the cipher is inside the encrypted session key; never claim AES.
    container.details.push(state.ciphers.size > 0 ? `SEIPD v1 ${[...state.ciphers].join('/')}` : 'SEIPD v1 (cipher not in header)');
    container.body = packet.body.subarray(1);
  } else if (packet.tag === SEIPD && version === 2 && packet.body.length >= 36) {
    const [, cipher, aead] = packet.body;
    addCipher(state, cipher!, 'SEIPD v2');
    container.details.push(`SEIPD v2 ${symmetricName(cipher!)} ${AEAD_ALGORITHMS[aead!]?.name ?? `AEAD ${aead}`}`);
    container.randomFields.push({ field: 'SEIPD v2 salt', bytes: packet.body.subarray(4, 36), reuse: 'per-message-key', mode: 'AEAD', keyContext: 'openpgp' });
    container.body = packet.body.subarray(36);
  } else if (packet.tag === OCB_ENCRYPTED && version === 1 && packet.body.length >= 4) {
    const [, cipher, aead] = packet.body;
    const aeadInfo = AEAD_ALGORITHMS[aead!];
    const algorithm = `${symmetricName(cipher!)} ${aeadInfo?.name ?? `AEAD ${aead}`}`;
    addCipher(state, cipher!, 'OCB encrypted data');
    container.details.push(`LibrePGP OCB packet ${algorithm}`);
    container.observations.push(observe('fmt.pgp-nonstandard-aead', { ALGORITHM: algorithm }, algorithm));
    const ivLength = aeadInfo?.nonceLength ?? 0;
    container.randomFields.push({ field: 'OCB packet IV', bytes: packet.body.subarray(4, 4 + ivLength), reuse: 'per-message-key', mode: 'AEAD', keyContext: 'openpgp' });
    container.body = packet.body.subarray(4 + ivLength);
  } else {
    const reason = `encrypted-data packet ${packet.tag} has unknown version ${version}`;
    container.observations.push(observe('fmt.malformed', { FORMAT, REASON: reason }, reason));
    container.body = packet.body;
  }
}

function describeRecipients({ container, publicKeyAlgorithms }: MessageState): void {
  const keys = container.recipients.length;
  if (keys > 0) container.details.unshift(`${keys} recipient${keys === 1 ? '' : 's'} (${[...publicKeyAlgorithms].join(', ')})`);
}
