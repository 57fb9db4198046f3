// Private and secret keys leaving the device through each kind of network and storage client.
import crypto from 'node:crypto';
import https from 'node:https';
import axios from 'axios';
import got from 'got';
import ky from 'ky';
import superagent from 'superagent';
import { io } from 'socket.io-client';
import Cookies from 'js-cookie';
import { GraphQLClient, request } from 'graphql-request';
import { doc, setDoc } from 'firebase/firestore';
import type { Firestore } from 'firebase/firestore';
import { createClient } from '@supabase/supabase-js';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';

const pair = crypto.generateKeyPairSync('x25519');
const secret = pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
const socket = io('https://chat.example.org');
const supabase = createClient('https://x.supabase.co', 'anon');
const prisma = new PrismaClient();
const redis = new Redis();
const api = axios.create({ baseURL: '/api' });

export async function http() {
  // ruleid: key-material-uploaded
  await fetch('/api/keys', { method: 'POST', body: JSON.stringify({ secret }) });
  // ruleid: key-material-uploaded
  await fetch(`/api/keys?backup=${encodeURIComponent(secret)}`);
  // ruleid: key-material-uploaded
  await axios.post('/api/keys', { secret });
  // ruleid: key-material-uploaded
  await api.put('/keys/backup', { secret });
  // ruleid: key-material-uploaded
  await got.post('https://example.org/keys', { json: { secret } });
  // ruleid: key-material-uploaded
  await ky.post('/api/keys', { json: { secret } });
  // ruleid: key-material-uploaded
  await superagent.post('/api/keys').send({ secret });
  const req = https.request('https://example.org/keys', { method: 'POST' });
  // ruleid: key-material-uploaded
  req.end(secret);
  const xhr = new XMLHttpRequest();
  xhr.open('POST', '/api/keys');
  // ruleid: key-material-uploaded
  xhr.send(secret);
  // ruleid: key-material-uploaded
  navigator.sendBeacon('/api/keys', secret);
}

export function realtime(ws: WebSocket) {
  // ruleid: key-material-uploaded
  ws.send(JSON.stringify({ type: 'key', secret }));
  // ruleid: key-material-uploaded
  socket.emit('key-backup', { secret });
  // ruleid: key-material-uploaded
  document.cookie = `k=${secret}`;
  // ruleid: key-material-uploaded
  Cookies.set('k', secret);
}

export async function graphql(client: GraphQLClient) {
  // ruleid: key-material-uploaded
  await client.request('mutation($k: String!) { backup(key: $k) }', { k: secret });
  // ruleid: key-material-uploaded
  await request('/graphql', 'mutation($k: String!) { backup(key: $k) }', { k: secret });
}

export async function storage(db: Firestore, s3: S3Client, userId: string) {
  // ruleid: key-material-uploaded
  await setDoc(doc(db, 'keys', userId), { secret });
  // ruleid: key-material-uploaded
  await supabase.from('keys').insert({ user_id: userId, secret });
  // ruleid: key-material-uploaded
  await s3.send(new PutObjectCommand({ Bucket: 'keys', Key: userId, Body: secret }));
  // ruleid: key-material-uploaded
  await prisma.deviceKey.create({ data: { userId, secret } });
  // ruleid: key-material-uploaded
  await redis.set(`key:${userId}`, secret);
}
