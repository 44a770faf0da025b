// name: entities_named
// title: Entities with a key, name or alias
// mode: read
// params: name: str, limit: int[1..100] = 20
// returns: key, name, type, country, matched
// Entities whose key is $name, or whose name or an alias equals it ignoring case: how `{ref}` is resolved.
MATCH (n:Entity)
WHERE n.key = $name OR toLower(n.name) = toLower($name)
   OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) = toLower($name))
RETURN n.key AS key, n.name AS name, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.country AS country,
       CASE WHEN n.key = $name THEN 'key' WHEN toLower(n.name) = toLower($name) THEN 'name' ELSE 'alias' END AS matched
ORDER BY matched DESC, name, key
LIMIT $limit
