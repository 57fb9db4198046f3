const MIN_HEX_DIGITS = 8;

/**
 * Hex in the spellings logs use: plain, `0x`-prefixed, `\x`-escaped, or bytes separated by `:` or
 * spaces. Checked before base64 because every hex string is also valid base64.
 */
export function decodeHex(text: string): Uint8Array | undefined {
  let digits = text.trim();
  if (/^0x/i.test(digits)) digits = digits.slice(2);
  if (digits.includes('\\x')) {
    if (!/^(\\x[0-9a-fA-F]{2})+$/.test(digits)) return undefined;
    digits = digits.replace(/\\x/g, '');
  } else if (/[:\s]/.test(digits.replace(/[\r\n]+/g, ''))) {
    if (!/^[0-9a-fA-F]{2}([:\s]+[0-9a-fA-F]{2})*$/.test(digits)) return undefined;
    digits = digits.replace(/[:\s]+/g, '');
  } else {
    digits = digits.replace(/[\r\n]+/g, '');
  }
  if (digits.length < MIN_HEX_DIGITS || digits.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(digits)) return undefined;
  // A word such as "deadface" or "facade" is text, not bytes.
  if (/^[a-fA-F]+$/.test(digits) && digits.length < 32) return undefined;
  return Uint8Array.from(Buffer.from(digits, 'hex'));
}
