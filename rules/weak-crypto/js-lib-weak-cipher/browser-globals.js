/* global CryptoJS, forge */
// Legacy page script: crypto-js and node-forge loaded from <script> tags.

function encryptCookie(value, key, iv) {
  // ruleid: js-lib-weak-cipher
  return CryptoJS.TripleDES.encrypt(value, key, { iv: iv }).toString();
}

function rc4Stream(value, key) {
  // ruleid: js-lib-weak-cipher
  return CryptoJS.RC4.encrypt(value, key).toString();
}

function forgeDes(key) {
  // ruleid: js-lib-weak-cipher
  return forge.cipher.createCipher('DES-ECB', key);
}

function aesCookie(value, key, iv) {
  // ok: js-lib-weak-cipher
  return CryptoJS.AES.encrypt(value, key, { iv: iv }).toString();
}

function localHelper(DES, value) {
  // ok: js-lib-weak-cipher
  return DES.encrypt(value);
}
