import { isReadableUtf8, printableFraction } from '../decode/text.js';

const MIN_TEXT_BYTES = 16;
const SHORT_TEXT_BYTES = 8;
const PRINTABLE_SHARE = 0.95;

/**
 * Names the kind of readable content, or undefined. Random bytes are printable with probability
 * 98/256, so 16 bytes at 95% printable happen by chance about once in 10^6; 8-15 bytes must be
 * entirely printable and contain a letter (about 4e-4 for 8 random bytes).
 */
export function readableKind(bytes: Uint8Array): string | undefined {
  if (bytes.length < SHORT_TEXT_BYTES) return undefined;
  const text = Buffer.from(bytes).toString('utf8').trim();
  if (bytes.length < MIN_TEXT_BYTES) {
    return printableFraction(bytes) === 1 && /[A-Za-z]/.test(text) ? 'text' : undefined;
  }
  if (printableFraction(bytes) < PRINTABLE_SHARE && !isReadableUtf8(bytes)) return undefined;
  if (/^[[{]/.test(text) && isJson(text)) return 'JSON';
  if (/^<[?!A-Za-z]/.test(text) && text.endsWith('>')) return 'XML/HTML';
  return 'text';
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
