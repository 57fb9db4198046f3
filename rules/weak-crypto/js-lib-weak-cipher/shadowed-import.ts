import forge from 'node-forge';

export function legacyVault(key: string) {
  // engine: a parameter named like the import anywhere in the file (legacyVersion below) stops
  // `forge` from resolving to node-forge in the whole file; the spelled browser-global pattern
  // (forge.cipher.createCipher) still finds it
  // ruleid: js-lib-weak-cipher
  return forge.cipher.createCipher('3DES-CBC', key);
}

export function legacyVersion(forge: { version: string }) {
  // ok: js-lib-weak-cipher
  return forge.version;
}
