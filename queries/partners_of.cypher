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
  RETURN p, 'cooperation' AS how, r.sources AS sources, [] AS dates
  UNION ALL
  WITH o
  MATCH (o)-[r1:PARTY_TO]->(a:Agreement)<-[r2:PARTY_TO]-(p:Entity)
  RETURN p, 'agreement' AS how, r1.sources + r2.sources AS sources, [a.date] AS dates
  UNION ALL
  WITH o
  MATCH (o)-[r:VISITED]-(p:Entity)
  RETURN p, 'visit' AS how, r.sources AS sources, [r.date] AS dates
  UNION ALL
  WITH o
  MATCH (o)<-[r1:PART_OF]-(u:Lab)-[r2:PART_OF]->(p:Entity)
  RETURN p, 'joint lab' AS how, r1.sources + r2.sources AS sources, [] AS dates
  UNION ALL
  WITH o
  MATCH (o)<-[r1:PART_OF]-(u:Program)-[r2:PART_OF]->(p:Entity)
  RETURN p, 'programme' AS how, r1.sources + r2.sources AS sources, [] AS dates
}
WITH o, p, how, sources, [d IN dates WHERE d IS NOT NULL] AS dates
// A WITH of its own: FalkorDB 4.16 plans these comprehensions, in the first WITH after CALL {}, as a scan of all nodes.
WITH o, p, how, sources, dates, [(p)-[:MENTIONED_IN]->(doc:Document) | doc] AS docs,
     [(p)-[:INVOLVED_IN]->(ini:Initiative) | ini.key] AS initiatives
WITH o, p, how, sources, initiatives, dates + [d IN docs WHERE d.key IN sources AND d.published IS NOT NULL | d.published] AS dates
WHERE p <> o AND ($country IS NULL OR p.country = $country)
  AND ($type IS NULL OR $type IN labels(p))
  AND ($since IS NULL OR any(d IN dates WHERE toInteger(left(d, 4)) >= $since))
  AND ($until IS NULL OR any(d IN dates WHERE toInteger(left(d, 4)) <= $until))
  AND ($initiative IS NULL OR $initiative IN initiatives)
WITH p, collect(DISTINCT how) AS how, count(*) AS ties, collect(sources) AS source_lists, collect(dates) AS date_lists
WITH p, how, ties, reduce(acc = [], d IN date_lists | acc + d) AS dates,
     reduce(acc = [], s IN reduce(all = [], l IN source_lists | all + l) | CASE WHEN s IN acc THEN acc ELSE acc + [s] END)
       AS sources
RETURN p.key AS key, p.name AS name, [l IN labels(p) WHERE l <> 'Entity'][0] AS type, p.country AS country, how,
       reduce(m = null, d IN dates | CASE WHEN m IS NULL OR d < m THEN d ELSE m END) AS first_date,
       reduce(m = null, d IN dates | CASE WHEN m IS NULL OR d > m THEN d ELSE m END) AS last_date,
       ties, sources
ORDER BY size(sources) DESC, ties DESC, name
SKIP $offset
LIMIT $limit
