import { createHash, createHmac } from 'node:crypto';
import * as nodeCrypto from 'crypto';
import CryptoJS from 'crypto-js';
import md5 from 'md5';
import { sha1 } from '@noble/hashes/legacy';
import forge from 'node-forge';
import SparkMD5 from 'spark-md5';
import { md5 as projectMd5 } from './lib/hashing';

const ETAG_ALGORITHM = 'md5';

export function etag(body: Buffer) {
  // ruleid: weak-hash-md5-sha1-inventory
  return `"${createHash(ETAG_ALGORITHM).update(body).digest('base64')}"`;
}

export function cacheKey(url: string) {
  // ruleid: weak-hash-md5-sha1-inventory
  return nodeCrypto.createHash('sha1').update(url).digest('hex');
}

export function shard(userId: string, shards: number) {
  // ruleid: weak-hash-md5-sha1-inventory
  return parseInt(md5(userId).slice(0, 8), 16) % shards;
}

export function gitBlobId(content: Uint8Array) {
  // ruleid: weak-hash-md5-sha1-inventory
  return Buffer.from(sha1(content)).toString('hex');
}

export function legacyWebhook(secret: string, body: string) {
  // ruleid: weak-hash-md5-sha1-inventory
  return createHmac('sha1', secret).update(body).digest('hex');
}

export async function browserChecksum(data: ArrayBuffer) {
  // ruleid: weak-hash-md5-sha1-inventory
  return crypto.subtle.digest('SHA-1', data);
}

export async function browserChecksumObjectForm(data: ArrayBuffer) {
  // ruleid: weak-hash-md5-sha1-inventory
  return globalThis.crypto.subtle.digest({ name: 'SHA-1' }, data);
}

export function cryptoJsChecksum(text: string) {
  // ruleid: weak-hash-md5-sha1-inventory
  return CryptoJS.MD5(text).toString();
}

export function forgeChecksum(bytes: string) {
  // ruleid: weak-hash-md5-sha1-inventory
  const md = forge.md.md5.create();
  md.update(bytes);
  return md.digest().toHex();
}

export function uploadChunkId(chunk: string) {
  // ruleid: weak-hash-md5-sha1-inventory
  return SparkMD5.hash(chunk);
}

// --- negatives ---

export function modernEtag(body: Buffer) {
  // ok: weak-hash-md5-sha1-inventory
  return createHash('sha256').update(body).digest('base64url');
}

export function sha1Prefixed(body: Buffer) {
  // ok: weak-hash-md5-sha1-inventory
  return createHash('sha512-256').update(body).digest('hex');
}

export function projectHelper(s: string) {
  // ok: weak-hash-md5-sha1-inventory
  return projectMd5(s);
}

export function unknownAlgorithm(algorithm: string, body: Buffer) {
  // ok: weak-hash-md5-sha1-inventory
  return createHash(algorithm).update(body).digest('hex');
}

export async function sha256Digest(data: ArrayBuffer) {
  // ok: weak-hash-md5-sha1-inventory
  return crypto.subtle.digest({ name: 'SHA-256' }, data);
}
