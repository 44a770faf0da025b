// name: viz_ego_nodes
// title: Ego network of an entity (the nodes of a network view)
// mode: read
// params: ref: str, hops: int[1..2] = 1, countries: list[str] | None = None, types: list[str] | None = None,
// params: since: year | None = None, until: year | None = None, initiative: str | None = None,
// params: limit: int[1..5000] = 500
// returns: key, hop, ties
// Entities within `hops` fact links of the entity keyed $ref (documents, cities and countries are not
// stepped through), nearest and most-tied first. Filters apply to every node and link on the way:
// countries keep entities in those countries (entities without a country pass), types keep those labels,
// since/until drop dated links and nodes (visits, agreements, events) outside the years, initiative keeps
// only organisations involved in the initiative keyed $initiative. The centre itself is not returned.
MATCH (c:Entity {key: $ref})
OPTIONAL MATCH (member:Entity)-[:INVOLVED_IN]->(:Initiative {key: $initiative})
WITH c, collect(member.key) AS members
MATCH p = (c)-[:COOPERATES_WITH|AFFILIATED_WITH|PART_OF|INVOLVED_IN|VISITED|PARTY_TO*1..2]-(n:Entity)
WHERE n <> c AND length(p) <= $hops
  AND all(r IN relationships(p) WHERE r.date IS NULL
      OR (($since IS NULL OR toInteger(substring(r.date, 0, 4)) >= $since)
      AND ($until IS NULL OR toInteger(substring(r.date, 0, 4)) <= $until)))
  AND all(x IN tail(nodes(p)) WHERE
      ($countries IS NULL OR x.country IS NULL OR x.country IN $countries)
      AND ($types IS NULL OR any(label IN labels(x) WHERE label IN $types))
      AND (x.date IS NULL OR (($since IS NULL OR toInteger(substring(x.date, 0, 4)) >= $since)
          AND ($until IS NULL OR toInteger(substring(x.date, 0, 4)) <= $until)))
      AND ($initiative IS NULL OR x.key = $initiative OR x.key IN members
          OR NOT (x:University OR x:Organization OR x:Lab)))
RETURN n.key AS key, min(length(p)) AS hop, count(*) AS ties
ORDER BY hop, ties DESC, key
LIMIT $limit
