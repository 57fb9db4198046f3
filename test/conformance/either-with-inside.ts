app.get('/a', (req, res) => {
  // ruleid: conformance-either-with-inside
  console.log(req.body);
});
app.post('/b', (req, res) => {
  // ruleid: conformance-either-with-inside
  console.log(req.body);
});
// ok: conformance-either-with-inside
console.log('startup');
