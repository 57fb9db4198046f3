import { Redis } from 'ioredis';
import nacl from 'tweetnacl';

const redis = new Redis();

// In the api package (it depends on fastify): server code, though this file imports no framework.
export async function readRoom(roomId: string, sealed: Uint8Array, nonce: Uint8Array): Promise<Uint8Array | null> {
  const roomKey = Buffer.from((await redis.get(`room-key:${roomId}`))!, 'base64');
  // ruleid: server-decrypts-with-user-key
  return nacl.secretbox.open(sealed, nonce, roomKey);
}
