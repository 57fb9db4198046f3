import { describe, expect, it } from 'vitest';
import { makeProject, parseJson, runBinary } from './support/cli.js';

const RULE = `rules:
  - id: server-marker
    context: server
    severity: high
    message: marker in server code
    pattern: marker(...)
`;

const PROJECT = {
  'rules/server.yml': RULE,
  'src/api.ts': "import express from 'express';\nimport { helper } from './lib/helper';\nexpress().get('/', () => helper());\nmarker();\n",
  'src/lib/helper.ts': 'export function helper() {\n  marker();\n}\n',
  'src/ui/view.tsx': "import { helper } from '../lib/helper';\nexport const View = () => <p onClick={() => document.title = String(helper())} />;\nmarker();\n",
  'src/edge/handler.ts': 'marker();\n',
};

describe('file context in a scan', () => {
  it('a server rule runs on server files and on shared code that server code imports, not on client files', () => {
    const root = makeProject(PROJECT);
    const run = runBinary(['scan', `${root}/src`, '--rules', `${root}/rules`, '--no-default-rules', '--format', 'json']);
    const findings = parseJson(run.stdout).findings.map((finding) => `${finding.file}:${finding.context}`);
    expect(findings).toEqual(['api.ts:server', 'lib/helper.ts:shared']);
  });

  it('--verbose says why each file with findings has its context, in JSON and text', () => {
    const root = makeProject(PROJECT);
    const json = runBinary(['scan', `${root}/src`, '--rules', `${root}/rules`, '--no-default-rules', '--format', 'json', '--verbose']);
    const contexts = (JSON.parse(json.stdout) as { contexts: Record<string, { side: string; runsOn: string[]; why: string }> }).contexts;
    expect(contexts['api.ts']!.why).toBe('server: imports "express" (entry express)');
    expect(contexts['lib/helper.ts']).toMatchObject({ side: 'shared', runsOn: ['server', 'client'] });
    expect(contexts['lib/helper.ts']!.why).toContain('imported by api.ts (server)');
    const text = runBinary(['scan', `${root}/src`, '--rules', `${root}/rules`, '--no-default-rules', '--verbose']);
    expect(text.stdout).toContain('context: server: imports "express" (entry express)');
  });

  it('the config overrides the classifier for paths; a later entry wins', () => {
    const root = makeProject({
      ...PROJECT,
      'src/nobackdoor.config.yaml': 'contexts:\n  - paths: ["edge/**", "lib/**"]\n    context: server\n  - paths: ["lib/**"]\n    context: unknown\n',
    });
    const run = runBinary(['scan', `${root}/src`, '--rules', `${root}/rules`, '--no-default-rules', '--format', 'json']);
    expect(parseJson(run.stdout).findings.map((finding) => `${finding.file}:${finding.context}`)).toEqual(['api.ts:server', 'edge/handler.ts:server']);
  });

  it('a config context entry needs a context or test, and a known side', () => {
    const root = makeProject({ 'nobackdoor.config.yaml': 'contexts:\n  - paths: [x/]\n  - paths: [y/]\n    context: backend\n', 'a.ts': 'x();\n' });
    const run = runBinary(['scan', root]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('give "context", "test" or both');
    expect(run.stderr).toMatch(/backend/);
  });
});
