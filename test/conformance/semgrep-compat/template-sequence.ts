// ok: template-ends-with-hole
g(`${user}/hi`);
// ruleid: template-ends-with-hole
g(`https://x/${user}`);
// ruleid: template-ends-with-hole
g(`${first}${second}`);

// ok: template-needs-a-hole
f(`no interpolation here`);
// ruleid: template-needs-a-hole
f(`hello ${user}`);
// ruleid: template-needs-a-hole
f(`${user}`);

// ruleid: template-text-metavariable
const q = `SELECT * FROM t WHERE id = ${id}`;
// ruleid: template-text-metavariable
const q2 = `select name from t where id = ${id} and kind = ${kind}`;
// ok: template-text-metavariable
const m = `hello ${id}`;
// ok: template-text-metavariable
const n = `${id} SELECT`;

function h(req: any, res: any) {
  // ruleid: template-hole-pattern
  res.redirect(`${req.query.url}/x`);
  // ruleid: template-hole-pattern
  res.redirect(`${req.body["url"]}/x`);
  // ok: template-hole-pattern
  res.redirect(`/home/${req.query.url}`);
}
