import express from 'express';
import { createHash } from 'node:crypto';
import { keyedDigest } from './digests';

const app = express();

app.post('/signup', (req, res) => {
  const pin = req.body.pin;
  // ruleid: weak-password-hash-fast-digest-flow
  const stored = keyedDigest('pepper', pin.trim());
  // the e-mail is not a password
  // ok: weak-password-hash-fast-digest-flow
  const emailKey = createHash('sha256').update(req.body.email).digest('hex');
  res.json({ stored, emailKey });
});
