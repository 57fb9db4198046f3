import { decodeArmour } from '../decode/armour.js';
import { keyIdentity, PUBLIC_KEY_TAG, PUBLIC_SUBKEY_TAG, USER_ID_TAG } from '../formats/openpgp/keys.js';
import { readPackets } from '../formats/openpgp/packets.js';

export interface OpenPgpCertificate {
  primaryKeyId: string;
  userId?: string;
  /** Key ids and fingerprints of the primary key and every subkey: messages name the encryption subkey. */
  ids: string[];
}

/** An armoured OpenPGP public key, expanded to all its keys' ids (RFC 9580 §5.5.4), or a reason it is not one. */
export function readOpenPgpCertificate(text: string): OpenPgpCertificate | { problem: string } {
  const armour = decodeArmour(text);
  if (!armour) return { problem: 'an armoured OpenPGP public key that decodes (check the BEGIN/END lines and base64)' };
  if (armour.label === 'PGP PRIVATE KEY BLOCK') return { problem: 'a public key, not a private key block: export it with --armor --export' };
  if (armour.label !== 'PGP PUBLIC KEY BLOCK') return { problem: `"PGP PUBLIC KEY BLOCK" armour, not "${armour.label}"` };
  const { packets, problem } = readPackets(armour.bytes);
  if (problem) return { problem: `a readable OpenPGP key: ${problem}` };
  const keys = packets.filter((packet) => packet.tag === PUBLIC_KEY_TAG || packet.tag === PUBLIC_SUBKEY_TAG).map((packet) => keyIdentity(packet.body));
  const primary = keys[0];
  if (!primary || keys.some((key) => key === undefined)) return { problem: 'an OpenPGP public key whose key packets parse (v4 or v6)' };
  const userIdPacket = packets.find((packet) => packet.tag === USER_ID_TAG);
  const ids = keys.flatMap((key) => [`pgp-keyid:${key!.keyId}`, `pgp-fpr:${key!.fingerprint}`]);
  return { primaryKeyId: primary.keyId, ...(userIdPacket ? { userId: Buffer.from(userIdPacket.body).toString('utf8') } : {}), ids };
}
