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

// a service method given the request's password hashes it through a helper in another file
class AccountService {
  register(email: string, password: string) {
    return { email, hash: keyedDigest('pepper', password) };
  }
}
const accounts = new AccountService();

app.post('/register', (req, res) => {
  // reported at the outermost call that hands the password over (the trace goes on to the digest)
  // ruleid: weak-password-hash-fast-digest-flow
  res.json(accounts.register(req.body.email, req.body.password));
});
