import sodium from 'libsodium-wrappers';

// Shared code: a server route and a browser page both import it. The key comes from the
// caller, so the finding is reported where server code passes a user's key in (open.ts).
export function openBox(ciphertext: Uint8Array, nonce: Uint8Array, senderPublicKey: Uint8Array, recipientSecretKey: Uint8Array): Uint8Array {
  // ok: server-decrypts-with-user-key
  return sodium.crypto_box_open_easy(ciphertext, nonce, senderPublicKey, recipientSecretKey);
}
