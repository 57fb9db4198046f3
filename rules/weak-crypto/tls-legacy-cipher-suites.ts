import https from 'node:https';
import tls from 'tls';

// ruleid: tls-legacy-cipher-suites
export const agent = new https.Agent({ ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-DES-CBC3-SHA' });

export function connect(host: string) {
  // ruleid: tls-legacy-cipher-suites
  return tls.connect({ host, port: 443, ciphers: 'HIGH:3DES:!aNULL' });
}

export function legacy(key: Buffer, cert: Buffer) {
  // ruleid: tls-legacy-cipher-suites
  return https.createServer({ key, cert, ciphers: 'AES128-SHA:DES-CBC3-SHA' });
}

export const mailer = {
  host: 'smtp.office365.com',
  // ruleid: tls-legacy-cipher-suites
  tls: { ciphers: 'SSLv3', rejectUnauthorized: true },
};

// --- negatives ---

// ok: tls-legacy-cipher-suites
export const excluded = new https.Agent({ ciphers: 'HIGH:!3DES:!aNULL:-DES-CBC3-SHA' });

// ok: tls-legacy-cipher-suites
export const modern = new https.Agent({ ciphers: 'TLS_AES_256_GCM_SHA384:ECDHE-RSA-AES256-GCM-SHA384' });

// ok: tls-legacy-cipher-suites
export const tls12Alias = { ciphers: 'TLSv1.2:!aNULL:!eNULL' };

// ok: tls-legacy-cipher-suites
export const singleDesIsTheOtherRule = { ciphers: 'EDH-RSA-DES-CBC-SHA' };
