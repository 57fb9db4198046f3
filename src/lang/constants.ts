import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { memberPropertyName, parentOf, propertyKeyName, unwrap, type Node } from './ast.js';
import { initialValueReaches } from './initial-value.js';
import type { CrossFileLookup } from './cross-file.js';
import type { BindingResolver } from './bindings.js';
import { requiredModule } from './names.js';
import { CycleSafeMemo } from '../util/cycle-safe-memo.js';
import { memoized } from '../util/memo.js';
import { ANY_FIELD, DEFAULT_IMPORT, NAMESPACE_IMPORT, isObjectAssign, type Declaration, type DeclarationTable } from './declarations.js';
import type { Origin } from './origin.js';

/** A value known before the program runs: what a literal in a pattern is compared with. */
export type ConstantValue = string | number | boolean | bigint | null | ConstantObject | ConstantArray;

export class ConstantObject {
  /**
   * @param open whether fields not listed may exist: an object spread (or `Object.assign` source)
   * whose value is not known may add or replace fields, so the listed ones are defaults, the values
   * the object has unless that unknown part overrides them.
   */
  constructor(
    readonly fields: ReadonlyMap<string, Constant | undefined>,
    readonly open = false,
  ) {}
}
export class ConstantArray {
  constructor(readonly items: ReadonlyArray<Constant | undefined>) {}
}

/** A value and the declarations it was read through (for a finding's trace). */
export interface Constant {
  value: ConstantValue;
  via: Origin[];
}

const known = (value: ConstantValue, via: Origin[] = []): Constant => ({ value, via });

/** The only node types `valueOf` can know a primitive value for; matchers skip the rest without asking. */
export const CONSTANT_NODE_TYPES: ReadonlySet<string> = new Set([
  'Literal', 'TemplateLiteral', 'Identifier', 'MemberExpression', 'ObjectExpression', 'ArrayExpression', 'UnaryExpression', 'BinaryExpression', 'ConditionalExpression',
]);

/**
 * Constant propagation inside one file: `const` bindings (and never-reassigned `let`/`var`),
 * fields of constant objects including spreads, `Object.assign` and `as const`, template literals
 * with constant holes, enum members, and simple arithmetic. Anything else is unknown, never guessed.
 */
export class ConstantEvaluator {
  private readonly memo = new CycleSafeMemo<Node, Constant>();

  constructor(
    private readonly table: DeclarationTable,
    private readonly file?: string,
    private readonly project?: CrossFileLookup,
    private readonly bindings?: BindingResolver,
  ) {}

  valueOf(node: Node): Constant | undefined {
    const target = unwrap(node);
    return this.memo.get(target, () => this.compute(target));
  }

  private compute(node: Node): Constant | undefined {
    switch (node.type) {
      case 'Literal':
        if ('regex' in node && node.regex) return undefined;
        return known(node.value as ConstantValue);
      case 'TemplateLiteral':
        return this.template(node);
      case 'Identifier':
        return this.identifierAt(node);
      case 'MemberExpression':
        return this.member(node);
      case 'ObjectExpression':
        return this.object(node);
      case 'ArrayExpression':
        return this.array(node);
      case 'UnaryExpression':
        return this.unary(node);
      case 'BinaryExpression':
        return this.binary(node);
      case 'CallExpression':
        return isObjectAssign(node) ? this.merged(node.arguments) : undefined;
      case 'ConditionalExpression': {
        const test = this.valueOf(node.test);
        if (!test) return undefined;
        return this.valueOf(test.value ? node.consequent : node.alternate);
      }
      default:
        return undefined;
    }
  }

  private template(node: TSESTree.TemplateLiteral): Constant | undefined {
    let text = node.quasis[0]?.value.cooked ?? '';
    const via: Origin[] = [];
    for (let i = 0; i < node.expressions.length; i++) {
      const hole = this.valueOf(node.expressions[i]!);
      if (!hole || !isPrimitive(hole.value)) return undefined;
      via.push(...hole.via);
      text += String(hole.value) + (node.quasis[i + 1]?.value.cooked ?? '');
    }
    return known(text, via);
  }

  /** The constant a top-level name of this file holds, for the project layer's exports. */
  valueOfName(name: string): Constant | undefined {
    return this.identifier(name);
  }

