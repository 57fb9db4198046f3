// Clean code around decryption: ids, lengths, hashes, re-encrypted data, redacted values.
import crypto from 'node:crypto';
import * as openpgp from 'openpgp';
import { maskContent } from './mask';

export async function clean(key: CryptoKey, iv: Uint8Array, ciphertext: ArrayBuffer, messageId: string) {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, ciphertext);
  const digest = Buffer.from(await crypto.subtle.digest('SHA-256', plain)).toString('hex');
  // ok: plaintext-in-logs
  console.log('decrypted', messageId, plain.byteLength, digest);
  // ok: plaintext-in-logs
  console.log('decrypted', maskContent(new TextDecoder().decode(plain)));
  const again = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) }, key, plain);
  // ok: plaintext-in-logs
  console.log('re-encrypted for storage', Buffer.from(again).toString('base64'));
  // ok: plaintext-in-logs
  console.log('could not decrypt message; the plaintext was dropped');
}

export async function verifyOnly(armoredMessage: string, verificationKeys: openpgp.PublicKey) {
  const message = await openpgp.readMessage({ armoredMessage });
  const { signatures } = await openpgp.verify({ message, verificationKeys });
  // ok: plaintext-in-logs
  console.log('signature valid', await signatures[0]?.verified);
}

interface DecryptedEvent { getId(): string; getType(): string; roomId: string; content: { body: string } }
declare const olm: { decryptEvent(raw: unknown): Promise<DecryptedEvent> };

export async function eventMetadata(raw: unknown) {
  const event = await olm.decryptEvent(raw);
  // Ids and types of a decrypted event are what the message advises logging.
  // ok: plaintext-in-logs
  console.log('decrypted event', event.getId(), event.getType(), event.roomId);
  // ruleid: plaintext-in-logs
  console.log('decrypted event', event.content.body);
}

export async function recoveryKeyPublicHalf(key: CryptoKey, iv: Uint8Array, sealed: ArrayBuffer, derive: (seed: ArrayBuffer) => { publicKeyBase64: string }) {
  const recoverySeed = await crypto.subtle.decrypt({ name: 'AES-CTR', counter: iv, length: 64 }, key, sealed);
  // ok: plaintext-in-logs
  console.log('backup public key', derive(recoverySeed).publicKeyBase64);
}

declare class RendezvousError extends Error { constructor(message: string, reason: string) }
declare const channel: { decrypt(ciphertext: string): Promise<{ type: string; reason: string; secret: string }> };

export async function protocolFailure(ciphertext: string) {
  const payload = await channel.decrypt(ciphertext);
  if (payload.type === 'm.login.failure') {
    // A protocol failure code from the decrypted payload is not the user's content.
    // ok: plaintext-in-logs
    throw new RendezvousError('Failed', payload.reason);
  }
  // ruleid: plaintext-in-logs
  throw new Error(`unexpected payload ${JSON.stringify(payload)}`);
}
