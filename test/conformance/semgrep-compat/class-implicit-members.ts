// ruleid: class-implicit-members
class A {
  constructor(private s: S) {}
  @Header('X', '0')
  g(): string { return 'x'; }
}
