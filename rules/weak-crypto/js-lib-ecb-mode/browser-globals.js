/* global CryptoJS, aesjs, forge */

function encryptToken(token, key) {
  // ruleid: js-lib-ecb-mode
  return CryptoJS.AES.encrypt(token, key, { mode: CryptoJS.mode.ECB, padding: CryptoJS.pad.Pkcs7 }).toString();
}

function encryptBlock(key, block) {
  // ruleid: js-lib-ecb-mode
  return new aesjs.ModeOfOperation.ecb(key).encrypt(block);
}

function forgeEcb(key) {
  // ruleid: js-lib-ecb-mode
  return forge.cipher.createCipher('AES-ECB', key);
}

function encryptCbc(token, key, iv) {
  // ok: js-lib-ecb-mode
  return CryptoJS.AES.encrypt(token, key, { iv: iv, mode: CryptoJS.mode.CBC }).toString();
}
