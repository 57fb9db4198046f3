import sodium from 'libsodium-wrappers';
import * as sodiumSumo from 'libsodium-wrappers-sumo';
import sodiumNative from 'sodium-native';

const OPS = 1;
const MEM = 8 * 1024 * 1024;

export async function deriveKeyMin(password: string, salt: Uint8Array) {
  await sodium.ready;
  // ruleid: libsodium-pwhash-low-limits
  return sodium.crypto_pwhash(32, password, salt, sodium.crypto_pwhash_OPSLIMIT_MIN, sodium.crypto_pwhash_MEMLIMIT_MIN, sodium.crypto_pwhash_ALG_ARGON2ID13);
}

export async function storeMin(password: string) {
  await sodium.ready;
  // ruleid: libsodium-pwhash-low-limits
  return sodium.crypto_pwhash_str(password, sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE, sodium.crypto_pwhash_MEMLIMIT_MIN);
}

export async function numericLimits(password: string, salt: Uint8Array) {
  await sodiumSumo.ready;
  // ruleid: libsodium-pwhash-low-limits
  return sodiumSumo.crypto_pwhash(32, password, salt, OPS, MEM, sodiumSumo.crypto_pwhash_ALG_DEFAULT);
}

export function nativeOutputFirst(out: Buffer, password: Buffer) {
  // ruleid: libsodium-pwhash-low-limits
  sodiumNative.crypto_pwhash_str(out, password, sodiumNative.crypto_pwhash_OPSLIMIT_MIN, sodiumNative.crypto_pwhash_MEMLIMIT_MIN);
}

export async function legacyScryptInteractive(password: string, salt: Uint8Array) {
  await sodiumSumo.ready;
  // ruleid: libsodium-pwhash-low-limits
  return sodiumSumo.crypto_pwhash_scryptsalsa208sha256(32, password, salt, sodiumSumo.crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_INTERACTIVE, sodiumSumo.crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_INTERACTIVE);
}

// --- negatives ---

export async function interactive(password: string) {
  await sodium.ready;
  // ok: libsodium-pwhash-low-limits
  return sodium.crypto_pwhash_str(password, sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE, sodium.crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

export async function moderate(password: string, salt: Uint8Array) {
  await sodium.ready;
  // ok: libsodium-pwhash-low-limits
  return sodium.crypto_pwhash(32, password, salt, sodium.crypto_pwhash_OPSLIMIT_MODERATE, sodium.crypto_pwhash_MEMLIMIT_MODERATE, sodium.crypto_pwhash_ALG_DEFAULT);
}

export async function numericStrong(password: string, salt: Uint8Array) {
  await sodium.ready;
  // ok: libsodium-pwhash-low-limits
  return sodium.crypto_pwhash(32, password, salt, 2, 64 * 1024 * 1024, sodium.crypto_pwhash_ALG_ARGON2ID13);
}

export async function configured(password: string, salt: Uint8Array, ops: number, mem: number) {
  await sodium.ready;
  // ok: libsodium-pwhash-low-limits
  return sodium.crypto_pwhash(32, password, salt, ops, mem, sodium.crypto_pwhash_ALG_DEFAULT);
}

export function lookalike(lib: { crypto_pwhash_str(p: string, o: number, m: number): string }, password: string) {
  // ok: libsodium-pwhash-low-limits
  return lib.crypto_pwhash_str(password, 1, 8192);
}
