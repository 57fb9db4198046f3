import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAME, starterConfig } from '../../index.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { EXIT_OK } from '../exit-code.js';
import { UsageError } from '../io.js';
import { writeFileAtomic } from '../output.js';

const USAGE = `Usage: nobackdoor init [--force]

Writes a commented starter ${CONFIG_FILE_NAME} into the current folder: every setting with its
default, per-rule severities, path policies and how to suppress a finding.
  --force  overwrite an existing file
`;

export const initCommand: Command = {
  name: 'init',
  usage: USAGE,
  run(argv, io) {
    const { values } = parseCommandArgs('init', argv, { force: { type: 'boolean' } } as const);
    const file = join(io.cwd, CONFIG_FILE_NAME);
    if (existsSync(file) && !values.force) throw new UsageError(`${file} exists already; edit it, or pass --force to replace it.`);
    writeFileAtomic(file, starterConfig());
    io.stderr.write(`nobackdoor init: wrote ${file}; "nobackdoor scan" reads it from this folder and those below.\n`);
    return EXIT_OK;
  },
};
