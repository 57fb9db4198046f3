function straight(id: string) {
  let query = "SELECT * FROM users WHERE id = '";
  // ruleid: initial-value-of-reassigned
  query = query.concat(id);
  // ok: initial-value-of-reassigned
  query = query.concat("'");
  return query;
}

function literal(id: string) {
  // ruleid: initial-value-of-reassigned
  return "SELECT * FROM t WHERE id = ".concat(id);
}

function notSql(id: string) {
  let data = "message: ";
  // ok: initial-value-of-reassigned
  data = data.concat(id);
  return data;
}

function loop(ids: string[]) {
  let query = "SELECT 1";
  for (const id of ids) {
    // ok: initial-value-of-reassigned
    query = query.concat(id);
  }
  return query;
}

function callback(id: string) {
  let query = "SELECT 1";
  run(() => {
    // ok: initial-value-of-reassigned
    log(query.concat(id));
  });
  query = "other";
}

function branch(id: string, admin: boolean) {
  let query = "SELECT 1";
  if (admin) query = "DELETE";
  // ok: initial-value-of-reassigned
  return query.concat(id);
}
