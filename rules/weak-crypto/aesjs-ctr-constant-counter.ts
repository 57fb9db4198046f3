import aesjs from 'aes-js';
import { ModeOfOperation, Counter, utils } from 'aes-js';
import { randomBytes } from 'node:crypto';

const START = 5;
const FIXED_COUNTER = new aesjs.Counter(START);

export function readmeStyle(key: Uint8Array, text: string): string {
  const textBytes = aesjs.utils.utf8.toBytes(text);
  // ruleid: aesjs-ctr-constant-counter
  const aesCtr = new aesjs.ModeOfOperation.ctr(key, new aesjs.Counter(5));
  return aesjs.utils.hex.fromBytes(aesCtr.encrypt(textBytes));
}

export function defaultCounter(key: Uint8Array, data: Uint8Array): Uint8Array {
  // ruleid: aesjs-ctr-constant-counter
  return new aesjs.ModeOfOperation.ctr(key).encrypt(data);
}

export function namedImports(key: Uint8Array, data: Uint8Array): Uint8Array {
  // ruleid: aesjs-ctr-constant-counter
  const ctr = new ModeOfOperation.ctr(key, new Counter(START));
  return ctr.encrypt(data);
}

export function sharedCounter(key: Uint8Array, data: Uint8Array): Uint8Array {
  // ruleid: aesjs-ctr-constant-counter
  return new ModeOfOperation.ctr(key, FIXED_COUNTER).encrypt(data);
}

export function numberCounter(key: Uint8Array, data: Uint8Array): Uint8Array {
  // ruleid: aesjs-ctr-constant-counter
  return new aesjs.ModeOfOperation.ctr(key, 1).encrypt(data);
}

export function byteArrayCounter(key: Uint8Array, data: Uint8Array): Uint8Array {
  const counter = new Counter([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  // ruleid: aesjs-ctr-constant-counter
  return new ModeOfOperation.ctr(key, counter).encrypt(data);
}

export function randomCounter(key: Uint8Array, data: Uint8Array) {
  const iv = randomBytes(16);
  // ok: aesjs-ctr-constant-counter
  const ctr = new aesjs.ModeOfOperation.ctr(key, new aesjs.Counter(iv));
  return { iv, ct: ctr.encrypt(data) };
}

export function counterFromMessage(key: Uint8Array, header: { counter: Uint8Array }, data: Uint8Array) {
  // ok: aesjs-ctr-constant-counter
  return new ModeOfOperation.ctr(key, new Counter(header.counter)).decrypt(data);
}

export function counterParameter(key: Uint8Array, counter: aesjs.Counter, data: Uint8Array) {
  // ok: aesjs-ctr-constant-counter
  return new ModeOfOperation.ctr(key, counter).encrypt(data);
}

export function counterSetLater(key: Uint8Array, data: Uint8Array, sequence: number) {
  const counter = new Counter(0);
  counter.setValue(sequence);
  // ok: aesjs-ctr-constant-counter
  return new ModeOfOperation.ctr(key, counter).encrypt(data);
}

export function wrappedCounter(key: Uint8Array, state: { counter?: aesjs.Counter }, data: Uint8Array) {
  // ok: aesjs-ctr-constant-counter
  return new ModeOfOperation.ctr(key, state.counter!).encrypt(data);
}

export function cbcIsAnotherRule(key: Uint8Array, iv: Uint8Array) {
  // ok: aesjs-ctr-constant-counter
  return new aesjs.ModeOfOperation.cbc(key, iv);
}

export function hexHelpersAreNotCounters(data: Uint8Array) {
  // ok: aesjs-ctr-constant-counter
  return utils.hex.fromBytes(data);
}
