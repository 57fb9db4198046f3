import { randomUUID } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';

/** What the Action may touch of the process, so tests can run it in-process as well as through the bundle. */
export interface ActionEnvironment {
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown };
  cwd: string;
}

/**
 * The runner's conventions, written here rather than pulled from a toolkit package: inputs are
 * INPUT_<NAME> variables (name upper-cased, spaces to underscores, hyphens kept), outputs and the
 * job summary are appended to the files that GITHUB_OUTPUT and GITHUB_STEP_SUMMARY name.
 */
export class Runner {
  constructor(private readonly environment: ActionEnvironment) {}

  input(name: string): string | undefined {
    const value = this.environment.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  /** true/false in the YAML 1.2 core spellings, as the runner's toolkit accepts them. */
  booleanInput(name: string): boolean | undefined {
    const value = this.input(name);
    if (value === undefined) return undefined;
    if (['true', 'True', 'TRUE'].includes(value)) return true;
    if (['false', 'False', 'FALSE'].includes(value)) return false;
    throw new InputError(`the input "${name}" must be true or false; got "${value}"`);
  }

  /** One item per line or per comma. */
  listInput(name: string): string[] | undefined {
    const value = this.input(name);
    return value === undefined ? undefined : value.split(/[\n,]/).map((item) => item.trim()).filter(Boolean);
  }

  setOutput(name: string, value: string): void {
    const file = this.environment.env.GITHUB_OUTPUT;
    if (!file) return;
    const delimiter = `nobackdoor_${randomUUID()}`;
    appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
  }

  /** Appends to the job summary; without GITHUB_STEP_SUMMARY (a local run) there is none. */
  summary(markdown: string): boolean {
    const file = this.environment.env.GITHUB_STEP_SUMMARY;
    if (!file) return false;
    appendFileSync(file, markdown);
    return true;
  }

  write(line: string): void {
    this.environment.stdout.write(`${line}\n`);
  }

  /** The webhook payload of the event that started the workflow, if any. */
  event(): Record<string, unknown> | undefined {
    const path = this.environment.env.GITHUB_EVENT_PATH;
    if (!path) return undefined;
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
}

export class InputError extends Error {
  override readonly name = 'InputError';
}
