// ruleid: conformance-method-chains
db.query().where('a').limit(1).execute();
// ruleid: conformance-method-chains
db.query().execute();
// ok: conformance-method-chains
db.prepare().where('a').execute();
