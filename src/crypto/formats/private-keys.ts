import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { decodeArmour } from '../decode/armour.js';
import { emptyContainer, observe, type Container, type Observation } from '../types.js';
import { readPackets } from './openpgp/packets.js';
import { SECRET_KEY_TAG, SECRET_SUBKEY_TAG, secretKeyFacts } from './openpgp/keys.js';

const PEM_PRIVATE = /-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----[\s\S]*?-----END \1-----/g;
const AGE_SECRET = /AGE-SECRET-KEY-(?:PQ-)?1[023456789ACDEFGHJKLMNPQRSTUVWXYZ]{20,}/;
const PUTTY = /PuTTY-User-Key-File-\d+: [^\r\n]+\r?\nEncryption: ([^\r\n]+)/;
const MAX_MARKERS = 20;

interface KeyMarker {
  kind: string;
  protected: boolean;
}

/** Private keys anywhere in the sample's text layers (a PEM block in a log line is still a leak). */
export function embeddedPrivateKeys(textLayers: readonly string[]): Observation[] {
  const found = new Map<string, KeyMarker>();
  for (const text of textLayers) {
    for (const match of text.matchAll(PEM_PRIVATE)) {
      if (found.size >= MAX_MARKERS) break;
      const marker = describePemKey(match[1]!, match[0]);
      found.set(`${marker.kind}:${marker.protected}`, marker);
    }
    if (AGE_SECRET.test(text)) found.set('age', { kind: 'age secret key', protected: false });
    const putty = PUTTY.exec(text);
    if (putty) found.set('putty', { kind: 'PuTTY private key', protected: putty[1]!.trim() !== 'none' });
  }
  return [...found.values()].map(markerObservation);
}

function markerObservation(marker: KeyMarker): Observation {
  return observe(marker.protected ? 'fmt.encrypted-key-in-sample' : 'fmt.key-in-sample', { KIND: marker.kind }, marker.kind);
}

function describePemKey(label: string, block: string): KeyMarker {
  if (label === 'ENCRYPTED PRIVATE KEY') return { kind: 'PKCS#8 encrypted private key', protected: true };
  if (label === 'OPENSSH PRIVATE KEY') return { kind: 'OpenSSH private key', protected: openSshProtected(block) };
  if (label === 'PGP PRIVATE KEY BLOCK') return { kind: 'OpenPGP secret key', protected: openPgpProtected(block) };
  return { kind: `PEM ${label}`, protected: /Proc-Type:\s*4,ENCRYPTED/.test(block) };
}

/** openssh-key-v1: magic, then the cipher name as a length-prefixed string ("none" = unprotected). */
function openSshProtected(block: string): boolean {
  const bytes = decodeArmour(block)?.bytes;
  if (!bytes) return false;
  const magic = 'openssh-key-v1\0';
  if (Buffer.from(bytes.subarray(0, magic.length)).toString('latin1') !== magic) return false;
  const length = Buffer.from(bytes.subarray(magic.length, magic.length + 4)).readUInt32BE();
  return Buffer.from(bytes.subarray(magic.length + 4, magic.length + 4 + length)).toString('latin1') !== 'none';
}

function openPgpProtected(block: string): boolean {
  const bytes = decodeArmour(block)?.bytes;
  if (!bytes) return false;
  const secrets = readPackets(bytes).packets.filter((packet) => packet.tag === SECRET_KEY_TAG || packet.tag === SECRET_SUBKEY_TAG);
  return secrets.length > 0 && secrets.every((packet) => secretKeyFacts(packet.body)?.protected === true);
}

/** A sample that is itself one PEM private key (labels "… PRIVATE KEY"). */
export function pemPrivateKeyContainer(label: string, text: string): Container {
  const marker = describePemKey(label, text);
  return keyContainer(marker);
}

const PBES2_OID = Uint8Array.of(0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d);

/** Binary PKCS#8: PrivateKeyInfo (version 0, algorithm, key) or EncryptedPrivateKeyInfo (PBES2). */
export function parsePkcs8(bytes: Uint8Array): Container | undefined {
  if (bytes[0] !== 0x30 || bytes.length < 16) return undefined;
  const head = Buffer.from(bytes.subarray(0, 32));
  const plain = head.indexOf(Uint8Array.of(0x02, 0x01, 0x00, 0x30)) >= 2 && head.indexOf(Uint8Array.of(0x02, 0x01, 0x00, 0x30)) <= 4;
  const encrypted = head.indexOf(PBES2_OID) >= 4 && head.indexOf(PBES2_OID) <= 12;
  if (!plain && !encrypted) return undefined;
  try {
    const parsed = asn1js.fromBER(bytes);
    if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) return undefined;
    if (encrypted) {
      // EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm, encryptedData OCTET STRING }
      const [algorithm, data] = parsed.result.valueBlock.value;
      if (!(algorithm instanceof asn1js.Sequence) || !(data instanceof asn1js.OctetString)) return undefined;
    } else {
      new pkijs.PrivateKeyInfo({ schema: parsed.result });
    }
  } catch {
    return undefined;
  }
  return keyContainer({ kind: encrypted ? 'PKCS#8 encrypted private key (DER)' : 'PKCS#8 private key (DER)', protected: encrypted });
}

function keyContainer(marker: KeyMarker): Container {
  const container = emptyContainer(marker.protected ? 'protected private key' : 'private key', false);
  container.details.push(marker.kind);
  container.observations.push(markerObservation(marker));
  return container;
}
