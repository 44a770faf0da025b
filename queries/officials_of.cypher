// name: officials_of
// title: Officials of an organisation
// mode: read
// params: ref: str, limit: int[1..500] = 50, offset: int[0..100000] = 0
// returns: key, name, title, titles, sources, evidence
// People affiliated with $ref, with the title each source gives them.
MATCH (o:Entity {key: $ref})<-[r:AFFILIATED_WITH]-(p:Person)
RETURN p.key AS key, p.name AS name, r.title AS title, coalesce(p.titles, []) AS titles, r.sources AS sources,
       r.evidence AS evidence
ORDER BY name, title
SKIP $offset
LIMIT $limit
