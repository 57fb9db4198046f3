import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Files below a folder (no links followed), sorted; `enter` decides which subfolders to visit. */
export function filesUnder(folder: string, accept: (name: string) => boolean, enter: (name: string) => boolean = () => true): string[] {
  const found: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory() && enter(entry.name)) pending.push(full);
      else if (entry.isFile() && accept(entry.name)) found.push(full);
    }
  }
  return found.sort();
}
