// ruleid: typed-parameter-metavariables
function handle(req: Request) {}
// ruleid: typed-parameter-metavariables
function route(path: string, req: Request, res: Response) {}
// ok: typed-parameter-metavariables
function count(n: number) {}
// ok: typed-parameter-metavariables
function untyped(req) {}

// ruleid: typed-parameter-literal-type
function named(name: string) {}
// ok: typed-parameter-literal-type
function flag(on: boolean) {}
// ok: typed-parameter-literal-type
function loose(name) {}
