import { observe, type Observation } from '../types.js';

export type CipherStrength = 'ok' | 'legacy' | 'broken';

/** A cipher named in a header: legacy 64-bit ciphers are high, no-confidentiality ones critical. */
export function cipherObservations(format: string, algorithm: string, strength: CipherStrength, where: string): Observation[] {
  if (strength === 'ok') return [];
  const check = strength === 'broken' ? 'weak.cipher-broken' : 'weak.cipher';
  return [observe(check, { FORMAT: format, ALGORITHM: algorithm, WHERE: where }, `${algorithm}@${where}`)];
}

/** An RSA recipient whose modulus size the header reveals (MPI bit count, wrapped-key length). */
export function rsaObservations(format: string, recipient: string, bits: number): Observation[] {
  if (bits >= 2000) return [];
  const check = bits < 1000 ? 'weak.rsa-key-broken' : 'weak.rsa-key-short';
  return [observe(check, { FORMAT: format, RECIPIENT: recipient, BITS: String(bits) }, recipient)];
}

export type KdfWeakness = 'no-stretching' | 'weak' | 'below-guidance';

export function kdfObservation(format: string, kdf: string, weakness: KdfWeakness, guidance = ''): Observation {
  const check =
    weakness === 'no-stretching' ? 'kdf.password-no-stretching' : weakness === 'weak' ? 'kdf.password-weak' : 'kdf.password-below-guidance';
  return observe(check, { FORMAT: format, KDF: kdf, GUIDANCE: guidance }, kdf);
}
