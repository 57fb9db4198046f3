import * as openpgp from 'openpgp';
import { randomBytes } from 'node:crypto';

/** Packet surgery for vectors a library will not make: re-framing, zeroed key ids, legacy packets. */
export function newFormatPacket(tag: number, body: Uint8Array, partialChunk?: number): Uint8Array {
  if (partialChunk === undefined) {
    const length = body.length < 192 ? [body.length] : body.length < 8384 ? [((body.length - 192) >> 8) + 192, (body.length - 192) & 0xff] : [255, ...uint32(body.length)];
    return Uint8Array.from([0xc0 | tag, ...length, ...body]);
  }
  const parts: number[] = [0xc0 | tag];
  let offset = 0;
  const chunkSize = 2 ** partialChunk;
  while (body.length - offset > chunkSize) {
    parts.push(0xe0 | partialChunk, ...body.subarray(offset, offset + chunkSize));
    offset += chunkSize;
  }
  const rest = body.subarray(offset);
  const tail = rest.length < 192 ? [rest.length] : [((rest.length - 192) >> 8) + 192, (rest.length - 192) & 0xff];
  return Uint8Array.from([...parts, ...tail, ...rest]);
}

export function oldFormatPacket(tag: number, body: Uint8Array): Uint8Array {
  if (body.length < 256) return Uint8Array.from([0x80 | (tag << 2), body.length, ...body]);
  return Uint8Array.from([0x80 | (tag << 2) | 1, body.length >> 8, body.length & 0xff, ...body]);
}

function uint32(value: number): number[] {
  return [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

/** Packets of a binary message as (tag, body), read with openpgp.js's own parser as the reference. */
export async function packetsOf(binary: Uint8Array): Promise<{ tag: number; body: Uint8Array }[]> {
  const message = await openpgp.readMessage({ binaryMessage: binary });
  return Promise.all(
    [...message.packets].map(async (packet) => {
      const written: unknown = packet.write();
      // Larger data packets are written as a web stream of chunks.
      const body = written instanceof Uint8Array ? written : new Uint8Array(await new Response(written as ReadableStream<Uint8Array>).arrayBuffer());
      return { tag: (packet.constructor as unknown as { tag: number }).tag, body };
    }),
  );
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => [...part]));
}

export function armourMessage(binary: Uint8Array): string {
  return `-----BEGIN PGP MESSAGE-----\n\n${Buffer.from(binary).toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END PGP MESSAGE-----\n`;
}

/** An RSA PKESK v3 as GnuPG writes it, with an MPI of the given bit size: openpgp.js refuses small RSA keys. */
export function rsaPublicKeyRecipient(bits: number): Uint8Array {
  const mpi = randomBytes(Math.ceil(bits / 8));
  mpi[0] = mpi[0]! | 0x80;
  return newFormatPacket(1, Uint8Array.from([3, ...randomBytes(8), 1, bits >> 8, bits & 0xff, ...mpi]));
}

/** A SKESK v4 for a password with the given cipher, hash and S2K count byte, followed by a SEIPD v1 body. */
export function passwordMessage(cipher: number, hash: number, countByte: number): Uint8Array {
  const skesk = newFormatPacket(3, Uint8Array.from([4, cipher, 3, hash, ...randomBytes(8), countByte]));
  return concat(skesk, newFormatPacket(18, Uint8Array.from([1, ...randomBytes(64)])));
}

/** A SKESK v4 (password, AES-256, iterated+salted S2K) followed by a SED packet (tag 9): no integrity. */
export function symmetricallyEncryptedWithoutIntegrity(): Uint8Array {
  const skesk = newFormatPacket(3, Uint8Array.from([4, 9, 3, 8, ...randomBytes(8), 0x60]));
  return concat(skesk, newFormatPacket(9, new Uint8Array(randomBytes(64))));
}
