// Keys that arrive through promises, callbacks and array methods.
import * as jose from 'jose';

export function viaThen() {
  jose.generateKeyPair('RS256', { extractable: true })
    .then(({ privateKey }) => jose.exportPKCS8(privateKey))
    // ruleid: key-material-in-logs
    .then((pem) => console.log(pem));
}

export async function viaPromiseAll(count: number) {
  const secrets = await Promise.all(Array.from({ length: count }, () => jose.generateSecret('A256GCM', { extractable: true })));
  const exported = await Promise.all(secrets.map((secret) => jose.exportJWK(secret)));
  exported.forEach((jwk) => {
    // ruleid: key-material-in-logs
    console.log(jwk.k);
  });
}

export function viaCallback(done: (key: Uint8Array) => void) {
  crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, ['sign']).then(async (key) => {
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', key));
    // ruleid: key-material-in-logs
    setTimeout(() => console.warn('late', raw), 0);
    done(raw);
  });
}
