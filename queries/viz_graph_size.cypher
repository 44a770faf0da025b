// name: viz_graph_size
// title: Size of the whole-graph network view
// mode: read
// params: countries: list[str] | None = None, types: list[str] | None = None
// returns: nodes, links
// How many entities (not cities or countries) and fact links between them the filters select, so a
// view that shows fewer can say how many it left out.
MATCH (n:Entity)
WHERE NOT n:City AND NOT n:Country
  AND ($countries IS NULL OR n.country IS NULL OR n.country IN $countries)
  AND ($types IS NULL OR any(label IN labels(n) WHERE label IN $types))
WITH count(n) AS nodes
OPTIONAL MATCH (a:Entity)-[r:COOPERATES_WITH|AFFILIATED_WITH|PART_OF|INVOLVED_IN|VISITED|PARTY_TO]->(b:Entity)
WHERE NOT a:City AND NOT a:Country AND NOT b:City AND NOT b:Country
  AND ($countries IS NULL OR ((a.country IS NULL OR a.country IN $countries)
      AND (b.country IS NULL OR b.country IN $countries)))
  AND ($types IS NULL OR (any(label IN labels(a) WHERE label IN $types)
      AND any(label IN labels(b) WHERE label IN $types)))
RETURN nodes, count(r) AS links
