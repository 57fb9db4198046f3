const BASE = { cipher: 'des-cbc', keyBytes: 8 } as const;
export default { ...BASE, version: 2 };
export const NAMED = { archive: { cipher: 'des-ede3' } };
export enum Cipher {
  Legacy = 'des-ede-cbc',
  Modern = 'aes-256-gcm',
}
