// Bundles the GitHub Action (src/action/index.ts and everything it imports) into one committed
// file, action/index.mjs, that the runner starts with Node 24 and no node_modules: npm run build:action.
// `node scripts/build-action.mjs --outfile PATH` writes elsewhere (the staleness test compares).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfileFlag = process.argv.indexOf('--outfile');
const outfile = outfileFlag > 0 ? process.argv[outfileFlag + 1] : join(root, 'action/index.mjs');

// src/project/tsconfig.ts requires the parser's TypeScript at run time (faster than an ESM import
// under Node); in the bundle it must be the bundled copy, so the call becomes a plain require.
const bundledTypescript = {
  name: 'bundled-typescript',
  setup(context) {
    context.onLoad({ filter: /src[\\/]project[\\/]tsconfig\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const call = "createRequire(import.meta.url)('typescript')";
      if (!source.includes(call)) throw new Error(`${args.path} no longer loads TypeScript with ${call}; update scripts/build-action.mjs`);
      return { contents: source.replace(call, "require('typescript')"), loader: 'ts' };
    });
  },
};

const result = await build({
  entryPoints: [join(root, 'src/action/index.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'eof',
  // ts-morph (a second TypeScript, ~13 MB) answers type questions only; without it they degrade
  // to "unknown" with a types-unavailable warning. See docs/ci.md.
  external: ['ts-morph'],
  // CommonJS dependencies (TypeScript above all) expect require, __filename and __dirname.
  banner: {
    js: [
      "import { createRequire as __nobackdoorRequire } from 'node:module';",
      "import { fileURLToPath as __nobackdoorPath } from 'node:url';",
      "import { dirname as __nobackdoorDirname } from 'node:path';",
      'const require = __nobackdoorRequire(import.meta.url);',
      'const __filename = __nobackdoorPath(import.meta.url);',
      'const __dirname = __nobackdoorDirname(__filename);',
    ].join(' '),
  },
  plugins: [bundledTypescript],
  metafile: true,
  logLevel: 'warning',
  absWorkingDir: root,
});
const bytes = Object.values(result.metafile.outputs).reduce((total, output) => total + output.bytes, 0);
if (outfileFlag < 0) console.error(`action/index.mjs: ${(bytes / 1024 / 1024).toFixed(2)} MiB`);
