// Key material from each library of the models, written to a log.
import crypto, { generateKeyPairSync, createPrivateKey } from 'node:crypto';
import { promisify } from 'node:util';
import * as jose from 'jose';
import * as openpgp from 'openpgp';
import nacl from 'tweetnacl';
import sodium from 'libsodium-wrappers';
import sodiumNative from 'sodium-native';
import { ed25519, x25519 } from '@noble/curves/ed25519';
import { secp256k1 } from '@noble/curves/secp256k1';
import { hkdf } from '@noble/hashes/hkdf';
import { sha256 } from '@noble/hashes/sha256';
import * as bip39 from 'bip39';
import { generateMnemonic, mnemonicToSeedSync } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english';
import { ethers } from 'ethers';
import { generatePrivateKey } from 'viem/accounts';
import secrets from 'secrets.js-grempe';
import { split } from 'shamir-secret-sharing';
import CryptoJS from 'crypto-js';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { gcm } from '@noble/ciphers/aes';

export function nodeKeys(password: string, salt: Buffer) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  // ruleid: key-material-in-logs
  console.log('identity key', privateKey.export({ type: 'pkcs8', format: 'pem' }));
  // ok: key-material-in-logs
  console.log('identity key', publicKey.export({ type: 'spki', format: 'pem' }));
  // ruleid: key-material-in-logs
  console.debug(crypto.generateKeySync('aes', { length: 256 }).export().toString('hex'));
  // ruleid: key-material-in-logs
  console.info(createPrivateKey(process.argv[2]!).export({ format: 'jwk' }));
  const derived = crypto.scryptSync(password, salt, 32);
  // ruleid: key-material-in-logs
  console.log(`derived ${derived.toString('base64')}`);
  crypto.hkdf('sha256', derived, salt, 'chat', 32, (err, okm) => {
    // ruleid: key-material-in-logs
    console.log(Buffer.from(okm));
  });
  const ecdh = crypto.createECDH('prime256v1');
  const myPublic = ecdh.generateKeys();
  // ok: key-material-in-logs
  console.log('my public point', myPublic.toString('hex'));
  // ruleid: key-material-in-logs
  console.log('shared', ecdh.computeSecret(myPublic));
}

export async function promisifiedNode() {
  const pair = await promisify(crypto.generateKeyPair)('x25519');
  // ruleid: key-material-in-logs
  console.warn(pair.privateKey);
  // ok: key-material-in-logs
  console.warn(pair.publicKey);
}

export async function webCrypto() {
  const contentKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  // ruleid: key-material-in-logs
  console.log(await crypto.subtle.exportKey('raw', contentKey));
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveKey']);
  // ruleid: key-material-in-logs
  console.log(JSON.stringify(await crypto.subtle.exportKey('jwk', pair.privateKey)));
  // ok: key-material-in-logs
  console.log(JSON.stringify(await crypto.subtle.exportKey('jwk', pair.publicKey)));
  // ok: key-material-in-logs
  console.log(await crypto.subtle.exportKey('spki', pair.publicKey));
  const bits = await crypto.subtle.deriveBits({ name: 'ECDH', public: pair.publicKey }, pair.privateKey, 256);
  // ruleid: key-material-in-logs
  console.log(new Uint8Array(bits));
}

export async function joseKeys() {
  const { privateKey, publicKey } = await jose.generateKeyPair('ES256', { extractable: true });
  // ruleid: key-material-in-logs
  console.log(await jose.exportJWK(privateKey));
  // ok: key-material-in-logs
  console.log(await jose.exportJWK(publicKey));
  // ruleid: key-material-in-logs
  console.log(await jose.exportPKCS8(privateKey));
  // ok: key-material-in-logs
  console.log(await jose.exportSPKI(publicKey));
  // ruleid: key-material-in-logs
  console.log(await jose.generateSecret('HS256'));
}

export async function openpgpKeys(passphrase: string, armoredKey: string) {
  const { privateKey, publicKey } = await openpgp.generateKey({ userIDs: [{ email: 'alice@example.org' }], format: 'armored' });
  // ruleid: key-material-in-logs
  console.log(privateKey);
  // ok: key-material-in-logs
  console.log(publicKey);
  const unlocked = await openpgp.decryptKey({ privateKey: await openpgp.readPrivateKey({ armoredKey }), passphrase });
  // ruleid: key-material-in-logs
  console.log(unlocked.armor());
  // ok: key-material-in-logs
  console.log(unlocked.getFingerprint(), unlocked.getKeyID().toHex());
}

