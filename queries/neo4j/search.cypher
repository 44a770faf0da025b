// name: search
// Neo4j: the `entity_search` full-text index (Lucene syntax: `word*` prefix, `word~1` one typo, `+` all words).
CALL db.index.fulltext.queryNodes('entity_search', reduce(q = '', w IN $words | q + '+(' + w + '* ' + w + '~1) '))
YIELD node, score
WITH node AS n, score
WHERE ($type IS NULL OR $type IN labels(n)) AND ($country IS NULL OR n.country = $country)
RETURN n.key AS key, n.name AS name, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.country AS country,
       coalesce(n.aliases, []) AS aliases, score
ORDER BY score DESC, name
LIMIT $limit
