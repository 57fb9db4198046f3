// Same spelling, but nothing here comes from libsodium or crypto-js.
const sodium = { crypto_secretbox_easy: (m: unknown, n: unknown, k: unknown) => [m, n, k] };
const AES = { encrypt: (m: string, p: string) => m + p };

// ok: project-module-words-name
sodium.crypto_secretbox_easy(1, 2, 3);
// ok: project-module-words-require
AES.encrypt('attack at dawn', 'hunter2');
