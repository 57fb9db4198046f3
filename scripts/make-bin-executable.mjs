// tsc writes dist/cli/main.js without the executable bit. npm adds the bit only when it links a
// bin on install; `npx nobackdoor` in a clone whose path npm's exec cache already knows skips
// that link and fails with "Permission denied" (exit 127). So every build sets the bit itself.
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const bins = typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin ?? {});
for (const bin of bins) {
  const path = join(root, bin);
  chmodSync(path, statSync(path).mode | 0o111);
}
