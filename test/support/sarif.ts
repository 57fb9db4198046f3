import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { expect } from 'vitest';
import { REPO_ROOT } from './cli.js';

/**
 * The SARIF 2.1.0 JSON schema (test/fixtures/sarif/, draft-04 as published), and the limits
 * GitHub code scanning applies that the schema does not state.
 */
const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object;
// The schema's language-tag pattern has a stray "]", invalid under the u flag: compile patterns without it.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

type Json = Record<string, any>;

export function expectValidSarif(log: unknown): void {
  const valid = validate(log);
  expect(valid ? [] : validate.errors?.slice(0, 10)).toEqual([]);
  expectWithinGithubLimits(log as Json);
}

/** docs.github.com "SARIF support for code scanning" and "results exceed limit". */
export function expectWithinGithubLimits(log: Json): void {
  expect(log.runs.length).toBeLessThanOrEqual(20);
  for (const run of log.runs as Json[]) {
    expect(run.tool.driver.name).toBe('nobackdoor');
    expect(Array.isArray(run.results)).toBe(true);
    expect(run.results.length).toBeLessThanOrEqual(25_000);
    expect(run.tool.driver.rules.length).toBeLessThanOrEqual(25_000);
    for (const rule of run.tool.driver.rules as Json[]) {
      expect(rule.name.length).toBeLessThanOrEqual(255);
      expect(rule.shortDescription.text.length).toBeLessThanOrEqual(1024);
      expect(rule.fullDescription.text.length).toBeLessThanOrEqual(1024);
      expect(rule.help.text.length).toBeGreaterThan(0);
      expect(rule.properties.tags.length).toBeLessThanOrEqual(20);
      const severity = rule.properties['security-severity'];
      if (severity !== undefined) {
        expect(Number(severity)).toBeGreaterThan(0);
        expect(Number(severity)).toBeLessThanOrEqual(10);
        expect(rule.properties.tags).toContain('security');
      }
    }
    const ids = (run.tool.driver.rules as Json[]).map((rule) => rule.id);
    for (const result of run.results as Json[]) {
      expect(ids[result.ruleIndex]).toBe(result.ruleId);
      expect(result.locations.length).toBe(1);
      expect(result.locations.length).toBeLessThanOrEqual(1000);
      const region = result.locations[0].physicalLocation.region;
      for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) expect(region[key]).toBeGreaterThanOrEqual(1);
      expect(result.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]+:\d+$/);
      for (const flow of result.codeFlows ?? []) for (const thread of flow.threadFlows) expect(thread.locations.length).toBeLessThanOrEqual(10_000);
    }
  }
}
