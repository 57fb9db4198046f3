import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import express from 'express';
import mongoose from 'mongoose';
import nacl from 'tweetnacl';
import { SignJWT } from 'jose';

const User = mongoose.model('User', new mongoose.Schema({ signingKey: String, publicKey: String, seed: Buffer }));
const app = express();
// The server's own keys, loaded once at start-up.
const SERVER_SIGNING_KEY = crypto.createPrivateKey(readFileSync('/etc/app/signing.pem'));
const JWT_SECRET = new TextEncoder().encode(process.env.JWT_SECRET);

app.post('/users/:id/attest', async (req, res) => {
  const user = await User.findById(req.params.id);
  const payload = Buffer.from(JSON.stringify(req.body.statement));
  // ruleid: server-signs-with-user-key
  const signature = crypto.sign(null, payload, crypto.createPrivateKey(user!.signingKey!));
  // ruleid: server-signs-with-user-key
  const legacy = crypto.createSign('SHA256').update(payload).sign(user!.signingKey!, 'base64');
  // ok: server-signs-with-user-key
  const countersignature = crypto.sign(null, payload, SERVER_SIGNING_KEY);
  res.json({ signature: signature.toString('base64'), legacy, countersignature: countersignature.toString('base64') });
});

app.post('/users/:id/sign-transfer', async (req, res) => {
  const user = await User.findOne({ _id: req.params.id });
  const signer = nacl.sign.keyPair.fromSeed(user!.seed!);
  // ruleid: server-signs-with-user-key
  res.json({ signature: nacl.sign.detached(Buffer.from(req.body.transfer), signer.secretKey) });
});

app.post('/verify', async (req, res) => {
  const user = await User.findById(req.body.userId);
  // ok: server-signs-with-user-key
  const valid = crypto.verify(null, Buffer.from(req.body.payload), user!.publicKey!, Buffer.from(req.body.signature, 'base64'));
  // ok: server-signs-with-user-key
  const token = await new SignJWT({ sub: req.body.userId }).setProtectedHeader({ alg: 'HS256' }).sign(JWT_SECRET);
  res.json({ valid, token });
});
