// ruleid: conformance-statement-metavariables
try {
  risky();
  again();
} catch (error) {}
// ok: conformance-statement-metavariables
try {
  risky();
} catch (error) {
  report(error);
}
