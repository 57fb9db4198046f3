import * as openpgp from 'openpgp';
import { kv } from '@vercel/kv';

// A Next.js route handler: the user's passphrase arrives in the request, their key from the cache.
export async function POST(request: Request) {
  const { userId, passphrase, armoredMessage } = await request.json();
  const armoredKey = await kv.get<string>(`pgp:${userId}`);
  const privateKey = await openpgp.decryptKey({
    // ruleid: server-decrypts-with-user-key
    privateKey: await openpgp.readPrivateKey({ armoredKey: armoredKey! }),
    passphrase,
  });
  const message = await openpgp.readMessage({ armoredMessage });
  // ruleid: server-decrypts-with-user-key
  const { data } = await openpgp.decrypt({ message, decryptionKeys: privateKey });
  return Response.json({ data });
}
