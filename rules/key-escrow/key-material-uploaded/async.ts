// Keys that reach the network through promises, callbacks and shares.
import nacl from 'tweetnacl';
import sodium from 'libsodium-wrappers';
import secrets from 'secrets.js-grempe';
import axios from 'axios';

export function viaThen(userId: string) {
  sodium.ready
    .then(() => sodium.crypto_kx_keypair())
    .then((pair) => sodium.to_base64(pair.privateKey))
    // ruleid: key-material-uploaded
    .then((key) => axios.put(`/users/${userId}/kx`, { key }));
}

export async function shares(guardians: string[]) {
  const master = Buffer.from(nacl.randomBytes(32)).toString('hex');
  nacl.secretbox(new Uint8Array(1), nacl.randomBytes(24), Buffer.from(master, 'hex'));
  const parts = secrets.share(master, guardians.length, 2);
  await Promise.all(
    parts.map((part, index) =>
      // ruleid: key-material-uploaded
      fetch(`/api/guardians/${guardians[index]}/share`, { method: 'POST', body: part }),
    ),
  );
}

export function viaTimer(ws: WebSocket) {
  const pair = nacl.sign.keyPair();
  setTimeout(() => {
    // ruleid: key-material-uploaded
    ws.send(pair.secretKey);
    // ok: key-material-uploaded
    ws.send(pair.publicKey);
  }, 1000);
}
