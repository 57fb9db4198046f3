// ruleid: conformance-function-definitions
function identity(a) { return a; }
// ruleid: conformance-function-definitions
const anonymous = function (b) { return b; };
// ruleid: conformance-function-definitions
const arrow = (c: number) => { return c; };
// ok: conformance-function-definitions
function other(a, b) { return a; }
// ok: conformance-function-definitions
function different(a) { return 1; }
