// ruleid: template-ellipsis-vs-string
f(`abc`);
// ok: template-ellipsis-vs-string
f("abc");
