import { parse, TSError } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';

export type Program = TSESTree.Program;

export class ParseFailure extends Error {
  override readonly name = 'ParseFailure';
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

const JSX_EXTENSIONS = /\.(tsx|jsx|js|mjs|cjs)$/i;

/** Whether a file is parsed with JSX (see parseSource). */
export function usesJsx(filePath: string): boolean {
  return JSX_EXTENSIONS.test(filePath);
}

/**
 * Builds the one ESTree of a file that every rule shares. Plain `.js` files may hold JSX, as
 * in React projects; `.ts` files may not, because `<T>x` is a type assertion there.
 */
export function parseSource(text: string, filePath: string): Program {
  try {
    // Positions come from ranges and the file's LineIndex; `loc` objects on every node would only cost memory.
    return parse(text, {
      range: true,
      jsx: usesJsx(filePath),
      filePath,
      errorOnUnknownASTType: false,
      allowInvalidAST: true,
      suppressDeprecatedPropertyWarnings: true,
    });
  } catch (error) {
    if (error instanceof TSError) {
      throw new ParseFailure(`syntax error: ${error.message}`, error.location.start.line, error.location.start.column + 1);
    }
    throw error;
  }
}
