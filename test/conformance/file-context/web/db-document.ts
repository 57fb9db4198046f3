export async function loadDocument(collection: { findOne(query: object): Promise<{ body: string }> }) {
  const document = await collection.findOne({});
  return document.body;
}
// a variable named document is not the browser global: no evidence (its folder name web/ is not a convention)
// ruleid: context-unknown
// ok: context-server, context-client, context-shared
marker();
