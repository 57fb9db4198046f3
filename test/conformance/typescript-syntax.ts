import * as crypto from 'crypto';

function Injectable(): ClassDecorator {
  return () => undefined;
}

@Injectable()
export class Vault<T extends object> {
  #key: Buffer = Buffer.alloc(16);

  encrypt(data: T): Buffer {
    // ruleid: conformance-typescript-syntax
    const cipher = crypto.createCipheriv<string>('aes-128-ecb' as const, this.#key!, null) satisfies crypto.Cipher;
    // ruleid: conformance-typescript-syntax
    const other = (<typeof crypto>crypto).createCipheriv('aes-128-ecb', this.#key, null);
    // ok: conformance-typescript-syntax
    const safe = crypto.createCipheriv('aes-128-gcm', this.#key, null);
    return Buffer.concat([cipher.update(JSON.stringify(data)), other.final(), safe.final()]);
  }
}
