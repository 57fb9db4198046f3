// Shapes from client libraries (database drivers, wallets, SDKs): what their errors and debug
// output quote is usually not the password or token the library was configured with.
import crypto from 'node:crypto';
import express from 'express';
import { stretch } from 'key-stretch';

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export function assertArgument(check: unknown, message: string, name: string, value: unknown): asserts check {
  if (!check) throw new TypeError(`${message} (argument=${name}, value=${describe(value)})`);
}

function utf8(text: string): Uint8Array {
  // The value is quoted only when it is not a string at all.
  assertArgument(typeof text === 'string', 'expected a string', 'text', text);
  return new TextEncoder().encode(text);
}

export function passwordBytes(password: string): Uint8Array {
  // ok: secret-in-logs
  const bytes = utf8(password);
  if (password.length < 10) {
    // A check that quotes the password in its message still counts.
    // ruleid: secret-in-logs
    assertArgument(false, `password ${password} is too short`, 'password', '[hidden]');
  }
  return bytes;
}

export function strictLength(password: string) {
  // ruleid: secret-in-logs
  if (password.length > 64) throw new RangeError('password too long: ' + password);
}

class HttpRequest {
  #credentials = '';
  url: string;
  constructor(url: string) {
    this.url = url;
  }
  setCredentials(user: string, password: string) {
    this.#credentials = `${user}:${password}`;
  }
  authorization(): string {
    return 'Basic ' + Buffer.from(this.#credentials).toString('base64');
  }
  leak(): never {
    // ruleid: secret-in-logs
    throw new Error(`request failed: ${this.authorization()}`);
  }
}

export function maybeRedactCommand(command: Record<string, unknown>) {
  return 'saslStart' in command || 'authenticate' in command ? {} : command;
}

export function sendAuth(password: string, log: Console) {
  const command = { saslStart: 1, payload: Buffer.from(password) };
  // ok: secret-in-logs
  log.debug('command started', maybeRedactCommand(command));
  // ruleid: secret-in-logs
  log.debug('command started', command);
}

export function connect(user: string, password: string, status: number) {
  const request = new HttpRequest('https://rpc.example.org');
  request.setCredentials(user, password);
  // The request is quoted whole: its #private credentials are not part of what is printed.
  // ok: secret-in-logs
  if (status >= 400) throw new Error(`request failed with ${status}: ${JSON.stringify(request)}`);
  return request;
}

export const settings = express.Router();

settings.post('/settings', (req, res) => {
  const allowed = ['password', 'mode'];
  for (const name of Object.keys(req.body)) {
    // The names of the fields a client sent, not their values.
    // ok: secret-in-logs
    if (!allowed.includes(name)) throw new Error(`unknown option: ${name}`);
  }
  const mode = req.body && req.body.mode;
  // A guarded read is the field read, not the whole body beside it.
  // ok: secret-in-logs
  console.info('settings mode', mode);
  // ruleid: secret-in-logs
  if (!mode) throw new Error(`no mode for ${req.body.password}`);
  res.sendStatus(204);
});

export function openKeyFile(encrypted: Buffer, iv: Buffer, passphrase: string) {
  const key = stretch(passphrase, 'salt', 16);
  const decipher = crypto.createDecipheriv('aes-256-cbc', key, iv);
  const plain = Buffer.concat([decipher.update(encrypted), decipher.final()]);
  const keyType = plain.subarray(0, 8).toString();
  // What the passphrase decrypted is not the passphrase (plaintext-in-logs judges it).
  // ok: secret-in-logs
  if (keyType !== 'ssh-ed25') throw new Error(`unsupported key type ${keyType}`);
}
