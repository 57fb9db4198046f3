import * as nodeCrypto from 'node:crypto';
export { createCipheriv as encryptWith } from 'node:crypto';
export const makeCipher = nodeCrypto.createCipheriv;
const { createCipheriv } = require('crypto');
export default createCipheriv;
export function createCipherivLookalike(name: string) {
  return name;
}
