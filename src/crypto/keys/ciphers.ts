import { createDecipheriv, createHmac, timingSafeEqual, type CipherGCMTypes } from 'node:crypto';

/** Decryption primitives that answer "did it open?" instead of throwing. */

export function aeadOpens(algorithm: CipherGCMTypes | 'chacha20-poly1305', key: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array, aad?: Uint8Array): boolean {
  try {
    const decipher = createDecipheriv(algorithm as CipherGCMTypes, key, nonce, { authTagLength: 16 });
    if (aad) decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    decipher.update(ciphertext);
    decipher.final();
    return true;
  } catch {
    return false;
  }
}

/**
 * CBC or ECB: the PKCS#7 padding of the last block is checked with the block before it as IV (so it holds
 * whatever the real IV was), and the first `preview` bytes are returned for a plaintext check.
 */
export function blockDecrypt(algorithm: string, key: Uint8Array, iv: Uint8Array | null, ciphertext: Uint8Array, blockSize: number, preview: number): Uint8Array | undefined {
  if (ciphertext.length === 0 || ciphertext.length % blockSize !== 0) return undefined;
  try {
    const chained = iv !== null;
    const last = ciphertext.subarray(ciphertext.length - blockSize);
    const lastIv = chained ? (ciphertext.length > blockSize ? ciphertext.subarray(ciphertext.length - 2 * blockSize, ciphertext.length - blockSize) : iv) : null;
    const paddingCheck = createDecipheriv(algorithm, key, lastIv);
    paddingCheck.update(last);
    paddingCheck.final();
    const head = ciphertext.subarray(0, Math.min(ciphertext.length, preview - (preview % blockSize)));
    const decipher = createDecipheriv(algorithm, key, iv);
    decipher.setAutoPadding(false);
    const plaintext = Buffer.concat([decipher.update(head), decipher.final()]);
    // When the preview reaches the end, drop the (already verified) PKCS#7 padding before scoring.
    return head.length === ciphertext.length ? plaintext.subarray(0, plaintext.length - plaintext[plaintext.length - 1]!) : plaintext;
  } catch {
    return undefined;
  }
}

export function streamDecrypt(algorithm: string, key: Uint8Array, counterBlock: Uint8Array, ciphertext: Uint8Array, preview: number): Uint8Array | undefined {
  try {
    return createDecipheriv(algorithm, key, counterBlock).update(ciphertext.subarray(0, preview));
  } catch {
    return undefined;
  }
}

export function hmacMatches(hash: string, key: Uint8Array, data: readonly Uint8Array[], expected: Uint8Array): boolean {
  const mac = createHmac(hash, key);
  for (const part of data) mac.update(part);
  const digest = mac.digest().subarray(0, expected.length);
  return digest.length === expected.length && expected.length > 0 && timingSafeEqual(digest, expected);
}