  /**
   * A name declared more than once is settled by scope, but only when its declarations disagree:
   * when none of them is a constant there is nothing to settle, and the analysis is not run.
   */
  private identifierAt(node: TSESTree.Identifier): Constant | undefined {
    const declarations = this.table.declarations.get(node.name);
    if (!declarations || declarations.length < 2) return declarations?.length === 1 ? this.declared(node.name, declarations[0]!, node) : undefined;
    const candidates = memoized(this.candidateValues, node.name, () => declarations.map((declaration) => this.declared(node.name, declaration)));
    if (candidates.every((candidate) => candidate === undefined) && !this.table.reassigned.has(node.name)) return undefined;
    const resolved = this.bindings?.declarationOf(node);
    return resolved ? this.declared(node.name, resolved, node) : undefined;
  }

  /** What each declaration of an ambiguous name gives it, asked once per name rather than once per use. */
  private readonly candidateValues = new Map<string, Array<Constant | undefined>>();

  private identifier(name: string): Constant | undefined {
    const declarations = this.table.declarations.get(name);
    return declarations?.length === 1 ? this.declared(name, declarations[0]!) : undefined;
  }

  /** The value one declaration gives the name (at `use`, when the name is read there). */
  private declared(name: string, declaration: Declaration, use?: Node): Constant | undefined {
    if (name === 'undefined') return undefined;
    if (declaration.kind === 'import') return this.imported(declaration);
    if (declaration.kind === 'enum') return this.enumObject(declaration.node);
    if (declaration.kind !== 'variable' || !declaration.init) return undefined;
    const required = this.requiredProjectFile(declaration.init);
    if (required && declaration.path.length > 0) {
      const [first, ...rest] = declaration.path;
      let value = this.project!.exportedConstant(required, first!) ?? this.defaultField(required, first!);
      for (const step of rest) value = value ? field(value, step) : undefined;
      return value;
    }
    if (declaration.declarationKind !== 'const' && this.table.reassigned.has(name) && !(use && this.initialValueAt(name, declaration, use))) return undefined;
    if (declaration.declarationKind !== 'const' && declaration.declarationKind !== 'let' && declaration.declarationKind !== 'var') {
      return undefined;
    }
    let value = this.valueOf(declaration.init);
    for (const step of declaration.path) value = value ? field(value, step) : undefined;
    if (value) value = withoutWrittenFields(value, this.fieldsWritten(name, declaration));
    return value ? { value: value.value, via: [declaration.node, ...value.via] } : undefined;
  }

  /** The keys the file writes into the object of the variable a name refers to where it is read. */
  fieldsWrittenAt(use: TSESTree.Identifier): Set<string> | undefined {
    if (!this.table.fieldWrites.has(use.name)) return undefined;
    const declarations = this.table.declarations.get(use.name);
    const declaration = declarations?.length === 1 ? declarations[0] : this.bindings?.declarationOf(use);
    return declaration ? this.fieldsWritten(use.name, declaration) : undefined;
  }

  /** The keys the file writes into this declaration's object (not a same-named variable's elsewhere). */
  private fieldsWritten(name: string, declaration: Declaration): Set<string> | undefined {
    const writes = this.table.fieldWrites.get(name);
    if (!writes) return undefined;
    const single = (this.table.declarations.get(name)?.length ?? 0) < 2;
    const keys = new Set<string>();
    for (const write of writes) {
      const resolved = single ? declaration : this.bindings?.declarationOf(write.target);
      if (resolved === undefined || resolved === declaration) keys.add(write.key);
    }
    return keys.size > 0 ? keys : undefined;
  }

  /** A reassigned variable read where only its initial value can reach (initial-value.ts). */
  private initialValueAt(name: string, declaration: Declaration, use: Node): boolean {
    let declarator = parentOf(declaration.node);
    while (declarator && declarator.type !== 'VariableDeclarator') declarator = parentOf(declarator);
    if (!declarator) return false;
    const assignments = (this.table.assignments.get(name) ?? []).filter((assignment) => this.mayAssign(assignment, name, declaration));
    return initialValueReaches(use, declarator, assignments);
  }

  /** Whether an assignment of the name may write this declaration's variable (not a same-named one elsewhere). */
  private mayAssign(assignment: Node, name: string, declaration: Declaration): boolean {
    if ((this.table.declarations.get(name)?.length ?? 0) < 2) return true;
    const target = assignment.type === 'AssignmentExpression' ? assignment.left : assignment.type === 'UpdateExpression' ? assignment.argument : undefined;
    if (target?.type !== 'Identifier') return true;
    const resolved = this.bindings?.declarationOf(target);
    return resolved === undefined || resolved === declaration;
  }

