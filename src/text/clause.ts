/**
 * A message from a parser or the runtime ("')' expected.") made fit to continue a sentence:
 * without its final period, so "syntax error: ')' expected (the file was not analysed)" reads
 * as one sentence instead of "')' expected.; the file …".
 */
export function asClause(message: string): string {
  return message.trim().replace(/\.+$/, '');
}
