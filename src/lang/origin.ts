import type { Node } from './ast.js';

/** Where a value used by a match was defined: a node of this file, or a place in another file. */
export type Origin = Node | ExternalOrigin;

export interface ExternalOrigin {
  external: true;
  /** Absolute path of the defining file. */
  file: string;
  line: number;
  column: number;
  text: string;
}

export function isExternal(origin: Origin): origin is ExternalOrigin {
  return (origin as ExternalOrigin).external === true;
}
