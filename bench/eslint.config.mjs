// The ESLint peer of the benchmark: what a team would run today to look for security problems in a
// TypeScript codebase without type information. Used only by bench/run.mjs, with the corpus folder
// as the working directory and this file passed with --config.
//
// Rule selection: each plugin's *recommended* rules that are about security.
//   - eslint-plugin-security: its whole `recommended` config (every rule is a security rule).
//   - @microsoft/eslint-plugin-sdl: its whole `recommended` config (SDL rules plus the eslint core,
//     eslint-plugin-n and eslint-plugin-react rules it enables), minus its bundled copy of
//     eslint-plugin-security@1, which enables no rule and would clash with the plugin above.
//   - eslint-plugin-no-secrets: its one detection rule, `no-secrets/no-secrets` (it has no config).
//   - eslint-plugin-sonarjs: the rules of its `recommended` config that are security rules
//     (vulnerabilities and security hotspots in Sonar's terms: crypto, secrets, TLS, cookies, HTTP
//     headers, injection, ReDoS). Its code-quality rules (complexity, duplication, style) are left
//     out: they are not what nobackdoor is compared with. Rules that need type information do
//     nothing here (no parserOptions.project), as in the reference runs.
import tsParser from '@typescript-eslint/parser';
import sonarjs from 'eslint-plugin-sonarjs';
import security from 'eslint-plugin-security';
import sdl from '@microsoft/eslint-plugin-sdl';
import noSecrets from 'eslint-plugin-no-secrets';

export const SONARJS_SECURITY_RULES = [
  'aws-apigateway-public-api', 'aws-ec2-rds-dms-public', 'aws-ec2-unencrypted-ebs-volume', 'aws-efs-unencrypted',
  'aws-iam-all-privileges', 'aws-iam-privilege-escalation', 'aws-iam-public-access', 'aws-opensearchservice-domain',
  'aws-rds-unencrypted-databases', 'aws-restricted-ip-admin-access', 'aws-s3-bucket-granted-access',
  'aws-s3-bucket-insecure-http', 'aws-s3-bucket-public-access', 'aws-s3-bucket-versioning',
  'aws-sagemaker-unencrypted-notebook', 'aws-sns-unencrypted-topics', 'aws-sqs-unencrypted-queue',
  'code-eval', 'content-length', 'content-security-policy', 'cookie-no-httponly', 'cors', 'csrf',
  'disabled-auto-escaping', 'disabled-resource-integrity', 'dynamically-constructed-templates',
  'encryption-secure-mode', 'file-permissions', 'file-uploads', 'hardcoded-secret-signatures', 'hashing',
  'insecure-cookie', 'insecure-jwt-token', 'link-with-target-blank', 'no-angular-bypass-sanitization',
  'no-clear-text-protocols', 'no-hardcoded-ip', 'no-hardcoded-passwords', 'no-hardcoded-secrets', 'no-mime-sniff',
  'no-os-command-from-path', 'no-referrer-policy', 'no-session-cookies-on-static-assets', 'no-weak-cipher',
  'no-weak-keys', 'post-message', 'production-debug', 'pseudo-random', 'publicly-writable-directories',
  'session-regeneration', 'slow-regex', 'sql-queries', 'strict-transport-security', 'super-linear-regex',
  'unverified-certificate', 'unverified-hostname', 'weak-ssl', 'x-powered-by', 'xml-parser-xxe',
];

const sonarRecommended = sonarjs.configs.recommended.rules;
const sonarRules = Object.fromEntries(
  SONARJS_SECURITY_RULES.filter((name) => {
    const level = sonarRecommended[`sonarjs/${name}`];
    return level !== undefined && level !== 'off' && level !== 0;
  }).map((name) => [`sonarjs/${name}`, sonarRecommended[`sonarjs/${name}`]]),
);

// sdl's recommended config is an array of config objects; drop the plugin entries that would
// redefine `security` with its older bundled copy.
const sdlRecommended = sdl.configs.recommended
  .map((entry) => {
    if (!entry.plugins || !('security' in entry.plugins)) return entry;
    const { security: _bundled, ...plugins } = entry.plugins;
    return { ...entry, plugins };
  });

const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

export default [
  // TypeScript only: ESLint would otherwise also lint (parse) the few .js files with espree.
  { ignores: ['**/node_modules/**', '**/dist/**', '**/*.d.ts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'] },
  ...sdlRecommended.map((entry) => ({ ...entry, files: TS_FILES })),
  { ...security.configs.recommended, files: TS_FILES },
  {
    files: TS_FILES,
    plugins: { sonarjs, 'no-secrets': noSecrets },
    rules: { ...sonarRules, 'no-secrets/no-secrets': 'error' },
  },
  {
    files: TS_FILES,
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
];
