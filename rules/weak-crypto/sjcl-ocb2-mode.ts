import sjcl from 'sjcl';
import * as sjclNs from 'sjcl';

const OCB2_PARAMS = { mode: 'ocb2', ks: 256, ts: 128 };
const MODE = 'ocb2';

export function encryptNote(key: sjcl.BitArray, note: string): string {
  // ruleid: sjcl-ocb2-mode
  return sjcl.encrypt(key, note, { mode: 'ocb2', ks: 256 }) as unknown as string;
}

export function encryptWithConstants(key: sjcl.BitArray, note: string) {
  // ruleid: sjcl-ocb2-mode
  return sjclNs.encrypt(key, note, OCB2_PARAMS);
}

export function encryptWithModeConstant(key: sjcl.BitArray, note: string) {
  // ruleid: sjcl-ocb2-mode
  return sjcl.json.encrypt(key, note, { iter: 10000, mode: MODE });
}

export function lowLevel(key: sjcl.BitArray, iv: sjcl.BitArray, data: sjcl.BitArray) {
  const prp = new sjcl.cipher.aes(key);
  // ruleid: sjcl-ocb2-mode
  return sjcl.mode.ocb2.encrypt(prp, data, iv, [], 128);
}

export function gcmIsFine(key: sjcl.BitArray, note: string) {
  // ok: sjcl-ocb2-mode
  return sjcl.encrypt(key, note, { mode: 'gcm', ks: 256, ts: 128 });
}

export function defaultCcm(key: sjcl.BitArray, note: string) {
  // ok: sjcl-ocb2-mode
  return sjcl.encrypt(key, note);
}

export function lowLevelGcm(key: sjcl.BitArray, iv: sjcl.BitArray, data: sjcl.BitArray) {
  // ok: sjcl-ocb2-mode
  return sjcl.mode.gcm.encrypt(new sjcl.cipher.aes(key), data, iv, [], 128);
}

export function otherLibrary(box: { encrypt(k: string, d: string, o: object): string }, key: string, note: string) {
  // ok: sjcl-ocb2-mode
  return box.encrypt(key, note, { mode: 'ocb2' });
}