export function tweetnacl(message: Uint8Array) {
  const pair = nacl.box.keyPair();
  // ruleid: key-material-in-logs
  console.log(pair.secretKey);
  // ok: key-material-in-logs
  console.log(pair.publicKey);
  const signing = nacl.sign.keyPair();
  // ruleid: key-material-in-logs
  console.log(Buffer.from(signing.secretKey).toString('base64'));
  const nonce = nacl.randomBytes(24);
  const key = nacl.randomBytes(32);
  const boxed = nacl.secretbox(message, nonce, key);
  // A random value used as a secretbox key is key material after that use.
  // ruleid: key-material-in-logs
  console.log('key', key);
  // ok: key-material-in-logs
  console.log('nonce', nonce, 'ciphertext', boxed);
}

export async function libsodium() {
  await sodium.ready;
  const pair = sodium.crypto_box_keypair();
  // ruleid: key-material-in-logs
  console.log(sodium.to_base64(pair.privateKey));
  // ok: key-material-in-logs
  console.log(sodium.to_base64(pair.publicKey));
  // ruleid: key-material-in-logs
  console.log(sodium.crypto_secretbox_keygen());
  const session = sodium.crypto_kx_client_session_keys(pair.publicKey, pair.privateKey, pair.publicKey);
  // ruleid: key-material-in-logs
  console.log(session.sharedTx);
  const pk = Buffer.alloc(sodiumNative.crypto_sign_PUBLICKEYBYTES);
  const sk = Buffer.alloc(sodiumNative.crypto_sign_SECRETKEYBYTES);
  sodiumNative.crypto_sign_keypair(pk, sk);
  // ruleid: key-material-in-logs
  console.log(sk.toString('hex'));
  // ok: key-material-in-logs
  console.log(pk.toString('hex'));
}

export function noble() {
  const priv = ed25519.utils.randomPrivateKey();
  // ruleid: key-material-in-logs
  console.log(Buffer.from(priv).toString('hex'));
  // ok: key-material-in-logs
  console.log(Buffer.from(ed25519.getPublicKey(priv)).toString('hex'));
  // ruleid: key-material-in-logs
  console.log(secp256k1.utils.randomPrivateKey());
  // ruleid: key-material-in-logs
  console.log(x25519.getSharedSecret(priv, x25519.getPublicKey(priv)));
  // ruleid: key-material-in-logs
  console.log(hkdf(sha256, priv, undefined, 'chat', 32));
  const key = crypto.getRandomValues(new Uint8Array(32));
  gcm(key, new Uint8Array(12)).encrypt(new Uint8Array(8));
  // ruleid: key-material-in-logs
  console.log(key);
}

export async function wallets() {
  const phrase = bip39.generateMnemonic();
  // ruleid: key-material-in-logs
  console.log('backup these words:', phrase);
  // ruleid: key-material-in-logs
  console.log(generateMnemonic(wordlist));
  // ruleid: key-material-in-logs
  console.log(mnemonicToSeedSync(phrase));
  const wallet = ethers.Wallet.createRandom();
  // ruleid: key-material-in-logs
  console.log(wallet.privateKey);
  // ruleid: key-material-in-logs
  console.log(wallet.mnemonic?.phrase);
  // ok: key-material-in-logs
  console.log(wallet.address);
  // ruleid: key-material-in-logs
  console.log(generatePrivateKey());
}

export async function sharesAndOthers(secret: string) {
  // ruleid: key-material-in-logs
  console.log(secrets.share(secret, 5, 3));
  // ruleid: key-material-in-logs
  console.log(await split(new TextEncoder().encode(secret), 5, 3));
  // ruleid: key-material-in-logs
  console.log(CryptoJS.PBKDF2(secret, 'salt', { keySize: 8, iterations: 1000 }).toString());
  const identity = await generateIdentity();
  // ruleid: key-material-in-logs
  console.log(identity);
  // ok: key-material-in-logs
  console.log(await identityToRecipient(identity));
}
