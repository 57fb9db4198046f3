import { createHash } from 'node:crypto';

const SSH_KEY = /^(ssh-ed25519|ssh-rsa) ([A-Za-z0-9+/]+={0,2})(?: .*)?$/;

/**
 * An SSH public key as age uses it: stanzas name it by the first 4 bytes of SHA-256 of its wire
 * encoding, base64 without padding (age-encryption.org/v1, ssh-ed25519 and ssh-rsa recipients).
 */
export function sshRecipientId(text: string): { id: string; label: string } | { problem: string } | undefined {
  const match = SSH_KEY.exec(text.trim());
  if (!match) return undefined;
  const [, type, blob] = match;
  const wire = Buffer.from(blob!, 'base64');
  const nameLength = wire.length >= 4 ? wire.readUInt32BE(0) : -1;
  if (nameLength < 0 || wire.subarray(4, 4 + nameLength).toString('latin1') !== type) return { problem: `an SSH public key whose encoded type is ${type}` };
  const tag = createHash('sha256').update(wire).digest().subarray(0, 4).toString('base64').replace(/=+$/, '');
  return { id: `age-ssh:${type}:${tag}`, label: `SSH key ${type} (age tag ${tag})` };
}
