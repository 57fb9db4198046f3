// Content encrypted to every participant, and also to a key the service holds.
import * as openpgp from 'openpgp';
import * as jose from 'jose';
import * as age from 'age-encryption';

const COMPLIANCE_KEY = `-----BEGIN PGP PUBLIC KEY BLOCK-----

xjMEZQAAABYJKwYBBAHaRw8BAQdAcompliancekeycompliancekeycompliancekey
-----END PGP PUBLIC KEY BLOCK-----`;

async function fetchPublicKey(userId: string): Promise<openpgp.Key> {
  const response = await fetch(`/api/users/${userId}/pgp-key`);
  return openpgp.readKey({ armoredKey: await response.text() });
}

export async function sendWithComplianceCopy(text: string, participants: string[]) {
  const compliance = await openpgp.readKey({ armoredKey: COMPLIANCE_KEY });
  const peers = await Promise.all(participants.map((id) => fetchPublicKey(id)));
  const message = await openpgp.createMessage({ text });
  // ruleid: extra-recipient
  return openpgp.encrypt({ message, encryptionKeys: [...peers, compliance] });
}

export async function sendWithEnvRecoveryKey(text: string, peer: openpgp.Key) {
  const recovery = await openpgp.readKey({ armoredKey: process.env.RECOVERY_PUBLIC_KEY! });
  const message = await openpgp.createMessage({ text });
  const encryptionKeys = [peer, recovery];
  // ruleid: extra-recipient
  return openpgp.encrypt({ message, encryptionKeys });
}

export async function sendWithFetchedEscrowKey(text: string, peer: openpgp.Key) {
  // A fixed URL: the same key for every user, the service's own.
  const armored = await (await fetch('/api/escrow/public-key')).text();
  const escrow = await openpgp.readKey({ armoredKey: armored });
  const message = await openpgp.createMessage({ text });
  // ruleid: extra-recipient
  return openpgp.encrypt({ message, encryptionKeys: [peer, escrow] });
}

export async function jweWithSupportRecipient(payload: Uint8Array, member: jose.KeyLike) {
  const support = await jose.importSPKI(process.env.SUPPORT_SPKI!, 'ECDH-ES+A256KW');
  const jwe = new jose.GeneralEncrypt(payload).setProtectedHeader({ enc: 'A256GCM' });
  jwe.addRecipient(member).setUnprotectedHeader({ alg: 'ECDH-ES+A256KW' });
  // ruleid: extra-recipient
  jwe.addRecipient(support).setUnprotectedHeader({ alg: 'ECDH-ES+A256KW' });
  return jwe.encrypt();
}

export async function ageWithAuditor(file: Uint8Array, ownerRecipient: string) {
  const encrypter = new age.Encrypter();
  // ok: extra-recipient
  encrypter.addRecipient(ownerRecipient);
  // ruleid: extra-recipient
  encrypter.addRecipient('age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p');
  return encrypter.encrypt(file);
}

class ConversationCrypto {
  private readonly auditKey = openpgp.readKey({ armoredKey: COMPLIANCE_KEY });

  async seal(text: string, members: openpgp.Key[]) {
    const message = await openpgp.createMessage({ text });
    // ruleid: extra-recipient
    return openpgp.encrypt({ message, encryptionKeys: [...members, await this.auditKey] });
  }
}

// Hard negatives: participants and the user's own devices only.
export async function toParticipants(text: string, participants: string[], me: openpgp.PrivateKey) {
  const keys = await Promise.all(participants.map((id) => fetchPublicKey(id)));
  const message = await openpgp.createMessage({ text });
  // ok: extra-recipient
  return openpgp.encrypt({ message, encryptionKeys: [...keys, me.toPublic()], signingKeys: me });
}

export async function toMyDevices(payload: Uint8Array, deviceIds: string[]) {
  const jwe = new jose.GeneralEncrypt(payload).setProtectedHeader({ enc: 'A256GCM' });
  for (const deviceId of deviceIds) {
    const jwk = await (await fetch(`/api/devices/${deviceId}/jwk`)).json();
    const deviceKey = await jose.importJWK(jwk, 'ECDH-ES+A256KW');
    // ok: extra-recipient
    jwe.addRecipient(deviceKey).setUnprotectedHeader({ alg: 'ECDH-ES+A256KW' });
  }
  return jwe.encrypt();
}

export { ConversationCrypto };
