// name: partners_of
// title: Partners of an organisation
// mode: read
// params: ref: str, country: country | None, type: label | None, since: year | None, until: year | None
// params: initiative: str | None, limit: int[1..500] = 50, offset: int[0..100000] = 0
// returns: key, name, type, country, how, first_date, last_date, ties, sources
// Organisations tied to $ref by cooperation, shared agreements, visits either way, joint labs or programmes,
// most-sourced first. `how` lists the kinds of tie; dates are the facts' own dates (agreements, visits),
// else the publication dates of the documents stating them. `since`/`until` keep ties dated in those years;
// `initiative` (a key) keeps partners involved in that initiative.
MATCH (o:Entity {key: $ref})
CALL {
  WITH o
  MATCH (o)-[r:COOPERATES_WITH]-(p:Entity)
  RETURN p, 'cooperation' AS how, r.sources AS sources, null AS date
  UNION ALL
  WITH o
  MATCH (o)-[r1:PARTY_TO]->(a:Agreement)<-[r2:PARTY_TO]-(p:Entity)
  RETURN p, 'agreement' AS how, r1.sources + r2.sources AS sources, a.date AS date
  UNION ALL
  WITH o
  MATCH (o)-[r:VISITED]-(p:Entity)
  RETURN p, 'visit' AS how, r.sources AS sources, r.date AS date
  UNION ALL
  WITH o
  MATCH (o)<-[r1:PART_OF]-(u:Lab)-[r2:PART_OF]->(p:Entity)
  RETURN p, 'joint lab' AS how, r1.sources + r2.sources AS sources, null AS date
  UNION ALL
  WITH o
  MATCH (o)<-[r1:PART_OF]-(u:Program)-[r2:PART_OF]->(p:Entity)
  RETURN p, 'programme' AS how, r1.sources + r2.sources AS sources, null AS date
}
WITH o, p, how, sources, date, CASE WHEN $since IS NULL AND $until IS NULL THEN null ELSE p END AS dated
WHERE p <> o AND ($country IS NULL OR p.country = $country) AND ($type IS NULL OR $type IN labels(p))
// A date filter keeps a tie dated in range by its own date or by a document stating it (one that names the partner).
// Without one, `dated` is null and nothing is read: a pattern from null costs FalkorDB next to nothing.
WITH p, how, sources, date,
     coalesce([(dated)-[:MENTIONED_IN]->(doc:Document) WHERE doc.key IN sources AND doc.published IS NOT NULL | doc.published],
       []) AS published
WITH p, how, sources, date, [d IN [date] + published WHERE d IS NOT NULL] AS dates
WHERE ($since IS NULL OR any(d IN dates WHERE toInteger(left(d, 4)) >= $since))
  AND ($until IS NULL OR any(d IN dates WHERE toInteger(left(d, 4)) <= $until))
WITH p, collect(DISTINCT how) AS how, count(*) AS ties, collect(sources) AS source_lists, min(date) AS first_date,
     max(date) AS last_date
WITH p, how, ties, first_date, last_date,
     reduce(acc = [], s IN reduce(all = [], l IN source_lists | all + l) | CASE WHEN s IN acc THEN acc ELSE acc + [s] END)
       AS sources
// A pattern predicate, evaluated only when $initiative is set (a list of every partner's initiatives was not).
// Here, after the comprehensions: in a WHERE before them FalkorDB 4.16 drops the rows of all but the first branch.
WHERE $initiative IS NULL OR (p)-[:INVOLVED_IN]->(:Initiative {key: $initiative})
WITH p, how, ties, first_date, last_date, sources
ORDER BY size(sources) DESC, ties DESC, p.name, p.key
SKIP $offset
LIMIT $limit
// The page only: publication dates of the documents stating its ties, read in one traversal (a pattern
// comprehension per row costs FalkorDB a traversal set-up per row, most of the query).
WITH collect({p: p, how: how, ties: ties, sources: sources, first_date: first_date, last_date: last_date}) AS page
CALL {
  WITH page
  UNWIND page AS row
  WITH row.p AS p, row.sources AS sources
  MATCH (p)-[:MENTIONED_IN]->(doc:Document)
  WHERE doc.key IN sources AND doc.published IS NOT NULL
  RETURN collect([p.key, doc.published]) AS published
}
UNWIND page AS row
WITH row, row.p AS p, [m IN published WHERE m[0] = row.p.key | m[1]] AS dates
RETURN p.key AS key, p.name AS name, [l IN labels(p) WHERE l <> 'Entity'][0] AS type, p.country AS country,
       row.how AS how,
       reduce(m = row.first_date, d IN dates | CASE WHEN m IS NULL OR d < m THEN d ELSE m END) AS first_date,
       reduce(m = row.last_date, d IN dates | CASE WHEN m IS NULL OR d > m THEN d ELSE m END) AS last_date,
       row.ties AS ties, row.sources AS sources
ORDER BY size(sources) DESC, ties DESC, name, key
