import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Node } from '../lang/ast.js';
import { Env } from './env.js';
import type { Interpreter } from './interpreter.js';
import { TaintSet } from './taint.js';
import { CLEAN, joinAll, joinValues, valueOf, wholeTaint, withStep, type Value } from './value.js';

/** Where `break` and `continue` leave their environments until the loop or switch joins them. */
export interface LoopFrame {
  breaks: Env[];
  continues: Env[];
}

/** Loops run until what they know stops changing; values only grow, so this bound is a safeguard. */
const MAX_LOOP_ROUNDS = 12;

/** Function declarations are usable before their statement runs. */
export function hoist(run: Interpreter, statements: readonly Node[]): void {
  for (const statement of statements) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'FunctionDeclaration' && declaration.id) run.env.set(declaration.id.name, run.functionValue(declaration));
  }
}

export function runBlock(run: Interpreter, statements: readonly Node[]): void {
  for (const statement of statements) {
    if (!run.env.reachable) return;
    runStatement(run, statement);
  }
}

/** Runs one statement flow-sensitively: branches are joined, loops iterated to a fixed point. */
export function runStatement(run: Interpreter, node: Node): void {
  run.host.spend(1);
  switch (node.type) {
    case 'ExpressionStatement':
      run.evaluate(node.expression);
      return;
    case 'VariableDeclaration':
      for (const declarator of node.declarations) {
        const value = declarator.init ? run.evaluate(declarator.init) : CLEAN;
        run.assignPattern(declarator.id, declarator.init ? withStep(value, run.step('assignment', declarator.id, `assigned to ${run.text(declarator.id, 40)}`)) : value);
      }
      run.specs.applyDeclarationPropagators(node);
      run.specs.checkStatementSinks(node);
      return;
    case 'ReturnStatement': {
      const value = node.argument ? withStep(run.evaluate(node.argument), run.step('return', node.argument, 'returned here')) : CLEAN;
      run.specs.checkStatementSinks(node);
      run.returned = joinValues(run.returned, value);
      run.env.reachable = false;
      return;
    }
    case 'ThrowStatement': {
      const value = run.evaluate(node.argument);
      run.specs.checkStatementSinks(node);
      run.thrown.at(-1)?.push(value);
      run.env.reachable = false;
      return;
    }
    case 'BlockStatement':
    case 'StaticBlock':
      hoist(run, node.body);
      runBlock(run, node.body);
      return;
    case 'IfStatement':
      return ifStatement(run, node);
    case 'ForStatement':
      if (node.init?.type === 'VariableDeclaration') runStatement(run, node.init);
      else if (node.init) run.evaluate(node.init);
      return loop(run, () => (node.test ? run.evaluate(node.test) : CLEAN), node.body, () => {
        if (node.update) run.evaluate(node.update);
      });
    case 'ForInStatement':
    case 'ForOfStatement': {
      const collection = run.evaluate(node.right);
      const element = node.type === 'ForInStatement' ? CLEAN : valueOf(wholeTaint(collection));
      return loop(
        run,
        () => {
          const target = node.left.type === 'VariableDeclaration' ? node.left.declarations[0]?.id : node.left;
          if (target) run.assignPattern(target, withStep(element, run.step('assignment', target, `element of ${run.text(node.right, 40)}`)));
          return CLEAN;
        },
        node.body,
      );
    }
    case 'WhileStatement':
      return loop(run, () => run.evaluate(node.test), node.body);
    case 'DoWhileStatement':
      runStatement(run, node.body);
      return loop(run, () => run.evaluate(node.test), node.body);
    case 'TryStatement':
      return tryStatement(run, node);
    case 'SwitchStatement':
      return switchStatement(run, node);
    case 'LabeledStatement':
      return runStatement(run, node.body);
    case 'BreakStatement':
      run.loops.at(-1)?.breaks.push(run.env.clone());
      run.env.reachable = false;
      return;
    case 'ContinueStatement':
      run.loops.at(-1)?.continues.push(run.env.clone());
      run.env.reachable = false;
      return;
    case 'FunctionDeclaration':
      if (node.id) run.env.set(node.id.name, run.functionValue(node));
      return;
    case 'ClassDeclaration':
      if (node.id) run.env.set(node.id.name, { taint: TaintSet.EMPTY, classes: [{ file: run.file.path, node }] });
      return;
    case 'ExportNamedDeclaration':
      if (node.declaration) runStatement(run, node.declaration);
      return;
    case 'ExportDefaultDeclaration':
      return exportDefault(run, node.declaration);
    case 'TSExportAssignment':
      run.env.set('default', run.evaluate(node.expression));
      return;
    default:
      // Imports, types, enums, empty statements, debugger: nothing flows.
      return;
  }
}

