import * as tls from 'node:tls';
import https from 'https';
import axios from 'axios';

export function connect(host: string) {
  return tls.connect({
    host,
    port: 8443,
    // ruleid: tls-check-server-identity-disabled
    checkServerIdentity: () => undefined,
  });
}

// ruleid: tls-check-server-identity-disabled
export const agent = new https.Agent({ checkServerIdentity: (_host, _cert) => { /* accept any host */ } });

export const client = axios.create({
  httpsAgent: new https.Agent({
    // ruleid: tls-check-server-identity-disabled
    checkServerIdentity: function (host: string, cert: tls.PeerCertificate) {
      console.debug('connecting to', host, cert.subject);
    },
  }),
});

export function options(): https.RequestOptions {
  const opts: https.RequestOptions = { host: 'api.internal' };
  // ruleid: tls-check-server-identity-disabled
  opts.checkServerIdentity = () => { return undefined; };
  return opts;
}

// --- negatives ---

const PINNED = 'AB:CD';
export const pinned = new https.Agent({
  // ok: tls-check-server-identity-disabled
  checkServerIdentity: (host, cert) => {
    const err = tls.checkServerIdentity(host, cert);
    if (err) return err;
    if (cert.fingerprint256 !== PINNED) return new Error('pin mismatch');
    return undefined;
  },
});

export const delegates = new https.Agent({
  // ok: tls-check-server-identity-disabled
  checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert),
});

export const throwsOnMismatch = new https.Agent({
  // ok: tls-check-server-identity-disabled
  checkServerIdentity(host: string, cert: tls.PeerCertificate) {
    if (!cert.subjectaltname?.includes(`DNS:${host}`)) {
      throw new Error('bad host');
    }
  },
});

// ok: tls-check-server-identity-disabled
export const defaults = new https.Agent({ keepAlive: true });

export function chosenBySetting(host: string, verifyIdentity: boolean) {
  return tls.connect({
    host,
    // reported by tls-verification-disabled-by-setting
    // ok: tls-check-server-identity-disabled
    checkServerIdentity: verifyIdentity ? tls.checkServerIdentity : function () { return undefined; },
  });
}

export function insecureOption(options: Record<string, unknown>, insecure: boolean) {
  if (insecure) {
    // ok: tls-check-server-identity-disabled
    options.checkServerIdentity = () => undefined;
  }
}
