export async function upload(pair: CryptoKeyPair) {
  const exported = await crypto.subtle.exportKey('pkcs8', pair.privateKey);
  log('exported');
  // ruleid: conformance-statement-sequence
  await fetch('/backup', { method: 'PUT', body: exported });
  if (navigator.onLine) {
    // ruleid: conformance-statement-sequence
    await fetch('/backup', { body: JSON.stringify({ key: exported }) });
  }
}

export async function publicOnly(pair: CryptoKeyPair) {
  const exported = await crypto.subtle.exportKey('spki', pair.publicKey);
  // ok: conformance-statement-sequence
  await fetch('/keys', { method: 'PUT', body: exported });
}

export async function sentBeforeExport(pair: CryptoKeyPair, exported: ArrayBuffer) {
  // ok: conformance-statement-sequence
  await fetch('/early', { body: exported });
  const later = await crypto.subtle.exportKey('pkcs8', pair.privateKey);
  return later;
}
