import { describe, expect, it } from 'vitest';
import { makeProject, parseJson, runBinary } from './support/cli.js';

const WEAK = "import crypto from 'crypto';\ncrypto.createCipheriv('des-cbc', key, iv);\n";

describe('nobackdoor.config.yaml', () => {
  it('is found upward from the scanned folder and applied; flags win', () => {
    const root = makeProject({
      'nobackdoor.config.yaml': 'exclude: [generated/]\nfail-on: Critical\n',
      'src/a.ts': WEAK,
      'src/generated/b.ts': WEAK,
    });
    const run = runBinary(['scan', `${root}/src`, '--format', 'json']);
    expect(run.status).toBe(0);
    expect(parseJson(run.stdout).findings.map((finding) => finding.file)).toEqual(['a.ts']);
    expect(runBinary(['scan', `${root}/src`, '--fail-on', 'high']).status).toBe(1);
  });

  it('a broken config names the file, line and column, and exits 2', () => {
    const root = makeProject({ 'nobackdoor.config.yaml': 'fail-on: sometimes\nexlude: [x]\n', 'a.ts': WEAK });
    const run = runBinary(['scan', root]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('nobackdoor.config.yaml:1:10: fail-on: expected one of critical, high, medium, low, info, none (in any case); got "sometimes"');
    expect(run.stderr).toContain('nobackdoor.config.yaml:2:1: top level: unknown key "exlude"; did you mean "exclude"?');
  });

  it('a config that is not YAML', () => {
    const root = makeProject({ 'custom.yaml': 'rules: [unclosed\n', 'a.ts': WEAK });
    const run = runBinary(['scan', root, '--config', `${root}/custom.yaml`]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/custom\.yaml:\d+:\d+: invalid YAML/);
  });

  it('a missing --config file', () => {
    const run = runBinary(['scan', makeProject({}), '--config', '/no/such/file.yaml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot read the config file /no/such/file.yaml: ENOENT');
  });
});
