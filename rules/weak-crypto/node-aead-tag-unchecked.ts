import crypto from 'node:crypto';
import { createDecipheriv } from 'crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable, Writable } from 'node:stream';

const MESSAGE_CIPHER = 'aes-256-gcm';

export function decryptWithoutFinal(key: Buffer, iv: Buffer, tag: Buffer, ciphertext: Buffer): string {
  // ruleid: node-aead-tag-unchecked
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return decipher.update(ciphertext, undefined, 'utf8');
}

export function decryptWithoutTag(key: Buffer, payload: { iv: string; data: string }): string {
  // ruleid: node-aead-tag-unchecked
  const decipher = createDecipheriv(MESSAGE_CIPHER, key, Buffer.from(payload.iv, 'hex'));
  let text = decipher.update(payload.data, 'hex', 'utf8');
  try {
    text += decipher.final('utf8');
  } catch {
    // "final() throws for GCM, the text is already there"
  }
  return text;
}

export function chachaConcatWithoutFinal(key: Buffer, nonce: Buffer, tag: Buffer, ciphertext: Buffer): Buffer {
  // ruleid: node-aead-tag-unchecked
  const decipher = crypto.createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext)]);
}

export async function chunked(key: Buffer, iv: Buffer, chunks: AsyncIterable<Buffer>, out: Buffer[]) {
  // ruleid: node-aead-tag-unchecked
  const decipher = crypto.createDecipheriv('aes-128-gcm', key, iv);
  for await (const chunk of chunks) {
    out.push(decipher.update(chunk));
  }
}

export function verified(key: Buffer, iv: Buffer, tag: Buffer, ciphertext: Buffer): Buffer {
  // ok: node-aead-tag-unchecked
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

export function verifiedStringStyle(key: Buffer, iv: Buffer, tag: string, data: string): string {
  // ok: node-aead-tag-unchecked
  const decipher = createDecipheriv(MESSAGE_CIPHER, key, iv);
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  let plaintext = decipher.update(data, 'base64', 'utf8');
  plaintext += decipher.final('utf8');
  return plaintext;
}

export function cbcHasNoTag(key: Buffer, iv: Buffer, ciphertext: Buffer): Buffer {
  // ok: node-aead-tag-unchecked
  const decipher = crypto.createDecipheriv('aes-256-cbc', key, iv);
  return decipher.update(ciphertext);
}

export function factory(key: Buffer, iv: Buffer, header: Buffer) {
  // ok: node-aead-tag-unchecked
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(header);
  return decipher;
}

export async function streaming(key: Buffer, iv: Buffer, tag: Buffer, input: Readable, output: Writable) {
  // ok: node-aead-tag-unchecked
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  await pipeline(input, decipher, output);
}

export function handedToHelper(key: Buffer, iv: Buffer, tag: Buffer, ciphertext: Buffer) {
  // ok: node-aead-tag-unchecked
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  const head = decipher.update(ciphertext);
  return finishWithTag(decipher, tag, head);
}

declare function finishWithTag(decipher: crypto.DecipherGCM, tag: Buffer, head: Buffer): Buffer;

class SessionDecryptor {
  private decipher?: crypto.DecipherGCM;
  begin(key: Buffer, iv: Buffer, tag: Buffer) {
    // ok: node-aead-tag-unchecked
    this.decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
    this.decipher.setAuthTag(tag);
  }
  push(chunk: Buffer) {
    return this.decipher!.update(chunk);
  }
  end() {
    return this.decipher!.final();
  }
}
export { SessionDecryptor };
