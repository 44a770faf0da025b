// name: country_pair
// title: Ties between two countries' institutions
// mode: read
// params: a: country, b: country, since: year | None, until: year | None
// params: limit: int[1..500] = 100, offset: int[0..100000] = 0
// returns: a_key, a_name, b_key, b_name, how, ties, first_date, last_date, sources
// Pairs of institutions, one in country $a and one in $b, tied by cooperation, shared agreements or visits,
// most ties first; `since`/`until` keep ties dated in those years (fact dates, else publication dates).
MATCH (x:Entity {country: $a})
WHERE x:University OR x:Organization OR x:Lab OR x:Program
CALL {
  WITH x
  MATCH (x)-[r:COOPERATES_WITH]-(y:Entity)
  RETURN y, 'cooperation' AS how, r.sources AS sources, [] AS dates
  UNION ALL
  WITH x
  MATCH (x)-[r1:PARTY_TO]->(g:Agreement)<-[r2:PARTY_TO]-(y:Entity)
  RETURN y, 'agreement' AS how, r1.sources + r2.sources AS sources, [g.date] AS dates
  UNION ALL
  WITH x
  MATCH (x)-[r:VISITED]-(y:Entity)
  RETURN y, 'visit' AS how, r.sources AS sources, [r.date] AS dates
}
WITH x, y, how, sources, [d IN dates WHERE d IS NOT NULL] AS dates
// A WITH of its own: FalkorDB 4.16 plans a comprehension in the first WITH after CALL {} as a scan of all nodes.
WITH x, y, how, sources, dates, [(y)-[:MENTIONED_IN]->(doc:Document) | doc] AS docs
WHERE y.country = $b AND x <> y AND ($a <> $b OR x.key < y.key)
WITH x, y, how, sources, dates + [d IN docs WHERE d.key IN sources AND d.published IS NOT NULL | d.published] AS dates
WHERE ($since IS NULL OR any(d IN dates WHERE toInteger(left(d, 4)) >= $since))
  AND ($until IS NULL OR any(d IN dates WHERE toInteger(left(d, 4)) <= $until))
WITH x, y, collect(DISTINCT how) AS how, count(*) AS ties, collect(sources) AS source_lists, collect(dates) AS date_lists
WITH x, y, how, ties, reduce(acc = [], d IN date_lists | acc + d) AS dates,
     reduce(acc = [], s IN reduce(all = [], l IN source_lists | all + l) | CASE WHEN s IN acc THEN acc ELSE acc + [s] END)
       AS sources
RETURN x.key AS a_key, x.name AS a_name, y.key AS b_key, y.name AS b_name, how, ties,
       reduce(m = null, d IN dates | CASE WHEN m IS NULL OR d < m THEN d ELSE m END) AS first_date,
       reduce(m = null, d IN dates | CASE WHEN m IS NULL OR d > m THEN d ELSE m END) AS last_date,
       sources
ORDER BY ties DESC, size(sources) DESC, a_name, b_name
SKIP $offset
LIMIT $limit
