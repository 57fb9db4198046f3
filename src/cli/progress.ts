import type { CliIo } from './io.js';

const INTERVAL_MS = 100;
const MIN_FILES = 50;

/** A one-line counter on stderr, only on a terminal and only for scans big enough to wait for. */
export function progressReporter(io: CliIo, quiet: boolean): { update: (done: number, total: number) => void; done: () => void } {
  const enabled = !quiet && Boolean(io.stderr.isTTY) && !io.env.CI;
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      if (!enabled || total < MIN_FILES) return;
      const now = Date.now();
      if (now - last < INTERVAL_MS && done !== total) return;
      last = now;
      shown = true;
      io.stderr.write(`\r\x1b[Kscanning ${done}/${total} files`);
    },
    done() {
      if (shown) io.stderr.write('\r\x1b[K');
    },
  };
}
