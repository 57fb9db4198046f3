import { createHash } from 'node:crypto';

/** One part of a project's files (1-based), for scans split across CI machines. */
export interface Shard {
  index: number;
  total: number;
}

export class ShardError extends Error {
  override readonly name = 'ShardError';
}

/** `2/4` → shard 2 of 4. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || index < 1 || index > total) {
    throw new ShardError(`--shard takes INDEX/TOTAL with 1 ≤ INDEX ≤ TOTAL, such as 2/4; got "${text}"`);
  }
  return { index, total };
}

/**
 * The shard that owns a file: a stable hash of its path relative to the scan root, so adding or
 * removing a file moves no other file between shards.
 */
export function shardOf(relativePath: string, total: number): number {
  const digest = createHash('sha256').update(relativePath).digest();
  return (digest.readUInt32BE(0) % total) + 1;
}

export function ownsFile(shard: Shard | undefined, relativePath: string): boolean {
  return !shard || shardOf(relativePath, shard.total) === shard.index;
}
