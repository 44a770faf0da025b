// name: country_pair
// title: Ties between two countries' institutions
// mode: read
// params: a: country, b: country, since: year | None, until: year | None
// params: limit: int[1..500] = 100, offset: int[0..100000] = 0
// returns: a_key, a_name, b_key, b_name, how, ties, first_date, last_date, sources
// Pairs of institutions, one in country $a and one in $b, tied by cooperation, shared agreements or visits,
// most ties first; `since`/`until` keep ties dated in those years (fact dates, else publication dates).
// The country filter is on the far side of each tie pattern, before anything is projected; documents'
// publication dates are read per tie only when years are asked, else for the page's rows (they do not
// change the order): at M (48k KZ-CN pairs) the per-tie comprehension was 3 of the 5 s.
MATCH (x:Entity {country: $a})
WHERE x:University OR x:Organization OR x:Lab OR x:Program
CALL {
  WITH x
  MATCH (x)-[r:COOPERATES_WITH]-(y:Entity {country: $b})
  RETURN y, 'cooperation' AS how, r.sources AS sources, [] AS dates
  UNION ALL
  WITH x
  MATCH (x)-[r1:PARTY_TO]->(g:Agreement)<-[r2:PARTY_TO]-(y:Entity {country: $b})
  RETURN y, 'agreement' AS how, r1.sources + r2.sources AS sources, [g.date] AS dates
  UNION ALL
  WITH x
  MATCH (x)-[r:VISITED]-(y:Entity {country: $b})
  RETURN y, 'visit' AS how, r.sources AS sources, [r.date] AS dates
}
WITH x, y, how, sources, dates
WHERE x <> y AND ($a <> $b OR x.key < y.key)
// Years asked: each tie is kept if one of its dates (its own, else its documents' publication dates) falls in them.
WITH x, y, how, sources, [d IN dates WHERE d IS NOT NULL] AS dates
CALL {
  WITH y, sources
  OPTIONAL MATCH (y)-[:MENTIONED_IN]->(doc:Document)
  WHERE ($since IS NOT NULL OR $until IS NOT NULL) AND doc.key IN sources AND doc.published IS NOT NULL
  RETURN collect(doc.published) AS published
}
WITH x, y, how, sources, dates + published AS dates
WHERE ($since IS NULL OR any(d IN dates WHERE toInteger(left(d, 4)) >= $since))
  AND ($until IS NULL OR any(d IN dates WHERE toInteger(left(d, 4)) <= $until))
WITH x, y, collect(DISTINCT how) AS how, count(*) AS ties, collect(sources) AS source_lists, collect(dates) AS date_lists
WITH x, y, how, ties, date_lists,
     reduce(acc = [], s IN reduce(all = [], l IN source_lists | all + l) | CASE WHEN s IN acc THEN acc ELSE acc + [s] END)
       AS sources
WITH x, y, how, ties, date_lists, sources, x.name AS a_name, y.name AS b_name
ORDER BY ties DESC, size(sources) DESC, a_name, b_name
SKIP $offset
LIMIT $limit
// Publication dates of the documents behind a pair, for its page rows only (they do not change the order).
WITH x, y, how, ties, sources, a_name, b_name, reduce(acc = [], d IN date_lists | acc + d) AS dates,
     [(y)-[:MENTIONED_IN]->(doc:Document) | doc] AS docs
WITH x, y, how, ties, sources, a_name, b_name,
     dates + [d IN docs WHERE d.key IN sources AND d.published IS NOT NULL | d.published] AS dates
RETURN x.key AS a_key, a_name, y.key AS b_key, b_name, how, ties,
       reduce(m = null, d IN dates | CASE WHEN m IS NULL OR d < m THEN d ELSE m END) AS first_date,
       reduce(m = null, d IN dates | CASE WHEN m IS NULL OR d > m THEN d ELSE m END) AS last_date,
       sources
ORDER BY ties DESC, size(sources) DESC, a_name, b_name
