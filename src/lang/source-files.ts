/** The file names the scanner reads as TypeScript or JavaScript source, in one place. */
export const SOURCE_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

export function hasSourceExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return SOURCE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** `.ts`, `.tsx`, `.mts`, `.cts`: TypeScript, which rules for `javascript` also run on. */
export function isTypeScriptFile(path: string): boolean {
  return /\.[cm]?tsx?$/i.test(path);
}
