// name: entities
// title: Entities by type and country
// mode: read
// params: type: label | None, country: country | None, limit: int[1..500] = 50, offset: int[0..100000] = 0
// returns: key, name, type, country, city, aliases
// Every entity of a type (University, Person, Agreement...) and/or country, by name.
// The country test first: it drops most entities before labels(n) is built (at M, filter 104 -> 25 ms).
MATCH (n:Entity)
WHERE ($country IS NULL OR n.country = $country) AND ($type IS NULL OR $type IN labels(n))
RETURN n.key AS key, n.name AS name, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.country AS country,
       n.city AS city, coalesce(n.aliases, []) AS aliases
ORDER BY name, key
SKIP $offset
LIMIT $limit
