module.exports = {
  // ruleid: object-implicit-ellipsis
  local: { user: "u", dialect: "postgres", host: "h" },
  // ok: object-implicit-ellipsis
  other: { host: "h" },
};
