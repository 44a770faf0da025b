// name: entity_by_key
// title: The entity with a key
// mode: read
// params: key: str
// returns: key, name, type, country, matched
// The entity keyed $key, found through the key index: `{ref}` resolution tries it before entities_named,
// whose name and alias comparisons read every entity.
MATCH (n:Entity {key: $key})
RETURN n.key AS key, n.name AS name, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.country AS country,
       'key' AS matched
