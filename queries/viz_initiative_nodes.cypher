// name: viz_initiative_nodes
// title: Members of an initiative (the nodes of a network view)
// mode: read
// params: ref: str, countries: list[str] | None = None, types: list[str] | None = None,
// params: limit: int[1..5000] = 1000
// returns: key, role, sources
// Entities involved in the initiative keyed $ref (Luban Workshop hosts and partners, Belt and Road
// members) with their role, most-sourced first; countries and types narrow them.
MATCH (i:Initiative {key: $ref})<-[r:INVOLVED_IN]-(m:Entity)
WHERE ($countries IS NULL OR m.country IS NULL OR m.country IN $countries)
  AND ($types IS NULL OR any(label IN labels(m) WHERE label IN $types))
RETURN m.key AS key, r.role AS role, size(coalesce(r.sources, [])) AS sources
ORDER BY sources DESC, key
LIMIT $limit
