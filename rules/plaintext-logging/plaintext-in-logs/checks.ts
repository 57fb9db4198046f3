// Argument checks around decrypted content: what they quote on failure is the rejected input.
import crypto from 'node:crypto';

function assertArgument(check: unknown, message: string, name: string, value: unknown): asserts check {
  if (!check) throw new TypeError(`${message} (${name}: ${JSON.stringify(value)})`);
}

function toUtf8(bytes: Uint8Array): string {
  assertArgument(bytes instanceof Uint8Array, 'invalid bytes', 'bytes', bytes);
  return new TextDecoder().decode(bytes);
}

export function openNote(key: Buffer, iv: Buffer, sealed: Buffer) {
  const decipher = crypto.createDecipheriv('aes-256-cbc', key, iv);
  const plain = Buffer.concat([decipher.update(sealed), decipher.final()]);
  // ok: plaintext-in-logs
  const text = toUtf8(plain);
  // ruleid: plaintext-in-logs
  assertArgument(text.startsWith('{'), `note is not JSON: ${text}`, 'text', '[note]');
  return text;
}
