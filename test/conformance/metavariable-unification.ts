// ruleid: conformance-metavariable-unification
compare(a, a);
// ruleid: conformance-metavariable-unification
compare(user.id, user . id);
// ok: conformance-metavariable-unification
compare(a, b);
// ok: conformance-metavariable-unification
compare(user.id, user.name);
