// name: viz_graph_nodes
// title: Best-connected entities of the whole graph (the nodes of a network view)
// mode: read
// params: countries: list[str] | None = None, types: list[str] | None = None, limit: int[1..5000] = 1000
// returns: key, degree
// Entities (not cities or countries) with their number of fact links, highest first; countries keeps
// entities in those countries (entities without a country pass), types keeps those labels.
MATCH (n:Entity)
WHERE NOT n:City AND NOT n:Country
  AND ($countries IS NULL OR n.country IS NULL OR n.country IN $countries)
  AND ($types IS NULL OR any(label IN labels(n) WHERE label IN $types))
OPTIONAL MATCH (n)-[r:COOPERATES_WITH|AFFILIATED_WITH|PART_OF|INVOLVED_IN|VISITED|PARTY_TO]-(:Entity)
WITH n, count(r) AS degree
RETURN n.key AS key, degree
ORDER BY degree DESC, key
LIMIT $limit
