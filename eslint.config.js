// Lints the scanner's own source with typescript-eslint's type-checked rules (npm run lint, part of npm test).
import sonarjs from 'eslint-plugin-sonarjs';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/**', 'test/**', 'fixtures/**', 'rules/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['src/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    plugins: { sonarjs },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // ESTree node types are a string enum; comparing `node.type === 'Identifier'` is how typescript-estree is meant to be used.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Copy-paste slips: both branches alike, the same condition twice, a collection never read.
      'sonarjs/no-all-duplicated-branches': 'error',
      'sonarjs/no-identical-conditions': 'error',
      'sonarjs/no-identical-expressions': 'error',
      'sonarjs/no-duplicated-branches': 'error',
      'sonarjs/no-unused-collection': 'error',
      'sonarjs/no-element-overwrite': 'error',
    },
  },
  adaptersUseTheEntry(['src/cli/*.ts', 'src/action/*.ts'], '../'),
  adaptersUseTheEntry(['src/cli/commands/*.ts'], '../../'),
);

/**
 * The CLI and the Action are adapters over the public API: they import src/index.ts, never the modules
 * behind it; or src/essentials.ts, its small part that start-up (`--version`, `--help`) needs.
 */
function adaptersUseTheEntry(files, up) {
  const escaped = up.replace(/[./]/g, (character) => `\\${character}`);
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: `^${escaped}(?!(?:index|essentials)\\.js$)(?!\\.)`, message: `adapters import the library only through ${up}index.js (or ${up}essentials.js)` }] }],
    },
  };
}
