// Keys kept in class fields and logged from other methods, sync and async.
import crypto from 'node:crypto';
import type { Logger } from 'pino';

export class SessionManager {
  private sessionKey: Buffer | undefined;
  #identity = crypto.generateKeyPairSync('x25519');

  constructor(private readonly logger: Logger) {}

  async start(password: string, salt: Buffer) {
    this.sessionKey = await new Promise<Buffer>((resolve, reject) =>
      crypto.pbkdf2(password, salt, 600_000, 32, 'sha256', (err, key) => (err ? reject(err) : resolve(key))),
    );
  }

  describe() {
    // ruleid: key-material-in-logs
    this.logger.info({ key: this.sessionKey?.toString('hex') }, 'session');
    // ok: key-material-in-logs
    this.logger.info({ bytes: this.sessionKey?.length, hasKey: this.sessionKey !== undefined }, 'session');
  }

  identity() {
    // ruleid: key-material-in-logs
    console.log(this.#identity.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'));
    // ok: key-material-in-logs
    console.log(this.#identity.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'));
  }
}

export class KeyVault {
  private readonly keys = new Map<string, CryptoKey>();

  async add(id: string) {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
    this.keys.set(id, key);
  }

  async dump() {
    for (const [id, key] of this.keys) {
      // ruleid: key-material-in-logs
      console.debug(id, Buffer.from(await crypto.subtle.exportKey('raw', key)).toString('hex'));
    }
  }
}