  /** An imported name's value, asked of the project layer; a namespace import is an object of exports. */
  private imported(declaration: Extract<Declaration, { kind: 'import' }>): Constant | undefined {
    if (!this.project || !this.file || declaration.imported === NAMESPACE_IMPORT) return undefined;
    const target = this.project.resolveModule(this.file, declaration.module);
    if (!target) return undefined;
    return this.project.exportedConstant(target, declaration.imported);
  }

  /** The project file behind `require('./x')`, if the expression is one. */
  private requiredProjectFile(node: Node): string | undefined {
    if (!this.project || !this.file) return undefined;
    const specifier = requiredModule(unwrap(node));
    return specifier === undefined ? undefined : this.project.resolveModule(this.file, specifier);
  }

  private namespaceMember(object: Node, key: string): Constant | undefined {
    const required = this.requiredProjectFile(object);
    if (required) return this.project!.exportedConstant(required, key) ?? this.defaultField(required, key);
    if (!this.project || !this.file || object.type !== 'Identifier') return undefined;
    const declarations = this.table.declarations.get(object.name);
    const declaration = declarations?.length === 1 ? declarations[0] : undefined;
    let target: string | undefined;
    if (declaration?.kind === 'import' && declaration.imported === NAMESPACE_IMPORT) target = this.project.resolveModule(this.file, declaration.module);
    else if (declaration?.kind === 'variable' && declaration.init && declaration.path.length === 0) target = this.requiredProjectFile(declaration.init);
    return target ? (this.project.exportedConstant(target, key) ?? this.defaultField(target, key)) : undefined;
  }

  /** `require('./cjs').x` where the module sets `module.exports = { x: … }`. */
  private defaultField(target: string, key: string): Constant | undefined {
    const exported = this.project?.exportedConstant(target, DEFAULT_IMPORT);
    return exported ? field(exported, key) : undefined;
  }

  private enumObject(declaration: TSESTree.TSEnumDeclaration): Constant {
    return known(new ConstantObject(this.enumMembers(declaration)), [declaration.id]);
  }

  private readonly enums = new Map<TSESTree.TSEnumDeclaration, Map<string, Constant | undefined>>();

  /** Every member's value, explicit or auto-numbered, computed once per enum. */
  private enumMembers(declaration: TSESTree.TSEnumDeclaration): Map<string, Constant | undefined> {
    return memoized(this.enums, declaration, () => {
      const members = new Map<string, Constant | undefined>();
      let next = 0;
      for (const entry of declaration.body?.members ?? (declaration as unknown as { members: TSESTree.TSEnumMember[] }).members) {
        const name = entry.id.type === 'Identifier' ? entry.id.name : String((entry.id as TSESTree.Literal).value);
        const value = entry.initializer ? this.valueOf(entry.initializer)?.value : next;
        if (typeof value === 'number') next = value + 1;
        members.set(name, value === undefined ? undefined : known(value, [entry]));
      }
      return members;
    });
  }

  private member(node: TSESTree.MemberExpression): Constant | undefined {
    const object = unwrap(node.object);
    let key = memberPropertyName(node);
    if (key === undefined && node.computed) {
      const computed = this.valueOf(node.property);
      if (computed && isPrimitive(computed.value)) key = String(computed.value);
    }
    if (key === undefined) return undefined;
    if (object.type === 'Identifier') {
      const enumValue = this.enumMember(object.name, key);
      if (enumValue) return enumValue;
    }
    const exported = this.namespaceMember(object, key);
    if (exported) return exported;
    const base = this.valueOf(object);
    if (!base) return undefined;
    if (key === 'length' && (typeof base.value === 'string' || base.value instanceof ConstantArray)) {
      const length = typeof base.value === 'string' ? base.value.length : base.value.items.length;
      return known(length, base.via);
    }
    const value = field(base, key);
    return value ? { value: value.value, via: [...base.via, ...value.via] } : undefined;
  }

  private enumMember(enumName: string, member: string): Constant | undefined {
    const declarations = this.table.declarations.get(enumName);
    if (!declarations || declarations.length !== 1 || declarations[0]!.kind !== 'enum') return undefined;
    return this.enumMembers(declarations[0]!.node).get(member);
  }

  private object(node: TSESTree.ObjectExpression): Constant | undefined {
    const fields = new Map<string, Constant | undefined>();
    let open = false;
    for (const property of node.properties) {
      if (property.type === 'SpreadElement') {
        open = this.spreadInto(fields, property.argument) || open;
        continue;
      }
      const key = propertyKeyName(property);
      if (key === undefined) return undefined;
      fields.set(key, property.kind === 'init' && !property.method ? this.valueOf(property.value) : undefined);
    }
    return known(new ConstantObject(fields, open));
  }

