// ok: deep-expression-into-function-body
f(function () { g("x"); });
// ruleid: deep-expression-into-function-body
f(() => g("x"));
