// ruleid: conformance-pattern-not-nested
query('DELETE FROM users');
// ok: conformance-pattern-not-nested
query('DELETE FROM users', { verify: true });
// ok: conformance-pattern-not-nested
query('SELECT 1');
