import express from 'express';
import mongoose from 'mongoose';
import knex from 'knex';

const db = knex({ client: 'pg' });
const Wallet = mongoose.model('Wallet', new mongoose.Schema({ owner: String, privateKey: String, encryptedPrivateKey: String, publicKey: String }));
const app = express();
app.use(express.json());

app.post('/wallets/import', async (req, res) => {
  // ruleid: server-stores-user-private-key
  await Wallet.create({ owner: req.body.owner, privateKey: req.body.privateKey });
  res.status(201).end();
});

app.post('/keys', async (req, res) => {
  const { userId, secretKey, publicKey } = req.body;
  // ruleid: server-stores-user-private-key
  await db('keys').insert({ user_id: userId, secret_key: secretKey, public_key: publicKey });
  res.status(201).end();
});

app.post('/keys/backup', async (req, res) => {
  // The client wrapped its key with a key derived from the user's passphrase: an opaque blob.
  // ok: server-stores-user-private-key
  await Wallet.updateOne({ owner: req.body.owner }, { encryptedPrivateKey: req.body.encryptedPrivateKey, publicKey: req.body.publicKey });
  res.status(204).end();
});
