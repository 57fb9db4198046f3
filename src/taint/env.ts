import { joinValues, pathOf, valueKey, writePath, type Value } from './value.js';

/**
 * What a function knows at one point of its body: the value of each variable it has assigned
 * (by name; `this` is a variable too), with field paths inside the values. Flow-sensitive: an
 * assignment replaces, branches join, loops iterate to a fixpoint.
 */
export class Env {
  private constructor(
    private readonly vars: Map<string, Value>,
    /** False after `return`, `throw`, `break` or `continue`: nothing flows from here. */
    public reachable: boolean,
  ) {}

  static empty(): Env {
    return new Env(new Map(), true);
  }

  static unreachable(): Env {
    return new Env(new Map(), false);
  }

  clone(): Env {
    return new Env(new Map(this.vars), this.reachable);
  }

  get(name: string): Value | undefined {
    return this.vars.get(name);
  }

  has(name: string): boolean {
    return this.vars.has(name);
  }

  names(): IterableIterator<string> {
    return this.vars.keys();
  }

  set(name: string, value: Value): void {
    this.vars.set(name, value);
  }

  /** The value at `name.path…`, or undefined when the variable is not in this environment. */
  read(name: string, path: readonly string[]): Value | undefined {
    const root = this.vars.get(name);
    return root === undefined ? undefined : pathOf(root, path);
  }

  /** Writes a value at `name.path…`; `current` is the variable's value when it is not yet here. */
  write(name: string, path: readonly string[], value: Value, strong: boolean, current: () => Value): void {
    const root = this.vars.get(name) ?? current();
    this.vars.set(name, writePath(root, path, value, strong));
  }

  /**
   * The environment after control joins from several places. A variable one side has not
   * assigned keeps, on that side, the value `outside` gives it (its parameter, closure or module value).
   */
  static join(envs: readonly Env[], outside: (name: string) => Value): Env {
    const live = envs.filter((env) => env.reachable);
    if (live.length === 0) return Env.unreachable();
    if (live.length === 1) return live[0]!.clone();
    const names = new Set(live.flatMap((env) => [...env.vars.keys()]));
    const vars = new Map<string, Value>();
    for (const name of names) {
      let joined: Value | undefined;
      for (const env of live) {
        const value = env.vars.get(name) ?? outside(name);
        joined = joined === undefined ? value : joinValues(joined, value);
      }
      vars.set(name, joined!);
    }
    return new Env(vars, true);
  }

  /** Identifies the environment's contents, for loop fixpoints. */
  get key(): string {
    if (!this.reachable) return '⊥';
    return [...this.vars.keys()]
      .sort()
      .map((name) => `${name}=${valueKey(this.vars.get(name)!)}`)
      .join('|');
  }
}
