import type { CliIo } from './io.js';

/** One subcommand: parses its own flags, calls the library core, returns the exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: readonly string[], io: CliIo): number | Promise<number>;
}
