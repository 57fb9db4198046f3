import { TOOL_VERSION } from '../version.js';

/** What `nobackdoor init` writes: every setting, commented, with its default. */
export function starterConfig(): string {
  return `# nobackdoor configuration (written by "nobackdoor init", nobackdoor ${TOOL_VERSION}).
# Found in the scanned folder or above it. Precedence: command-line flag > NOBACKDOOR_* environment
# variable > this file > default. Uncomment what you need.
# yaml-language-server: $schema=./node_modules/nobackdoor/schemas/config.schema.json

# Extra rule files or folders, relative to this file.
# rules: [security/nobackdoor-rules]

# gitignore-style globs. .gitignore and .nobackdoorignore are honoured too.
# include: [src/, packages/]
exclude: []

# Exit 1 on findings at or above: critical, high, medium, low (default), info, or none.
fail-on: low

# Exit 2 when a file could not be analysed, or a suppression or baseline entry is broken or unused.
# strict: false

# Findings in test code (*.test.*, __tests__/, test/, …) are reported one severity lower; or "same".
# test-severity: lower

# max-file-size: 1m
# match-budget: 20000000          # matcher steps per search rule and file (warning match-budget when spent)
# default-excludes: true          # false: also scan node_modules, dist, build, *.min.js, …

# Report only findings that are not in this baseline ("nobackdoor baseline create" writes it).
# baseline: .nobackdoor-baseline.json

# Also honour Semgrep's "// nosemgrep" comments.
# honor-nosemgrep: false

# Per rule: another severity, or off (the rule does not run). "*" is every rule.
# rule-severity:
#   weak-hash-md5-sha1-inventory: off
#   node-ecb-mode: critical

# Per path: later policies win. Globs are relative to the scan root.
# policies:
#   - paths: ["legacy/**"]
#     rule-severity: { "*": low }
#   - paths: ["scripts/**", "examples/**"]
#     rule-severity: { jwt-hardcoded-secret: off }

# Suppress one finding in the code, always with a reason (and optionally an end date):
#   // nobackdoor-ignore-next-line node-ecb-mode until=2026-12-31 -- legacy archive format, read-only
`;
}
