import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS_FOLDER, loadCheckCatalog } from '../../src/crypto/check-catalog.js';
import { CHECK_IDS } from '../../src/crypto/check-ids.js';

const SOURCE = join(import.meta.dirname, '../../src/crypto');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

describe('check catalog (rules/inspect/*.yml)', () => {
  const catalog = loadCheckCatalog();
  const code = sourceFiles(SOURCE)
    .filter((file) => !file.endsWith('check-ids.ts'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

  it('defines exactly the checks the code declares', () => {
    expect([...catalog.keys()].sort()).toEqual([...CHECK_IDS].sort());
  });

  it('every declared check is reported somewhere in the code, and the code names no undeclared check', () => {
    const unused = CHECK_IDS.filter((id) => !code.includes(`'${id}'`));
    expect(unused).toEqual([]);
    const referenced = [...code.matchAll(/'((?:fmt|plain|stat|weak|jwe|cms|kdf|escrow|reuse|mode|key)\.[a-z0-9-]+)'/g)].map((match) => match[1]!);
    expect(referenced.filter((id) => !(CHECK_IDS as readonly string[]).includes(id))).toEqual([]);
  });

  it('documents every check in docs/inspect.md', () => {
    const docs = readFileSync(join(import.meta.dirname, '../../docs/inspect.md'), 'utf8');
    expect(CHECK_IDS.filter((id) => !docs.includes(`\`${id}\``))).toEqual([]);
  });

  it('keys the category to the contract and gives every check a note, a CWE and a reference', () => {
    for (const check of catalog.values()) {
      expect(['weak-crypto', 'key-escrow']).toContain(check.category);
      expect(check.note.length).toBeGreaterThan(40);
      expect(check.message).not.toMatch(/\n/);
    }
  });

  it('rejects a catalog that defines a check the code does not implement', () => {
    const folder = copyCatalog();
    writeFileSync(join(folder, 'extra.yml'), readFileSync(join(CHECKS_FOLDER, 'keys.yml'), 'utf8').replace(/key\.decrypts-unauthenticated/, 'key.not-implemented').replace(/id: key\.decrypts\n/, 'id: key.other\n'));
    expect(() => loadCheckCatalog(folder)).toThrow(/key\.(not-implemented|other)" is not implemented/);
  });

  it('rejects a catalog missing a check the code reports', () => {
    const folder = copyCatalog(['keys.yml']);
    expect(() => loadCheckCatalog(folder)).toThrow(/no definition for the checks key\.decrypts, key\.decrypts-unauthenticated/);
  });

  it('names file, line and column for a malformed check', () => {
    const folder = copyCatalog();
    const text = readFileSync(join(folder, 'keys.yml'), 'utf8').replace('severity: critical', 'severity: urgent');
    writeFileSync(join(folder, 'keys.yml'), text);
    try {
      loadCheckCatalog(folder);
      expect.unreachable();
    } catch (error) {
      const { file, line, column, message } = error as { file: string; line: number; column: number; message: string };
      expect(file).toMatch(/keys\.yml$/);
      expect(line).toBe(text.split('\n').findIndex((row) => row.includes('severity: urgent')) + 1);
      expect(column).toBe(15);
      expect(message).toMatch(/checks\[0\]\.severity/);
    }
  });
});

function copyCatalog(skip: string[] = []): string {
  const folder = mkdtempSync(join(tmpdir(), 'nobackdoor-catalog-'));
  for (const name of readdirSync(CHECKS_FOLDER)) {
    if (!skip.includes(name)) writeFileSync(join(folder, name), readFileSync(join(CHECKS_FOLDER, name)));
  }
  return folder;
}
