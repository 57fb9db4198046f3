function f() {
  const { Client, Pool } = require("pg");
  // ruleid: destructuring-fields
  const pool = new Pool();
  // ruleid: destructuring-fields
  const client = new Client();
}
function g() {
  const { Pool, ...rest } = require("pg");
  // ruleid: destructuring-fields
  const pool = new Pool();
  // ok: destructuring-fields
  const other = new Other();
}
function h() {
  const { Client } = require("mysql");
  // ok: destructuring-fields
  const client = new Client();
}
