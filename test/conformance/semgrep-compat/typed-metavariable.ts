// ruleid: typed-metavariable
s.replace("<", "");
// ok: typed-metavariable
s.replace(/</g, "");
