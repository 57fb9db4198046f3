function zeroWords() {
  return new Uint8Array(8);
}
function filled() {
  return Uint8Array.of(1, 2, 3);
}
module.exports = { zeroWords, filled };
