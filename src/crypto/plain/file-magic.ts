/** File signatures at offset 0, at least 4 bytes each so random data matches with odds below 2^-32. */
const SIGNATURES: readonly { kind: string; magic: readonly number[]; offset?: number }[] = [
  { kind: 'PNG image', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'PDF', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'ZIP (or DOCX/XLSX/JAR)', magic: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'JPEG image', magic: [0xff, 0xd8, 0xff] },
  { kind: 'GIF image', magic: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'SQLite database', magic: [...Buffer.from('SQLite format 3\0', 'latin1')] },
  { kind: 'ELF executable', magic: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: 'RIFF (WAV/AVI/WebP)', magic: [0x52, 0x49, 0x46, 0x46] },
  { kind: 'Ogg media', magic: [0x4f, 0x67, 0x67, 0x53] },
  { kind: 'MP4/QuickTime media', magic: [0x66, 0x74, 0x79, 0x70], offset: 4 },
  { kind: '7-Zip archive', magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: 'RAR archive', magic: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { kind: 'WebAssembly module', magic: [0x00, 0x61, 0x73, 0x6d] },
  { kind: 'Java class', magic: [0xca, 0xfe, 0xba, 0xbe] },
  { kind: 'TIFF image', magic: [0x49, 0x49, 0x2a, 0x00] },
  { kind: 'TIFF image', magic: [0x4d, 0x4d, 0x00, 0x2a] },
  { kind: 'Parquet file', magic: [0x50, 0x41, 0x52, 0x31] },
];

export function fileKind(bytes: Uint8Array): string | undefined {
  // JPEG's marker is 3 bytes; require a valid fourth marker byte (0xE0-0xEF or 0xDB) to keep odds low.
  for (const signature of SIGNATURES) {
    const offset = signature.offset ?? 0;
    if (bytes.length < offset + signature.magic.length + 1) continue;
    if (!signature.magic.every((byte, index) => bytes[offset + index] === byte)) continue;
    if (signature.kind === 'JPEG image' && !(bytes[3]! >= 0xe0 || bytes[3] === 0xdb)) continue;
    return signature.kind;
  }
  return undefined;
}
