// ruleid: template-hole-ellipsis
f(`a${b}c`);
// ok: template-hole-ellipsis
f("abc");
