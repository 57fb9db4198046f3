import argon2 from 'argon2';
import { hash as argonHash, argon2i, argon2id } from 'argon2';
import { hash as rsHash, Algorithm } from '@node-rs/argon2';
import { argon2i as wasmArgon2i, argon2id as wasmArgon2id } from 'hash-wasm';
import argon2Browser from 'argon2-browser';
import sodium from 'libsodium-wrappers';

export async function argon2iType(password: string) {
  // ruleid: argon2-weak-type
  return argon2.hash(password, { type: argon2.argon2i, memoryCost: 65536 });
}

export async function namedConstant(password: string) {
  // ruleid: argon2-weak-type
  return argonHash(password, { type: argon2i });
}

export async function argon2dNumeric(password: string) {
  // ruleid: argon2-weak-type
  return argon2.hash(password, { type: 0 });
}

export async function nodeRs(password: string) {
  // ruleid: argon2-weak-type
  return rsHash(password, { algorithm: Algorithm.Argon2i });
}

export async function hashWasm(password: string, salt: Uint8Array) {
  // ruleid: argon2-weak-type
  return wasmArgon2i({ password, salt, parallelism: 1, iterations: 3, memorySize: 65536, hashLength: 32 });
}

export async function browserDefaultIsArgon2d(password: string, salt: Uint8Array) {
  // ruleid: argon2-weak-type
  return argon2Browser.hash({ pass: password, salt, time: 3, mem: 65536 });
}

export async function libsodiumArgon2i(password: string, salt: Uint8Array) {
  await sodium.ready;
  // ruleid: argon2-weak-type
  return sodium.crypto_pwhash(32, password, salt, sodium.crypto_pwhash_OPSLIMIT_MODERATE, sodium.crypto_pwhash_MEMLIMIT_MODERATE, sodium.crypto_pwhash_ALG_ARGON2I13);
}

// --- negatives ---

export async function argon2idType(password: string) {
  // ok: argon2-weak-type
  return argon2.hash(password, { type: argon2id });
}

export async function defaults(password: string) {
  // ok: argon2-weak-type
  return argon2.hash(password);
}

export async function nodeRsId(password: string) {
  // ok: argon2-weak-type
  return rsHash(password, { algorithm: Algorithm.Argon2id });
}

export async function hashWasmId(password: string, salt: Uint8Array) {
  // ok: argon2-weak-type
  return wasmArgon2id({ password, salt, parallelism: 1, iterations: 2, memorySize: 19456, hashLength: 32 });
}

export async function browserId(password: string, salt: Uint8Array) {
  // ok: argon2-weak-type
  return argon2Browser.hash({ pass: password, salt, time: 2, mem: 19456, type: argon2Browser.ArgonType.Argon2id });
}

export async function libsodiumDefault(password: string, salt: Uint8Array) {
  // ok: argon2-weak-type
  return sodium.crypto_pwhash(32, password, salt, sodium.crypto_pwhash_OPSLIMIT_MODERATE, sodium.crypto_pwhash_MEMLIMIT_MODERATE, sodium.crypto_pwhash_ALG_DEFAULT);
}

export function unrelatedTypeField(store: { put(key: string, value: object): void }) {
  // ok: argon2-weak-type
  store.put('argon2', { type: 1 });
}
