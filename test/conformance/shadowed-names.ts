// A name declared more than once means what its scope says where it is used.
import { createCipheriv as mk } from 'node:crypto';

const ALGORITHM = 'des-cbc';

export function encrypt(key: Buffer, iv: Buffer) {
  // ruleid: shadowed-names
  return mk(ALGORITHM, key, iv);
}

export function injected(mk: (algorithm: string) => void) {
  // ok: shadowed-names
  mk('des-cbc');
}

export function modern(key: Buffer, iv: Buffer) {
  const ALGORITHM = 'aes-256-gcm';
  // ok: shadowed-names
  return mk(ALGORITHM, key, iv);
}

export function chosen(key: Buffer, iv: Buffer, ALGORITHM: string) {
  // ok: shadowed-names
  return mk(ALGORITHM, key, iv);
}

// The same local name in two functions: each is a constant in its own scope.
export function legacyEncrypt(key: Buffer, iv: Buffer) {
  const algorithm = 'des-cbc';
  // ruleid: shadowed-names
  return mk(algorithm, key, iv);
}

export function currentEncrypt(key: Buffer, iv: Buffer) {
  const algorithm = 'aes-256-gcm';
  // ok: shadowed-names
  return mk(algorithm, key, iv);
}

// `var` belongs to its function, `const` to its block, a catch parameter to its clause.
export function hoisted(key: Buffer, iv: Buffer) {
  if (key.length > 0) {
    var cipherName = 'des-cbc';
  }
  // ruleid: shadowed-names
  return mk(cipherName, key, iv);
}

export function blockScoped(key: Buffer, iv: Buffer) {
  const cipherName = 'aes-256-gcm';
  {
    const cipherName = 'des-cbc';
    // ruleid: shadowed-names
    mk(cipherName, key, iv);
  }
  try {
    return mk(cipherName, key, iv);
  } catch (mk) {
    // ok: shadowed-names
    (mk as (algorithm: string) => void)('des-cbc');
  }
  // ok: shadowed-names
  return mk(cipherName, key, iv);
}