  /** `Object.assign(target, ...sources)`: the sources spread in order into the target's fields. */
  private merged(sources: readonly TSESTree.CallExpressionArgument[]): Constant {
    const fields = new Map<string, Constant | undefined>();
    let open = false;
    for (const source of sources) open = (source.type === 'SpreadElement' || this.spreadInto(fields, source)) || open;
    return known(new ConstantObject(fields, open));
  }

  /**
   * Copies a spread object's fields; whether the object is left open, because the spread value
   * is not a known object and may bring or replace any field. `null`, `undefined`, numbers and
   * booleans spread nothing.
   */
  private spreadInto(fields: Map<string, Constant | undefined>, argument: Node): boolean {
    const spread = this.valueOf(argument);
    if (spread?.value instanceof ConstantObject) {
      for (const [key, value] of spread.value.fields) fields.set(key, value);
      return spread.value.open;
    }
    const value = spread?.value;
    if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return false;
    return !(argument.type === 'Identifier' && argument.name === 'undefined');
  }

  private array(node: TSESTree.ArrayExpression): Constant | undefined {
    const items: Array<Constant | undefined> = [];
    for (const element of node.elements) {
      if (!element) items.push(undefined);
      else if (element.type === 'SpreadElement') {
        const spread = this.valueOf(element.argument);
        if (!spread || !(spread.value instanceof ConstantArray)) return undefined;
        items.push(...spread.value.items);
      } else items.push(this.valueOf(element));
    }
    return known(new ConstantArray(items));
  }

  private unary(node: TSESTree.UnaryExpression): Constant | undefined {
    const argument = this.valueOf(node.argument);
    if (!argument || !isPrimitive(argument.value)) return undefined;
    const value = argument.value;
    switch (node.operator) {
      case '-':
        return typeof value === 'number' || typeof value === 'bigint' ? known(-value, argument.via) : undefined;
      case '+':
        return typeof value === 'number' ? known(value, argument.via) : undefined;
      case '!':
        return known(!value, argument.via);
      case '~':
        return typeof value === 'number' ? known(~value, argument.via) : undefined;
      default:
        return undefined;
    }
  }

  private binary(node: TSESTree.BinaryExpression): Constant | undefined {
    if (node.left.type === 'PrivateIdentifier') return undefined;
    const left = this.valueOf(node.left);
    const right = left ? this.valueOf(node.right) : undefined;
    if (!left || !right || !isPrimitive(left.value) || !isPrimitive(right.value)) return undefined;
    const a = left.value;
    const b = right.value;
    const via = [...left.via, ...right.via];
    if (node.operator === '+') {
      if (typeof a === 'string' || typeof b === 'string') return known(String(a) + String(b), via);
      if (typeof a === 'number' && typeof b === 'number') return known(a + b, via);
      return undefined;
    }
    if (typeof a !== 'number' || typeof b !== 'number') return undefined;
    const result = NUMERIC_OPERATORS[node.operator]?.(a, b);
    return result === undefined || !Number.isFinite(result) ? undefined : known(result, via);
  }
}

const NUMERIC_OPERATORS: Record<string, (a: number, b: number) => number> = {
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
  '**': (a, b) => a ** b,
  '<<': (a, b) => a << b,
  '>>': (a, b) => a >> b,
  '>>>': (a, b) => a >>> b,
  '|': (a, b) => a | b,
  '&': (a, b) => a & b,
  '^': (a, b) => a ^ b,
};

/**
 * A variable's object after the writes the file makes to it: a written field is no longer known
 * (the object stays open for it); an unknown key or a merge into it leaves nothing known.
 */
function withoutWrittenFields(constant: Constant, writes: ReadonlySet<string> | undefined): Constant | undefined {
  if (!writes) return constant;
  if (constant.value instanceof ConstantArray) return undefined;
  if (!(constant.value instanceof ConstantObject)) return constant;
  if (writes.has(ANY_FIELD)) return undefined;
  const fields = new Map(constant.value.fields);
  for (const key of writes) fields.delete(key);
  return { value: new ConstantObject(fields, true), via: constant.via };
}

function field(container: Constant, key: string): Constant | undefined {
  if (container.value instanceof ConstantObject) return container.value.fields.get(key);
  if (container.value instanceof ConstantArray && /^\d+$/.test(key)) return container.value.items[Number(key)];
  return undefined;
}

export function isPrimitive(value: ConstantValue): value is string | number | boolean | bigint | null {
  return !(value instanceof ConstantObject) && !(value instanceof ConstantArray);
}
