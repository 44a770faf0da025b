// name: search
// title: Full-text search over names and aliases
// mode: read
// params: words: words, type: label | None, country: country | None, limit: int[1..100] = 20
// returns: key, name, type, country, aliases, score
// Entities whose name or aliases match every word, each word as a prefix or within one typo.
// `words` are plain lower-case words (the parameter type strips everything else), so the full-text query
// built here from them cannot carry engine syntax. FalkorDB's (RediSearch) form; neo4j/search.cypher has Lucene's.
CALL db.idx.fulltext.queryNodes('Entity', reduce(q = '', w IN $words | q + '(' + w + '*|%' + w + '%) '))
YIELD node, score
WITH node AS n, score
WHERE ($type IS NULL OR $type IN labels(n)) AND ($country IS NULL OR n.country = $country)
RETURN n.key AS key, n.name AS name, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.country AS country,
       coalesce(n.aliases, []) AS aliases, score
ORDER BY score DESC, name
LIMIT $limit
