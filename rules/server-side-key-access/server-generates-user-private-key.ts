import crypto from 'node:crypto';
import express from 'express';
import { PrismaClient } from '@prisma/client';
import { Redis } from 'ioredis';
import nacl from 'tweetnacl';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const prisma = new PrismaClient();
const redis = new Redis();
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const app = express();
// The server's own key pair, made at start-up and kept in memory: its public half is served.
const serverPair = crypto.generateKeyPairSync('ed25519');

app.post('/users', async (req, res) => {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('x25519');
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' });
  // ruleid: server-generates-user-private-key
  await prisma.user.create({
    data: { email: req.body.email, publicKey: publicPem, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }) },
  });
  // ruleid: server-generates-user-private-key
  res.json({ publicKey: publicPem, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }) });
});

app.post('/devices', async (req, res) => {
  const pair = nacl.box.keyPair();
  // ok: server-generates-user-private-key
  await redis.set(`device-public:${req.body.deviceId}`, Buffer.from(pair.publicKey).toString('base64'));
  // ruleid: server-generates-user-private-key
  await redis.set(`device-secret:${req.body.deviceId}`, Buffer.from(pair.secretKey).toString('base64'));
  res.status(201).end();
});

app.post('/rooms', async (req, res) => {
  const roomKey = crypto.generateKeySync('aes', { length: 256 });
  // ruleid: server-generates-user-private-key
  await documents.send(new PutCommand({ TableName: 'rooms', Item: { id: req.body.roomId, key: roomKey.export().toString('base64') } }));
  res.status(201).end();
});

app.get('/.well-known/server-key', (_req, res) => {
  // ok: server-generates-user-private-key
  res.json({ key: serverPair.publicKey.export({ type: 'spki', format: 'pem' }) });
});

app.post('/challenge', (req, res) => {
  // ok: server-generates-user-private-key
  res.json({ signature: crypto.sign(null, Buffer.from(req.body.nonce), serverPair.privateKey).toString('base64') });
});
