import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countSourcesIn, discoverFiles } from '../src/scan/discover.js';
import { nothingScannedWarning } from '../src/scan/nothing-scanned.js';
import { makeProject } from './support/cli.js';

const files = (root: string, extra: Partial<Parameters<typeof discoverFiles>[0]> = {}) =>
  discoverFiles({ paths: [root], root, ...extra }).files.map((file) => file.relative);

describe('file discovery', () => {
  it('finds every source extension and skips declarations, minified names, dependencies and build output', () => {
    const root = makeProject({
      'a.ts': '', 'b.tsx': '', 'c.mts': '', 'd.cts': '', 'e.js': '', 'f.jsx': '', 'g.mjs': '', 'h.cjs': '',
      'types.d.ts': '', 'vendor.min.js': '', 'notes.md': '', 'data.json': '',
      'node_modules/lib/index.js': '', 'dist/out.js': '', 'build/x.js': '', 'coverage/y.js': '', '.next/z.js': '',
    });
    expect(files(root)).toEqual(['a.ts', 'b.tsx', 'c.mts', 'd.cts', 'e.js', 'f.jsx', 'g.mjs', 'h.cjs']);
  });

  it('honours .gitignore and .nobackdoorignore, nested ones too', () => {
    const root = makeProject({
      '.gitignore': 'generated/\n*.gen.ts\n',
      '.nobackdoorignore': 'scripts/\n',
      'src/app.ts': '', 'src/api.gen.ts': '', 'generated/client.ts': '', 'scripts/deploy.ts': '',
      'packages/web/.gitignore': 'legacy.ts\n', 'packages/web/legacy.ts': '', 'packages/web/main.ts': '',
    });
    expect(files(root)).toEqual(['packages/web/main.ts', 'src/app.ts']);
  });

  it('honours ignore files above the scanned folder up to the repository root', () => {
    const root = makeProject({ '.gitignore': 'src/generated/\n', 'src/a.ts': '', 'src/generated/b.ts': '' });
    mkdirSync(join(root, '.git'));
    const sub = join(root, 'src');
    expect(discoverFiles({ paths: [sub], root: sub }).files.map((file) => file.relative)).toEqual(['a.ts']);
  });

  it('applies --include and --exclude globs', () => {
    const root = makeProject({ 'src/a.ts': '', 'src/a.test.ts': '', 'lib/b.js': '' });
    expect(files(root, { include: ['src/'] })).toEqual(['src/a.test.ts', 'src/a.ts']);
    expect(files(root, { exclude: ['*.test.ts'] })).toEqual(['lib/b.js', 'src/a.ts']);
  });

  it('scans a file named explicitly even when an ignore file or default would skip it', () => {
    const root = makeProject({ '.gitignore': 'skip.ts\n', 'skip.ts': '', 'dist/bundle.js': '' });
    const found = discoverFiles({ paths: [join(root, 'skip.ts'), join(root, 'dist/bundle.js')], root }).files.map((file) => file.relative);
    expect(found).toEqual(['dist/bundle.js', 'skip.ts']);
  });

  it('scans build-named folders when they are the scan target itself', () => {
    const root = makeProject({ 'build/tool.ts': '' });
    const target = join(root, 'build');
    expect(discoverFiles({ paths: [target], root: target }).files.map((file) => file.relative)).toEqual(['tool.ts']);
  });
});

describe('an empty scan says why nothing was scanned', () => {
  const why = (files: Record<string, string>, extra: Partial<Parameters<typeof discoverFiles>[0]> = {}) => {
    const root = makeProject(files);
    const discovery = discoverFiles({ paths: [root], root, ...extra });
    expect(discovery.files).toEqual([]);
    return nothingScannedWarning(['pkg'], discovery.excluded).message;
  };

  it('names each default exclusion with its count, the flag, and what is never scanned', () => {
    const message = why({ 'dist/a.js': '', 'dist/sub/b.mjs': '', 'dist/types.d.ts': '', 'node_modules/dep/index.js': '', 'coverage/report.html': '', 'vendor.min.js': '', 'index.d.ts': '' });
    expect(message).toBe(
      'nothing was scanned under pkg: the default exclusions hide dist/ (2 files), node_modules/ (1 file), *.min.js (1 file); ' +
        'pass --no-default-excludes to scan them (and --scan-minified for files that look minified); 1 .d.ts file holds only types and is never scanned',
    );
  });

  it('--no-default-excludes scans those folders and names, but never version control data', () => {
    const root = makeProject({ 'dist/a.js': '', 'node_modules/dep/index.js': '', 'vendor.min.js': '', '.git/hooks/pre-commit.js': '', 'index.d.ts': '' });
    expect(discoverFiles({ paths: [root], root, defaultExcludes: false }).files.map((file) => file.relative)).toEqual(['dist/a.js', 'node_modules/dep/index.js', 'vendor.min.js']);
  });

  it('names ignore files and --include/--exclude when they hid everything', () => {
    expect(why({ '.gitignore': 'generated/\nold.ts\n', 'generated/a.ts': '', 'generated/b.ts': '', 'old.ts': '' })).toBe(
      'nothing was scanned under pkg: .gitignore or .nobackdoorignore hides generated/ (2 files), 1 file; name a file on the command line to scan it anyway',
    );
    expect(why({ 'src/a.ts': '', 'lib/b.ts': '' }, { include: ['app/'] })).toBe(
      "nothing was scanned under pkg: --include/--exclude (or the config's include/exclude) leave out 2 files",
    );
  });

  it('stops counting a huge excluded folder, and says the count is a lower bound', () => {
    const root = makeProject({ 'node_modules/a/x.js': '', 'node_modules/b/y.js': '', 'node_modules/c/z.js': '', 'dist/d.js': '' });
    const counted = countSourcesIn([join(root, 'dist'), join(root, 'node_modules')], 2);
    expect(counted.unfinished).toEqual(new Set(['node_modules']));
    expect(counted.counts.get('dist')).toBe(1);
    expect(countSourcesIn([join(root, 'node_modules')]).counts.get('node_modules')).toBe(3);
  });

  it('says when there is no source file at all', () => {
    expect(why({ 'README.md': '' })).toBe('nothing was scanned under pkg: there is no TypeScript or JavaScript file (.ts .tsx .mts .cts .js .jsx .mjs .cjs) there');
  });
});
