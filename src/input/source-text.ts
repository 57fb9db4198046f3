/** Turning a file's bytes into text we can parse, or the reason we cannot. */

export type DecodeResult =
  | { ok: true; text: string; warning?: string }
  | { ok: false; kind: 'binary'; reason: string };

const SNIFF_BYTES = 8192;
const CONTROL_SHARE_LIMIT = 0.1;

export function decodeSource(bytes: Uint8Array): DecodeResult {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const nul = head.indexOf(0);
  if (nul !== -1) return { ok: false, kind: 'binary', reason: `contains a NUL byte at offset ${nul}, so it is not source text` };
  let controls = 0;
  for (const byte of head) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) controls++;
  if (head.length > 0 && controls / head.length > CONTROL_SHARE_LIMIT) {
    return { ok: false, kind: 'binary', reason: `${controls} of its first ${head.length} bytes are control characters, so it is not source text` };
  }
  const withoutBom = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(withoutBom) };
  } catch {
    // Legacy-encoded files (Latin-1, Windows-1252) still hold analysable code; keep going and say so.
    return {
      ok: true,
      text: new TextDecoder('latin1').decode(withoutBom),
      warning: 'is not valid UTF-8; it was read as Latin-1, so columns in non-ASCII lines may be off',
    };
  }
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** A file that is one or a few enormous lines is generated or minified, not written by a person. */
export function looksMinified(text: string): { minified: boolean; longestLine: number } {
  if (text.length < 2048) return { minified: false, longestLine: 0 };
  let longest = 0;
  let lines = 0;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    longest = Math.max(longest, stop - start);
    lines++;
    if (end === -1) break;
    start = end + 1;
  }
  const averageLine = text.length / lines;
  return { minified: longest > 1000 && averageLine > 300, longestLine: longest };
}
