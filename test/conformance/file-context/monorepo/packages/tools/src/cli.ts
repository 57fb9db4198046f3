export function run(args: string[]): number {
  return args.length;
}
// a package with no server or client dependencies, imported by nothing: unknown
// ruleid: context-unknown
// ok: context-server, context-client, context-shared
marker();
