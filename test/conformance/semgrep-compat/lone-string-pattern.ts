// ok: lone-string-pattern
f("abc");
// ruleid: lone-string-pattern
f(abc);
