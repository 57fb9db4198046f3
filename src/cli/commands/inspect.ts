import { FORMAT_NAMES, SEVERITIES } from '../../index.js';
import { oneOf, parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { deliverReport } from '../deliver-report.js';
import type { FailOn } from '../exit-code.js';
import { UsageError } from '../io.js';

const OPTIONS = {
  lines: { type: 'boolean', short: 'l' },
  authorized: { type: 'string', short: 'a' },
  keys: { type: 'string', short: 'k' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
  strict: { type: 'boolean' },
  color: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

const USAGE = `Usage: nobackdoor inspect SAMPLE... [options]

Checks sample ciphertexts your app produced: what format and algorithms they use, who they are
encrypted to, whether nonces, IVs or keystreams repeat, whether ECB leaks structure, and whether
the data is encrypted at all. SAMPLE is a file, a folder (every file in it) or "-" for standard
input; hex, base64, PEM/OpenPGP/age armour, JWE and JSON are decoded per sample.

Options:
  -l, --lines              one sample per non-empty line (logs, JSON lines) instead of per file
  -a, --authorized FILE    YAML list of who may read the samples; anyone else is a finding
  -k, --keys FILE          candidate keys (hex, base64 or passphrase per line) to try on the samples
  -f, --format FORMAT      ${FORMAT_NAMES.join(', ')} (default text)
  -o, --output FILE        write the report to FILE (atomically) instead of stdout
      --fail-on SEVERITY   exit 1 on findings at or above: ${SEVERITIES.join(', ')}, none (default low)
      --strict             exit 2 when any sample could not be read
      --no-color           no colour (NO_COLOR and FORCE_COLOR are honoured)
  -q, --quiet              no summary on stderr

Exit codes: 0 no findings at or above --fail-on; 1 findings; 2 usage, config or internal errors.
Keys and plaintexts are never printed. See docs/inspect.md.
`;

export const inspectCommand: Command = {
  name: 'inspect',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('inspect', argv, OPTIONS);
    if (positionals.length === 0) throw new UsageError('give at least one SAMPLE (a file, a folder, or - for standard input). Run "nobackdoor inspect --help".');
    const format = oneOf('--format', values.format, FORMAT_NAMES, 'text');
    const failOn: FailOn = oneOf('--fail-on', values['fail-on'], [...SEVERITIES, 'none'] as const, 'low');
    const quiet = values.quiet ?? false;
    // Loaded on use: the crypto core and its parsers would otherwise slow every `scan` start.
    const { inspect } = await import('../../crypto/inspect.js');
    const report = await inspect({
      samples: positionals,
      cwd: io.cwd,
      lines: values.lines ?? false,
      ...(values.authorized ? { authorized: values.authorized } : {}),
      ...(values.keys ? { keys: values.keys } : {}),
      stdin: () => readAll(io.stdin),
    });
    return deliverReport(report, {
      format, output: values.output, color: values.color, verbose: false, quiet, failOn, strict: values.strict ?? false,
      inputNoun: { one: 'input', many: 'inputs', verb: 'inspected' }, prefix: 'nobackdoor inspect',
    }, io);
  },
};

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
  return new Uint8Array(Buffer.concat(chunks));
}
