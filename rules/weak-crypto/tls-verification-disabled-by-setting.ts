import https from 'node:https';
import tls from 'node:tls';

// pg: sslmode=no-verify from the environment or the connection string
export function readSslConfigFromEnvironment() {
  switch (process.env.PGSSLMODE) {
    case 'disable':
      return false;
    case 'no-verify':
      // ruleid: tls-verification-disabled-by-setting
      return { rejectUnauthorized: false };
  }
  return true;
}

export class ConnectionParameters {
  ssl: unknown;
  constructor(config: { ssl?: unknown }) {
    this.ssl = config.ssl;
    if (this.ssl === 'no-verify') {
      // ruleid: tls-verification-disabled-by-setting
      this.ssl = { rejectUnauthorized: false };
    }
  }
}

// MongoDB: tlsInsecure and tlsAllowInvalidHostnames
export function tlsInsecure(options: Record<string, unknown>, insecure: boolean) {
  if (insecure) {
    // ruleid: tls-verification-disabled-by-setting
    options.checkServerIdentity = () => undefined;
    // ruleid: tls-verification-disabled-by-setting
    options.rejectUnauthorized = false;
  } else {
    // ruleid: tls-verification-disabled-by-setting
    options.checkServerIdentity = options.tlsAllowInvalidHostnames ? () => undefined : undefined;
    // ok: tls-verification-disabled-by-setting
    options.rejectUnauthorized = options.tlsAllowInvalidCertificates ? false : true;
  }
}

// mysql2: ssl.verifyIdentity
export function secure(socket: import('node:net').Socket, rejectUnauthorized: boolean, verifyIdentity: boolean) {
  return tls.connect({
    rejectUnauthorized,
    // ruleid: tls-verification-disabled-by-setting
    checkServerIdentity: verifyIdentity ? tls.checkServerIdentity : function () { return undefined; },
    socket,
  });
}

export function agentFor(options: { strictSSL?: boolean }) {
  // ruleid: tls-verification-disabled-by-setting
  return new https.Agent(options.strictSSL === false ? { rejectUnauthorized: false } : {});
}

export function spread(insecure: boolean) {
  // ruleid: tls-verification-disabled-by-setting
  return new https.Agent({ keepAlive: true, ...(insecure && { rejectUnauthorized: false }) });
}

// --- unconditional opt-outs are tls-reject-unauthorized-disabled's (high) ---

// ok: tls-verification-disabled-by-setting
export const agent = new https.Agent({ rejectUnauthorized: false });

export function always(host: string) {
  // ok: tls-verification-disabled-by-setting
  return tls.connect({ host, port: 443, checkServerIdentity: () => undefined });
}

export function optionalClientCertificates(key: Buffer, cert: Buffer, requireCerts: boolean) {
  if (!requireCerts) {
    // ok: tls-verification-disabled-by-setting
    return https.createServer({ key, cert, requestCert: true, rejectUnauthorized: false });
  }
  return https.createServer({ key, cert });
}
