import * as crypto from 'node:crypto';
import { ALGORITHM, SAFE } from './config';
import { ALGORITHM as OTHER } from './safe-config';

export function legacy(key: Buffer, iv: Buffer) {
  // ruleid: project-esm-constants
  return crypto.createCipheriv(ALGORITHM, key, iv);
}
export function modern(key: Buffer, iv: Buffer) {
  // ok: project-esm-constants
  return crypto.createCipheriv(SAFE, key, iv);
}
export function sameNameDifferentValue(key: Buffer, iv: Buffer) {
  // ok: project-esm-constants
  return crypto.createCipheriv(OTHER, key, iv);
}
export function parameter(algorithm: string, key: Buffer, iv: Buffer) {
  // ok: project-esm-constants
  return crypto.createCipheriv(algorithm, key, iv);
}
