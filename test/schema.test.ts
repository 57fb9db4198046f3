import { describe, expect, it } from 'vitest';
import { runBinary } from './support/cli.js';

describe('generated files', () => {
  it('docs/rule-catalog.md matches the rule files (run "npx nobackdoor rules catalog --write" when this fails)', () => {
    const run = runBinary(['rules', 'catalog', '--check']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('JSON Schemas', () => {
  it('committed files in schemas/ match the zod schemas (run "npm run schema" when this fails)', () => {
    const run = runBinary(['schema', '--check']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('describes rule files for editors', () => {
    const schema = JSON.parse(runBinary(['schema', 'rules']).stdout);
    expect(schema.properties.rules.items.required).toEqual(expect.arrayContaining(['id', 'severity', 'message']));
    expect(JSON.parse(runBinary(['schema', 'config']).stdout).properties['fail-on'].enum).toContain('none');
  });
});
