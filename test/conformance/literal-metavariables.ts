const HOST = 'db.internal';
// ruleid: conformance-literal-metavariables
connect('api.internal');
// ruleid: conformance-literal-metavariables
connect(HOST);
// ok: conformance-literal-metavariables
connect('example.com');
// ok: conformance-literal-metavariables
connect(hostFromEnv);
