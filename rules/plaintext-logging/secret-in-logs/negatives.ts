// Clean code: the word "password" in text, hashes, keys derived from a password, redacted values.
import crypto from 'node:crypto';
import argon2 from 'argon2';
declare function redactSecrets<T>(value: T): T;

export async function clean(body: { email: string; password: string; passphrase: string }) {
  // ok: secret-in-logs
  console.log('password reset requested for', body.email);
  // ok: secret-in-logs
  console.log('password hash', await argon2.hash(body.password));
  const key = crypto.scryptSync(body.passphrase, 'salt', 32);
  // A key derived from the passphrase is key material (reported by key-material-in-logs), not the passphrase.
  // ok: secret-in-logs
  console.log('derived', key.toString('hex'));
  // ok: secret-in-logs
  console.log(redactSecrets(body));
  // ok: secret-in-logs
  console.log('fingerprint', crypto.createHash('sha256').update(body.password).digest('hex').slice(0, 8));
  const passwordStrength = body.password.length > 12 ? 'strong' : 'weak';
  // ok: secret-in-logs
  console.log('strength', passwordStrength);
}

export async function responseIsNotTheToken(accessToken: string) {
  const response = await fetch('https://example.org/_matrix/client/v3/sync', { headers: { Authorization: `Bearer ${accessToken}` } });
  // What the server answered is not the token sent with the request.
  // ok: secret-in-logs
  console.log('sync returned', response.status, await response.json());
  // ruleid: secret-in-logs
  console.log('sync with', accessToken);
}

declare function sanitizeUrlForLogs(url: string): string;

export function outgoingToDevice(request: { body: string; txn_id: string }, logger: Console, url: string) {
  // A queued protocol request's body, outside any HTTP route: not a login form.
  const parsed = JSON.parse(request.body) as { messages: Record<string, unknown> };
  // ok: secret-in-logs
  logger.info(`sending to ${Object.keys(parsed.messages).join(', ')} txn ${request.txn_id}`);
  // ok: secret-in-logs
  logger.info('fetching', sanitizeUrlForLogs(url));
}

declare const BackupDecryptionKey: { fromBase64(text: string): { megolmV1PublicKey: { publicKeyBase64: string } } };

export function recoveryKeyCheck(recoveryKey: string, expected: string, log: Console) {
  const decryptionKey = BackupDecryptionKey.fromBase64(recoveryKey);
  // ok: secret-in-logs
  log.debug('backup key does not match', `cached pub key: ${decryptionKey.megolmV1PublicKey.publicKeyBase64}`, `active: ${expected}`);
}
