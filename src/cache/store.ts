import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { readEntry, writeEntry } from './entry-file.js';

/** The default size cap of a cache folder. */
export const DEFAULT_CACHE_MAX_BYTES = 512 * 1024 * 1024;
/** A temporary file older than this was left by a writer that died: it is removed. */
const ABANDONED_TEMPORARY_MS = 10 * 60 * 1000;
const LAYOUT = 'v1';

/**
 * Entries by key in a folder: written atomically, read only when whole, and kept under a size
 * cap by removing the entries used least recently (reading an entry marks it used).
 */
export class CacheStore {
  private readonly folder: string;

  constructor(
    root: string,
    readonly maxBytes: number = DEFAULT_CACHE_MAX_BYTES,
  ) {
    this.folder = join(root, LAYOUT);
  }

  get(key: string): unknown {
    const path = this.pathOf(key);
    const value = readEntry(path);
    if (value !== undefined) touch(path);
    return value;
  }

  /** Stores the value; a cache that cannot be written (read-only, full) only makes the next scan slower. */
  set(key: string, value: unknown): void {
    try {
      writeEntry(this.pathOf(key), value);
    } catch {
      // Nothing to do: the scan's result does not depend on the cache.
    }
  }

  /** Removes the least recently used entries until the folder is under its cap. */
  evict(): void {
    const entries: Array<{ path: string; size: number; used: number }> = [];
    let total = 0;
    const now = Date.now();
    for (const bucket of safeList(this.folder)) {
      for (const name of safeList(join(this.folder, bucket))) {
        const path = join(this.folder, bucket, name);
        let stats;
        try {
          stats = statSync(path);
        } catch {
          continue;
        }
        if (name.endsWith('.tmp')) {
          if (now - stats.mtimeMs > ABANDONED_TEMPORARY_MS) rmSync(path, { force: true });
          continue;
        }
        entries.push({ path, size: stats.size, used: stats.mtimeMs });
        total += stats.size;
      }
    }
    if (total <= this.maxBytes) return;
    entries.sort((a, b) => a.used - b.used);
    for (const entry of entries) {
      if (total <= this.maxBytes) break;
      rmSync(entry.path, { force: true });
      total -= entry.size;
    }
  }

  private pathOf(key: string): string {
    const name = createHash('sha256').update(key).digest('hex');
    return join(this.folder, name.slice(0, 2), `${name.slice(2)}.entry`);
  }
}

function touch(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // An entry removed meanwhile (another scan's eviction) was still read whole.
  }
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
