// ruleid: export-class
export class A {
  g() { return 1; }
}
