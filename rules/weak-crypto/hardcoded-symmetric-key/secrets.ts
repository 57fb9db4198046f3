// Shared settings module: the key is imported by server.ts.
export const ARCHIVE_KEY = 'b3f1c2d4e5a6978812345678abcdef0123456789abcdef0123456789abcdef01';
// ruleid: hardcoded-symmetric-key
export const WEBHOOK_SECRET = 'whsec_5f2b8c9d1e3a4b6c';
// a key built from a literal in this module, used in server.ts: one finding here, the use in its trace
// ruleid: hardcoded-symmetric-key
export const EXPORT_KEY = Buffer.from('5a1c9e7d3b2f4a6c8e0d1f3b5a7c9e1d3f5b7a9c1e3d5f7b9a1c3e5d7f9b1a3c', 'hex');
// a zero-filled key in a config module
// ruleid: hardcoded-symmetric-key
export const PLACEHOLDER_KEY = new Uint8Array(32);
// only a length: not a key
export const KEY_BYTES = 32;
