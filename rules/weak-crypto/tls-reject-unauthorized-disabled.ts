import https from 'node:https';
import * as tls from 'tls';
import axios from 'axios';
import got from 'got';
import { Agent, fetch as undiciFetch } from 'undici';
import { Pool } from 'pg';
import { MongoClient } from 'mongodb';
import superagent from 'superagent';
import request from 'request';

const INSECURE = false;

// ruleid: tls-reject-unauthorized-disabled
export const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });

export const api = axios.create({
  baseURL: 'https://payments.internal',
  // ruleid: tls-reject-unauthorized-disabled
  httpsAgent: new https.Agent({ rejectUnauthorized: INSECURE }),
});

export function connect(host: string) {
  // ruleid: tls-reject-unauthorized-disabled
  return tls.connect({ host, port: 443, rejectUnauthorized: false });
}

export async function gotClient(url: string) {
  // ruleid: tls-reject-unauthorized-disabled
  return got(url, { https: { rejectUnauthorized: false } }).json();
}

export async function undici(url: string) {
  // ruleid: tls-reject-unauthorized-disabled
  const dispatcher = new Agent({ connect: { rejectUnauthorized: false } });
  return undiciFetch(url, { dispatcher });
}

// ruleid: tls-reject-unauthorized-disabled
export const pool = new Pool({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false } });

// ruleid: tls-reject-unauthorized-disabled
export const mongo = new MongoClient(process.env.MONGO_URL!, { tls: true, tlsAllowInvalidCertificates: true });

export function globalAgent() {
  // ruleid: tls-reject-unauthorized-disabled
  https.globalAgent.options.rejectUnauthorized = false;
}

export function legacyRequest(url: string) {
  // ruleid: tls-reject-unauthorized-disabled
  request({ url, strictSSL: false }, () => undefined);
}

export function superagentInsecure(url: string) {
  // ruleid: tls-reject-unauthorized-disabled
  return superagent.get(url).disableTLSCerts();
}

// ruleid: tls-reject-unauthorized-disabled
const tlsOptions = { rejectUnauthorized: false };
export function viaConstantObject(url: string) {
  // ok: tls-reject-unauthorized-disabled
  return https.get(url, tlsOptions);
}

// --- negatives ---

// ok: tls-reject-unauthorized-disabled
export const secureAgent = new https.Agent({ rejectUnauthorized: true, ca: process.env.INTERNAL_CA });

// ok: tls-reject-unauthorized-disabled
export const configurable = new https.Agent({ rejectUnauthorized: process.env.NODE_ENV === 'production' });

export function optionalClientCertificates(key: Buffer, cert: Buffer) {
  // ok: tls-reject-unauthorized-disabled
  return https.createServer({ key, cert, requestCert: true, rejectUnauthorized: false }, (req, res) => {
    res.end((req.socket as tls.TLSSocket).authorized ? 'hello' : 'anonymous');
  });
}

// ok: tls-reject-unauthorized-disabled
export const notTls = { rejectUnauthorizedCount: 0, strict: false };

// --- behind a setting: tls-verification-disabled-by-setting (medium) ---

export function fromSslMode(mode: string | undefined) {
  switch (mode) {
    case 'no-verify':
      // ok: tls-reject-unauthorized-disabled
      return { rejectUnauthorized: false };
    default:
      return true;
  }
}

export function insecureFlag(options: Record<string, unknown>, insecure: boolean) {
  if (insecure) {
    // ok: tls-reject-unauthorized-disabled
    options.rejectUnauthorized = false;
  }
}

export function ternary(strictSSL: boolean) {
  // ok: tls-reject-unauthorized-disabled
  return new https.Agent(strictSSL === false ? { rejectUnauthorized: false } : {});
}

// --- more clients that take the same options ---

export function requestDefaults() {
  // ruleid: tls-reject-unauthorized-disabled
  return request.defaults({ strictSSL: false, json: true });
}

export function webSocket(url: string) {
  // ruleid: tls-reject-unauthorized-disabled
  return new WebSocket(url, { rejectUnauthorized: false });
}

export async function nodeFetch(url: string) {
  // ruleid: tls-reject-unauthorized-disabled
  const insecureAgent = new https.Agent({ rejectUnauthorized: false });
  return fetch(url, { agent: insecureAgent } as RequestInit);
}

export function builtElsewhere(host: string) {
  const options: https.RequestOptions = { host, path: '/' };
  // ruleid: tls-reject-unauthorized-disabled
  options.rejectUnauthorized = false;
  return https.request(options);
}

export function undiciProxy() {
  // ruleid: tls-reject-unauthorized-disabled
  return new Agent({ connect: { rejectUnauthorized: false, timeout: 10_000 } });
}
