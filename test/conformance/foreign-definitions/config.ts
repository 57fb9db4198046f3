export const ZERO = new Uint8Array(12);
export const ALLOCATED = Buffer.alloc(16);
export const FROM_CALL = makeBuffer();
export const SETTINGS = { iv: Buffer.alloc(16), other: makeBuffer() };
export let REASSIGNED = Buffer.alloc(16);

function makeBuffer(): Uint8Array {
  return new Uint8Array([1, 2, 3]);
}
export function reset() {
  REASSIGNED = Buffer.from('x');
}

export function zeroBlock(): Uint8Array {
  return new Uint8Array(16);
}
export const zeroArrow = () => new Uint8Array(12);
