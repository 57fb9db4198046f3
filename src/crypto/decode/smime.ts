import { base64Field } from './base64.js';

const HEADER_BLOCK = /^((?:[A-Za-z][A-Za-z0-9-]*:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)+)\r?\n([\s\S]*)$/;
const PKCS7_MIME = /^content-type:\s*application\/(?:x-)?pkcs7-mime/im;

/** An S/MIME entity (RFC 8551): MIME headers naming application/pkcs7-mime, then a base64 CMS body. */
export function decodeSmime(text: string): Uint8Array | undefined {
  const match = HEADER_BLOCK.exec(text);
  if (!match || !PKCS7_MIME.test(match[1]!)) return undefined;
  if (!/^content-transfer-encoding:\s*base64/im.test(match[1]!)) return undefined;
  return base64Field(match[2]!.trim());
}
