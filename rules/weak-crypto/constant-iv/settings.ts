// A settings module whose IVs are used in main.ts: the finding is at the use, with this definition in its trace.
export const ZERO_BLOCK = Buffer.alloc(16, 0);
export const SHARED_IV = new Uint8Array(16);
export const SETTINGS = { cipher: 'aes-256-cbc', iv: Buffer.from('0f1e2d3c4b5a69788796a5b4c3d2e1f0', 'hex') } as const;
export const IV_BYTES = 16;