function exportDefault(run: Interpreter, declaration: TSESTree.ExportDefaultDeclaration['declaration']): void {
  if (declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') {
    runStatement(run, declaration);
    if (declaration.id) run.env.set('default', run.env.get(declaration.id.name) ?? CLEAN);
    else run.env.set('default', declaration.type === 'ClassDeclaration' ? { taint: TaintSet.EMPTY, classes: [{ file: run.file.path, node: declaration }] } : run.functionValue(declaration));
  } else if (declaration.type !== 'TSInterfaceDeclaration' && declaration.type !== 'TSDeclareFunction' && declaration.type !== 'TSEnumDeclaration') {
    run.env.set('default', run.evaluate(declaration));
  }
}

function joinEnvs(run: Interpreter, envs: Env[]): Env {
  return Env.join(envs, (name) => run.outside(name));
}

function ifStatement(run: Interpreter, node: TSESTree.IfStatement): void {
  run.evaluate(node.test);
  const before = run.env;
  run.env = before.clone();
  runStatement(run, node.consequent);
  const afterThen = run.env;
  run.env = before.clone();
  if (node.alternate) runStatement(run, node.alternate);
  run.env = joinEnvs(run, [afterThen, run.env]);
}

function loop(run: Interpreter, test: () => Value, body: Node, update?: () => void): void {
  const entry = run.env.clone();
  let head = entry;
  const frame: LoopFrame = { breaks: [], continues: [] };
  run.loops.push(frame);
  try {
    for (let round = 0; round < MAX_LOOP_ROUNDS; round++) {
      run.env = head.clone();
      test();
      const afterTest = run.env.clone();
      runStatement(run, body);
      run.env = joinEnvs(run, [run.env, ...frame.continues]);
      frame.continues = [];
      if (update && run.env.reachable) update();
      const next = joinEnvs(run, [entry, run.env]);
      const stable = next.key === head.key;
      head = next;
      if (stable) {
        run.env = joinEnvs(run, [afterTest, ...frame.breaks]);
        return;
      }
    }
    run.env = joinEnvs(run, [head, ...frame.breaks]);
  } finally {
    run.loops.pop();
  }
}

function tryStatement(run: Interpreter, node: TSESTree.TryStatement): void {
  const before = run.env.clone();
  run.thrown.push([]);
  runStatement(run, node.block);
  const thrown = run.thrown.pop()!;
  const afterTry = run.env;
  let afterCatch = Env.unreachable();
  if (node.handler) {
    run.env = joinEnvs(run, [before, afterTry.reachable ? afterTry : before]);
    run.env.reachable = true;
    if (node.handler.param) run.assignPattern(node.handler.param, joinAll(thrown));
    runStatement(run, node.handler.body);
    afterCatch = run.env;
  }
  run.env = joinEnvs(run, [afterTry, afterCatch]);
  if (node.finalizer) {
    const reachable = run.env.reachable;
    if (!reachable) run.env = joinEnvs(run, [before, afterTry]);
    run.env.reachable = true;
    runStatement(run, node.finalizer);
    if (!reachable) run.env.reachable = false;
  }
}

function switchStatement(run: Interpreter, node: TSESTree.SwitchStatement): void {
  run.evaluate(node.discriminant);
  const before = run.env.clone();
  const frame: LoopFrame = { breaks: [], continues: [] };
  run.loops.push(frame);
  const ends: Env[] = [];
  let fallthrough = Env.unreachable();
  try {
    for (const switchCase of node.cases) {
      run.env = joinEnvs(run, [before, fallthrough]);
      if (switchCase.test) run.evaluate(switchCase.test);
      runBlock(run, switchCase.consequent);
      fallthrough = run.env;
    }
    ends.push(fallthrough);
    if (!node.cases.some((switchCase) => switchCase.test === null)) ends.push(before);
  } finally {
    run.loops.pop();
  }
  run.env = joinEnvs(run, [...ends, ...frame.breaks]);
}
