const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Printable ASCII plus tab, CR and LF: the bytes a text sample is made of. */
export function isPrintableAscii(byte: number): boolean {
  return (byte >= 0x20 && byte <= 0x7e) || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

export function printableFraction(bytes: Uint8Array): number {
  if (bytes.length === 0) return 0;
  let printable = 0;
  for (const byte of bytes) if (isPrintableAscii(byte)) printable++;
  return printable / bytes.length;
}

/**
 * The bytes as text when they are valid UTF-8 without control characters (other than tab, CR, LF),
 * which is what every encoding we decode (hex, base64, armour, JSON) is made of.
 */
export function asText(bytes: Uint8Array): string | undefined {
  for (const byte of bytes) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return undefined;
  if (bytes.includes(0x7f)) return undefined;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Valid UTF-8 with fewer than 1% control characters: readable text in any script. */
export function isReadableUtf8(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return false;
  }
  let control = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code < 0xa0) || code === 0xfffd) control++;
  }
  return control < Math.max(1, text.length * 0.01);
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function textOf(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
