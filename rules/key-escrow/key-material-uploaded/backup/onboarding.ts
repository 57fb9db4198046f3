// The key is made in keys.ts and leaves through the wrapper in api.ts, via a barrel.
import { api, createIdentity, exportPrivate, exportPublic, putJson } from './index';

export async function onboard(userId: string) {
  const identity = await createIdentity(userId);
  // Publishing the public key is what it is for.
  // ok: key-material-uploaded
  await api.post(`/users/${userId}/public-key`, await exportPublic(identity));
  // "Cloud backup" of the private key, unwrapped.
  // ruleid: key-material-uploaded
  await putJson(`/users/${userId}/key-backup`, { key: await exportPrivate(identity) });
}
