// ruleid: conformance-metavariable-pattern-nested
res.redirect(req.query.next);
// ruleid: conformance-metavariable-pattern-nested
res.redirect('/home?from=' + req.query.from);
// ok: conformance-metavariable-pattern-nested
res.redirect('/home');
