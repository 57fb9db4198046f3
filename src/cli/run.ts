import { didYouMean, EXIT_ERROR, EXIT_OK, TOOL_VERSION } from '../essentials.js';
import { COMMANDS } from './commands/index.js';
import { UsageError, type CliIo } from './io.js';

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
  const entry = COMMANDS.find((candidate) => candidate.name === name);
  if (!entry) {
    const names = COMMANDS.map((c) => c.name);
    io.stderr.write(`nobackdoor: unknown command "${name}".${didYouMean(name, names)} Commands: ${names.join(', ')}. Run "nobackdoor --help".\n`);
    return EXIT_ERROR;
  }
  const command = await entry.load();
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
