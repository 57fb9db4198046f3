import nacl from 'tweetnacl';

// In the web package (it depends on react-dom): client code.
export async function readRoom(roomId: string, sealed: Uint8Array, nonce: Uint8Array): Promise<Uint8Array | null> {
  const roomKey = Buffer.from((await (await fetch(`/rooms/${roomId}/key`)).json()).key, 'base64');
  const stored = localStorage.getItem(`room:${roomId}`);
  // ok: server-decrypts-with-user-key
  return nacl.secretbox.open(sealed, nonce, stored ? Buffer.from(stored, 'base64') : roomKey);
}
