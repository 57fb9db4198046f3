// A CLI that makes an identity and saves it through a storage helper in another module.
import crypto from 'node:crypto';
import * as openpgp from 'openpgp';
import { saveFile, saveJson } from './storage';

export async function keygen(dir: string, passphrase: string) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  // ruleid: key-material-in-files
  saveFile(`${dir}/id_ed25519`, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  // ok: key-material-in-files
  saveFile(`${dir}/id_ed25519.pub`, publicKey.export({ type: 'spki', format: 'pem' }));
  const pgp = await openpgp.generateKey({ userIDs: [{ email: 'me@example.org' }], format: 'object' });
  // ok: key-material-in-files
  saveFile(`${dir}/secret.asc`, (await openpgp.encryptKey({ privateKey: pgp.privateKey, passphrase })).armor());
  // ruleid: key-material-in-files
  saveFile(`${dir}/secret-plain.asc`, pgp.privateKey.armor());
  const jwk = await crypto.subtle.exportKey('jwk', (await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt'])));
  // ruleid: key-material-in-files
  await saveJson(`${dir}/content-key.json`, { jwk, created: Date.now() });
  // ok: key-material-in-files
  await saveJson(`${dir}/content-key.meta.json`, { kid: jwk.kid, alg: jwk.alg });
}
