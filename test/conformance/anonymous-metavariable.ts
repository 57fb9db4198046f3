// ruleid: conformance-anonymous-metavariable
pair(1, 2);
// ruleid: conformance-anonymous-metavariable
pair(a, a);
// ok: conformance-anonymous-metavariable
pair(1);
