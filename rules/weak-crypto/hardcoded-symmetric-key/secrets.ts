// Shared settings module: the key is imported by server.ts.
export const ARCHIVE_KEY = 'b3f1c2d4e5a6978812345678abcdef0123456789abcdef0123456789abcdef01';
// ruleid: hardcoded-symmetric-key
export const WEBHOOK_SECRET = 'whsec_5f2b8c9d1e3a4b6c';
