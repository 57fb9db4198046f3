import express from 'express';

const app = express();
app.use(express.json());

app.post('/sign', (req, res) => {
  // ruleid: server-accepts-user-private-key
  const key = req.body.privateKey;
  res.json({ received: typeof key });
});

app.post('/wallets/restore', (req, res) => {
  // ruleid: server-accepts-user-private-key
  const { mnemonic, label } = req.body;
  res.json({ label, words: String(mnemonic).split(' ').length });
});

export async function POST(request: Request) {
  // ruleid: server-accepts-user-private-key
  const { seedPhrase } = await request.json();
  return Response.json({ ok: Boolean(seedPhrase) });
}

app.post('/login', (req, res) => {
  // ok: server-accepts-user-private-key
  const { email, password, encryptedPrivateKey, publicKey } = req.body;
  res.json({ email, hasPassword: Boolean(password), backup: encryptedPrivateKey, publicKey });
});
