import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

export function sessionKey(): KeyObject {
  return createSecretKey(randomBytes(32));
}

export class Vault {
  readonly label = 'vault';
  constructor(readonly key: KeyObject) {}
}
