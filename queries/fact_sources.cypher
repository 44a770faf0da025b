// name: fact_sources
// title: Documents behind the facts between two entities
// mode: read
// params: a: str, b: str, type: str | None, limit: int[1..500] = 100
// returns: type, source, target, date, document, title, url, published, evidence
// Provenance of facts: for each fact between $a and $b (either direction; one type, e.g. VISITED, or all),
// each document that states it, with the sentence it states it in.
MATCH (x:Entity {key: $a})-[r]-(y:Entity {key: $b})
WHERE type(r) <> 'MENTIONED_IN' AND ($type IS NULL OR type(r) = $type)
UNWIND range(0, size(coalesce(r.sources, [])) - 1) AS i
WITH r, startNode(r).key AS source, endNode(r).key AS target, r.sources[i] AS document, r.evidence[i] AS evidence
OPTIONAL MATCH (d:Document {key: document})
RETURN type(r) AS type, source, target, r.date AS date, document, d.title AS title, d.url AS url,
       d.published AS published, evidence
ORDER BY type, date, published, document
LIMIT $limit
