function links(u: string) {
  // ruleid: jsx-attribute-ellipsis
  const a = <a className="x" href={u} />;
  // ok: jsx-attribute-ellipsis
  const b = <Link href={u}>home</Link>;
  // ok: jsx-attribute-ellipsis
  const c = <a className="x" />;
  // ruleid: jsx-attributes-any-order
  // ok: jsx-attribute-ellipsis
  const d = <a href={u} rel="noopener" target="_blank">x</a>;
  // ok: jsx-attributes-any-order, jsx-attribute-ellipsis
  const e = <a href={u} target="_self">x</a>;
  // ruleid: jsx-attribute-ellipsis
  const f = <a href={u}></a>;
  // ok: jsx-attribute-ellipsis
  const g = (
    <li href={u}>
    </li>
  );
  return [a, b, c, d, e, f, g];
}

function images(u: string) {
  // ruleid: jsx-string-value
  const a = <img src="/logo.png" />;
  // ruleid: jsx-string-value
  const b = <img alt="" src={"/logo.png"} />;
  // ok: jsx-string-value
  const c = <img src={u} />;
  return [a, b, c];
}

function bold(name: string) {
  // ruleid: jsx-children
  const a = <b>Hello {name}!</b>;
  // ok: jsx-children
  const b = <b>Hello</b>;
  return [a, b];
}
