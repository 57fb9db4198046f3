/** One OpenPGP packet: its tag and body (partial-length chunks already joined). */
export interface Packet {
  tag: number;
  body: Uint8Array;
  offset: number;
}

export interface PacketList {
  packets: Packet[];
  /** Why reading stopped early, when it did. */
  problem?: string;
}

const MAX_PACKETS = 10_000;
const MAX_PARTIAL_CHUNKS = 100_000;
/** RFC 9580 §4.2.1.4: only data packets may use partial body lengths. */
const PARTIAL_ALLOWED: ReadonlySet<number> = new Set([8, 9, 11, 18, 20]);

/**
 * Walks packet headers, old (RFC 1991) and new format, including partial body lengths and the old
 * format's indeterminate length. Every length is checked against the bytes left, so malformed input
 * ends the walk with a reason instead of reading past the end.
 */
export function readPackets(bytes: Uint8Array): PacketList {
  const packets: Packet[] = [];
  let position = 0;
  while (position < bytes.length) {
    if (packets.length >= MAX_PACKETS) return { packets, problem: `more than ${MAX_PACKETS} packets` };
    const header = bytes[position]!;
    if ((header & 0x80) === 0) return { packets, problem: `byte ${position} is not a packet header` };
    const offset = position;
    if (header & 0x40) {
      const tag = header & 0x3f;
      const read = readNewFormatBody(bytes, position + 1, tag);
      if ('problem' in read) return { packets, problem: `packet ${tag} at byte ${offset}: ${read.problem}` };
      packets.push({ tag, body: read.body, offset });
      position = read.next;
    } else {
      const tag = (header >> 2) & 0x0f;
      const lengthType = header & 0x03;
      let length: number;
      let start: number;
      if (lengthType === 3) {
        start = position + 1;
        length = bytes.length - start;
      } else {
        const size = 1 << lengthType;
        if (position + 1 + size > bytes.length) return { packets, problem: `packet ${tag} at byte ${offset}: truncated length` };
        length = readUint(bytes, position + 1, size);
        start = position + 1 + size;
      }
      if (start + length > bytes.length) return { packets, problem: `packet ${tag} at byte ${offset}: length ${length} runs past the end` };
      packets.push({ tag, body: bytes.subarray(start, start + length), offset });
      position = start + length;
    }
  }
  return { packets };
}

function readNewFormatBody(bytes: Uint8Array, start: number, tag: number): { body: Uint8Array; next: number } | { problem: string } {
  const chunks: Uint8Array[] = [];
  let position = start;
  for (let count = 0; count < MAX_PARTIAL_CHUNKS; count++) {
    const first = bytes[position];
    if (first === undefined) return { problem: 'truncated length' };
    let length: number;
    let headerSize: number;
    let partial = false;
    if (first < 192) {
      length = first;
      headerSize = 1;
    } else if (first < 224) {
      if (position + 1 >= bytes.length) return { problem: 'truncated length' };
      length = ((first - 192) << 8) + bytes[position + 1]! + 192;
      headerSize = 2;
    } else if (first === 255) {
      if (position + 5 > bytes.length) return { problem: 'truncated length' };
      length = readUint(bytes, position + 1, 4);
      headerSize = 5;
    } else {
      if (!PARTIAL_ALLOWED.has(tag)) return { problem: 'partial body length on a packet that may not have one' };
      length = 2 ** (first & 0x1f);
      headerSize = 1;
      partial = true;
    }
    const bodyStart = position + headerSize;
    if (bodyStart + length > bytes.length) return { problem: `length ${length} runs past the end` };
    chunks.push(bytes.subarray(bodyStart, bodyStart + length));
    position = bodyStart + length;
    if (!partial) return { body: chunks.length === 1 ? chunks[0]! : concat(chunks), next: position };
  }
  return { problem: `more than ${MAX_PARTIAL_CHUNKS} partial chunks` };
}

function readUint(bytes: Uint8Array, start: number, size: number): number {
  let value = 0;
  for (let index = 0; index < size; index++) value = value * 256 + bytes[start + index]!;
  return value;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

/** A bounded cursor over a packet body: reads past the end return undefined instead of throwing. */
export class BodyReader {
  private position = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.position;
  }

  byte(): number | undefined {
    return this.position < this.bytes.length ? this.bytes[this.position++] : undefined;
  }

  take(length: number): Uint8Array | undefined {
    if (length < 0 || this.position + length > this.bytes.length) return undefined;
    const slice = this.bytes.subarray(this.position, this.position + length);
    this.position += length;
    return slice;
  }

  uint(size: number): number | undefined {
    const bytes = this.take(size);
    return bytes ? readUint(bytes, 0, size) : undefined;
  }

  /** An MPI: 2-byte bit count then the value; returns the bit count. */
  mpi(): number | undefined {
    const bits = this.uint(2);
    if (bits === undefined) return undefined;
    return this.take(Math.ceil(bits / 8)) ? bits : undefined;
  }

  rest(): Uint8Array {
    const slice = this.bytes.subarray(this.position);
    this.position = this.bytes.length;
    return slice;
  }
}
