import type { CliIo } from './io.js';

/** NO_COLOR and --no-color switch colour off; FORCE_COLOR switches it on; otherwise only on a terminal. */
export function wantsColor(io: CliIo, flag: boolean | undefined, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  if (flag === false) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (flag === true) return true;
  return Boolean(io[stream].isTTY) && io.env.TERM !== 'dumb';
}
