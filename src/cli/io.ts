/** What a command may touch of the process, so tests can run commands in-process. */
export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
}

export function processIo(): CliIo {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
}

/** A mistake in how the tool was called or configured: exit 2 with this text, no stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
