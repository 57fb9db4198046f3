/* global CryptoJS, sjcl, aesjs */

// ruleid: hardcoded-symmetric-key
var PAGE_KEY = CryptoJS.enc.Hex.parse('000102030405060708090a0b0c0d0e0f');

function encryptForm(value) {
  var iv = CryptoJS.lib.WordArray.random(16);
  // ok: hardcoded-symmetric-key (reported where the key is defined)
  return { iv: iv.toString(), ct: CryptoJS.AES.encrypt(value, PAGE_KEY, { iv: iv }).toString() };
}

function sjclNote(note) {
  // ruleid: hardcoded-symmetric-key
  return sjcl.encrypt('my app password', note);
}

function aesJsBlock(block) {
  // ruleid: hardcoded-symmetric-key
  return new aesjs.ModeOfOperation.ecb(aesjs.utils.utf8.toBytes('Sixteen byte key')).encrypt(block);
}

function userKey(value, key) {
  // ok: hardcoded-symmetric-key
  return CryptoJS.AES.encrypt(value, key, { iv: CryptoJS.lib.WordArray.random(16) }).toString();
}
