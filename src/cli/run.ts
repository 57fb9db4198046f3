import { didYouMean, TOOL_VERSION } from '../index.js';
import type { Command } from './command.js';
import { EXIT_ERROR, EXIT_OK } from './exit-code.js';
import { UsageError, type CliIo } from './io.js';
import { rulesCommand } from './commands/rules.js';
import { scanCommand } from './commands/scan.js';
import { schemaCommand } from './commands/schema.js';
import { testCommand } from './commands/test.js';
import { inspectCommand } from './commands/inspect.js';
import { baselineCommand } from './commands/baseline.js';
import { initCommand } from './commands/init.js';
import { mergeCommand } from './commands/merge.js';

const COMMANDS: readonly Command[] = [scanCommand, baselineCommand, mergeCommand, initCommand, testCommand, rulesCommand, schemaCommand, inspectCommand];

/** The whole CLI as a function: exit codes are returned, never thrown, so tests can run it in-process. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(overview());
    return name === undefined ? EXIT_ERROR : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${TOOL_VERSION}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    const names = COMMANDS.map((c) => c.name);
    io.stderr.write(`nobackdoor: unknown command "${name}".${didYouMean(name, names)} Commands: ${names.join(', ')}. Run "nobackdoor --help".\n`);
    return EXIT_ERROR;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage.trimEnd()}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`nobackdoor ${command.name}: ${error.message}\n`);
      return EXIT_ERROR;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`nobackdoor ${command.name}: internal error, please report it with this text:\n${detail}\n`);
    return EXIT_ERROR;
  }
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    `nobackdoor ${TOOL_VERSION}: checks that a TypeScript/JavaScript codebase keeps its encryption promise.`,
    '',
    'Usage: nobackdoor <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run "nobackdoor <command> --help" for a command\'s options.',
    '',
  ].join('\n');
}
