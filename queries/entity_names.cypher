// name: entity_names
// title: Every entity's names
// mode: read
// params: after: str = '', limit: int[1..10000] = 5000
// returns: key, name, type, country, aliases
// Keys with their names and aliases, page by page in key order (`after` the last key seen): the word list
// behind "did you mean" suggestions and typo-tolerant name lookups. The page is cut before the projection:
// projecting every entity past `after` and then sorting cost FalkorDB 40% more (M: 208 → 121 ms a page).
MATCH (n:Entity)
WHERE n.key > $after
WITH n
ORDER BY n.key
LIMIT $limit
RETURN n.key AS key, n.name AS name, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.country AS country,
       coalesce(n.aliases, []) AS aliases
