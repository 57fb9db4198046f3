import crypto from 'node:crypto';
import express from 'express';
import { PrismaClient } from '@prisma/client';
import nacl from 'tweetnacl';
import * as jose from 'jose';

const prisma = new PrismaClient();
const app = express();
// The server's own key, loaded once at start-up: encryption at rest of its own data.
const SERVER_KEY = Buffer.from(process.env.DATA_KEY ?? '', 'hex');

app.get('/messages/:id', async (req, res) => {
  const message = await prisma.message.findUnique({ where: { id: req.params.id } });
  const owner = await prisma.user.findUnique({ where: { id: message!.ownerId } });
  // ruleid: server-decrypts-with-user-key
  const decipher = crypto.createDecipheriv('aes-256-gcm', Buffer.from(owner!.contentKey, 'base64'), message!.iv);
  res.json({ text: decipher.update(message!.ciphertext) });
});

app.post('/unlock', (req, res) => {
  const { ciphertext, nonce, senderPublicKey, secretKey } = req.body;
  // ruleid: server-decrypts-with-user-key
  const plain = nacl.box.open(ciphertext, nonce, senderPublicKey, secretKey);
  res.json({ plain });
});

app.post('/jwe', async (req, res) => {
  const user = await prisma.user.findFirst({ where: { email: req.body.email } });
  const privateKey = await jose.importPKCS8(user!.privateKeyPem, 'RSA-OAEP-256');
  // ruleid: server-decrypts-with-user-key
  const { plaintext } = await jose.compactDecrypt(req.body.jwe, privateKey);
  res.json({ plaintext: new TextDecoder().decode(plaintext) });
});

app.get('/settings', async (_req, res) => {
  const row = await prisma.settings.findFirst();
  // ok: server-decrypts-with-user-key
  const decipher = crypto.createDecipheriv('aes-256-gcm', SERVER_KEY, row!.iv);
  res.json({ webhookToken: decipher.update(row!.encryptedWebhookToken) });
});

app.post('/relay', async (req, res) => {
  // ok: server-decrypts-with-user-key
  await prisma.message.create({ data: { to: req.body.to, ciphertext: req.body.ciphertext, nonce: req.body.nonce } });
  res.status(204).end();
});
