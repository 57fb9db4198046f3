// Key-derivation settings shared by the services; overridable per deployment.
export const KDF_DEFAULTS = { iterations: 10_000, digest: 'sha256', keyLength: 32 };
export const KDF_STRONG = { iterations: 600_000, digest: 'sha256', keyLength: 32 };
export const WEBCRYPTO_PBKDF2 = { name: 'PBKDF2', hash: 'SHA-256', iterations: 100_000 };
