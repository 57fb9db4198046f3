// A config module: its zero nonce is used by main.ts.
export const IMPORTED_ZERO_NONCE = new Uint8Array(12);
export const IMPORTED_NONCE_BYTES = 12;
