import argon2 from 'argon2';
import * as nodeArgon2 from 'argon2';
import { hash as rsHash, hashSync as rsHashSync } from '@node-rs/argon2';
import argon2Browser from 'argon2-browser';
import { argon2id } from 'hash-wasm';
import { hash as vendorHash } from './vendor/argon';

const ARGON_MEMORY_KIB = 4096;
const ARGON = { memoryCost: 2 ** 13, timeCost: 2, parallelism: 1 };

export async function lowMemory(password: string) {
  // ruleid: argon2-low-cost
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: ARGON_MEMORY_KIB });
}

export async function lowMemoryAndTime(password: string) {
  // ruleid: argon2-low-cost
  return nodeArgon2.hash(password, { memoryCost: 8192, timeCost: 2, parallelism: 1 });
}

export async function constantOptions(password: string) {
  // ruleid: argon2-low-cost
  return argon2.hash(password, ARGON);
}

export async function nodeRsOneIteration(password: string) {
  // ruleid: argon2-low-cost
  return rsHash(password, { timeCost: 1 });
}

export function nodeRsLowMemory(password: string) {
  // ruleid: argon2-low-cost
  return rsHashSync(password, { memoryCost: 4096, timeCost: 3 });
}

export async function browserDefaults(password: string, salt: Uint8Array) {
  // ruleid: argon2-low-cost
  return argon2Browser.hash({ pass: password, salt, type: argon2Browser.ArgonType.Argon2id });
}

export async function hashWasm(password: string, salt: Uint8Array) {
  // ruleid: argon2-low-cost
  return argon2id({ password, salt, parallelism: 1, iterations: 2, memorySize: 4096, hashLength: 32, outputType: 'encoded' });
}

// --- negatives ---

export async function nodeArgon2Defaults(password: string) {
  // ok: argon2-low-cost
  return argon2.hash(password);
}

export async function owaspSecondProfile(password: string) {
  // ok: argon2-low-cost
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function owaspFirstProfile(password: string) {
  // ok: argon2-low-cost
  return rsHash(password, { memoryCost: 47104, timeCost: 1 });
}

export async function nodeRsDefaults(password: string) {
  // ok: argon2-low-cost
  return rsHash(password);
}

export async function onlyTimeCostWithLargeDefaultMemory(password: string) {
  // ok: argon2-low-cost
  return argon2.hash(password, { timeCost: 1 });
}

export async function browserTuned(password: string, salt: Uint8Array) {
  // ok: argon2-low-cost
  return argon2Browser.hash({ pass: password, salt, time: 2, mem: 19456, type: argon2Browser.ArgonType.Argon2id });
}

export async function configured(password: string, memoryCost: number) {
  // ok: argon2-low-cost
  return argon2.hash(password, { memoryCost, timeCost: 2 });
}

export async function otherLibrary(password: string) {
  // ok: argon2-low-cost
  return vendorHash(password, { memoryCost: 1024 });
}
