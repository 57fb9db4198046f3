import { webcrypto } from 'node:crypto';
const subtle = globalThis.crypto.subtle;
const { subtle: destructuredSubtle } = window.crypto;

export async function run(key: CryptoKey, data: Uint8Array, iv: Uint8Array) {
  // ruleid: conformance-webcrypto-globals
  await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);
  // ruleid: conformance-webcrypto-globals
  await window.crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);
  // ruleid: conformance-webcrypto-globals
  await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);
  // ruleid: conformance-webcrypto-globals
  await self.crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);
  // ruleid: conformance-webcrypto-globals
  await subtle.encrypt({ name: 'AES-GCM', iv }, key, data);
  // ruleid: conformance-webcrypto-globals
  await destructuredSubtle.encrypt({ name: 'AES-GCM', iv }, key, data);
  // ruleid: conformance-webcrypto-globals
  await webcrypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);
  // ok: conformance-webcrypto-globals
  await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, data);
}
