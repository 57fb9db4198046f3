import type { CliIo } from './io.js';

/** One subcommand: parses its own flags, calls the library core, returns the exit code. */
export interface Command {
  name: string;
  usage: string;
  run(argv: readonly string[], io: CliIo): number | Promise<number>;
}

/**
 * A subcommand as the overview lists it. Its module (and so the parser, the rules and the rest of
 * the library) is imported only when the command runs, so `--version` and `--help` start fast.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}
