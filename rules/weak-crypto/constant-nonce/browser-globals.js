/* global nacl, sodium, sjcl */

function sealNote(note, key) {
  var nonce = new Uint8Array(nacl.secretbox.nonceLength);
  // ruleid: constant-nonce
  return nacl.secretbox(nacl.util.decodeUTF8(note), nonce, key);
}

function sealWithSodium(note, key) {
  // ruleid: constant-nonce
  return sodium.crypto_secretbox_easy(note, new Uint8Array(24), key);
}

function sjclWithFixedIv(key, note) {
  // ruleid: constant-nonce
  return sjcl.encrypt(key, note, { mode: 'gcm', iv: sjcl.codec.hex.toBits('000102030405060708090a0b') });
}

function randomNonce(note, key) {
  var nonce = nacl.randomBytes(nacl.secretbox.nonceLength);
  // ok: constant-nonce
  return { nonce: nonce, box: nacl.secretbox(nacl.util.decodeUTF8(note), nonce, key) };
}
