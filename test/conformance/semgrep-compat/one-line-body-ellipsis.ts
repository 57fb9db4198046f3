// ruleid: one-line-body-ellipsis
on(function (e) { f(); g(); });
