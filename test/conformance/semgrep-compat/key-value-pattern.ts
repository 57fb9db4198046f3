const config = {
  // ruleid: key-value-pattern
  secret: 'a',
  other: 1,
};
