function bad(userInput) {
  // ruleid: focus-after-either
  $("#" + userInput).css("z-index", "9");
}
