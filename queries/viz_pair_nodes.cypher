// name: viz_pair_nodes
// title: Ties between two countries (the nodes of a network view)
// mode: read
// params: a: country, b: country, since: year | None = None, until: year | None = None,
// params: limit: int[1..5000] = 1000
// returns: a_key, b_key, via, sources
// Pairs of entities, one in country $a and one in country $b, tied directly (cooperation, visit, joint
// unit) or through an agreement or event both take part in (`via`), most-sourced first. since/until drop
// dated visits, agreements and events outside the years.
MATCH (x:Entity)-[r:COOPERATES_WITH|VISITED|PART_OF]-(y:Entity)
WHERE x.country = $a AND y.country = $b AND NOT x:City AND NOT y:City AND NOT x:Event AND NOT y:Event
  AND (r.date IS NULL OR (($since IS NULL OR toInteger(substring(r.date, 0, 4)) >= $since)
      AND ($until IS NULL OR toInteger(substring(r.date, 0, 4)) <= $until)))
RETURN x.key AS a_key, y.key AS b_key, null AS via, size(coalesce(r.sources, [])) AS sources
ORDER BY sources DESC, a_key, b_key
LIMIT $limit
UNION
MATCH (x:Entity)-[r1:PARTY_TO|INVOLVED_IN]->(m:Entity)<-[r2:PARTY_TO|INVOLVED_IN]-(y:Entity)
WHERE x.country = $a AND y.country = $b AND (m:Agreement OR m:Event)
  AND (m.date IS NULL OR (($since IS NULL OR toInteger(substring(m.date, 0, 4)) >= $since)
      AND ($until IS NULL OR toInteger(substring(m.date, 0, 4)) <= $until)))
RETURN x.key AS a_key, y.key AS b_key, m.key AS via,
       size(coalesce(r1.sources, [])) + size(coalesce(r2.sources, [])) AS sources
ORDER BY sources DESC, a_key, b_key
LIMIT $limit
