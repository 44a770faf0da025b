// name: entity_documents
// title: Documents that name an entity
// mode: read
// params: ref: str, limit: int[1..500] = 50, offset: int[0..100000] = 0
// returns: key, title, url, published, publisher, names
// Provenance of an entity: every document that names it, newest first, with the names it uses.
MATCH (n:Entity {key: $ref})-[m:MENTIONED_IN]->(d:Document)
RETURN d.key AS key, d.title AS title, d.url AS url, d.published AS published, d.publisher AS publisher,
       coalesce(m.names, []) AS names
ORDER BY published DESC, key
SKIP $offset
LIMIT $limit
