class A {
  // ruleid: method-definition-pattern
  componentWillMount() {
    go();
  }
}
