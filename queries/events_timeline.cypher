// name: events_timeline
// title: Events and visits timeline
// mode: read
// params: org: str | None, country_a: country | None, country_b: country | None, kind: str | None
// params: since: year | None, until: year | None, limit: int[1..500] = 100, offset: int[0..100000] = 0
// returns: date, kind, key, name, participants, sources
// Events (conferences, exhibitions, meetings) with their participants and visits (visitor → host) in date
// order, filtered by a participating organisation (key), a country pair, kind (visit, conference...) and years.
// Visits have no key of their own; their participants say who visited whom.
CALL {
  MATCH (e:Event)
  RETURN e.date AS date, coalesce(e.kind, 'other') AS kind, e.key AS key, e.name AS name,
         [(o:Entity)-[:INVOLVED_IN]->(e) | {key: o.key, name: o.name, country: o.country, role: 'participant'}]
           AS participants,
         [(e)-[:MENTIONED_IN]->(d:Document) | d.key] AS sources
  UNION ALL
  MATCH (v:Entity)-[r:VISITED]->(h:Entity)
  RETURN r.date AS date, 'visit' AS kind, null AS key, v.name + ' visited ' + h.name AS name,
         [{key: v.key, name: v.name, country: v.country, role: 'visitor'},
          {key: h.key, name: h.name, country: h.country, role: 'host'}] AS participants,
         r.sources AS sources
}
WITH date, kind, key, name, participants, sources
WHERE ($kind IS NULL OR kind = $kind)
  AND ($org IS NULL OR any(p IN participants WHERE p.key = $org))
  AND ($country_a IS NULL OR any(p IN participants WHERE p.country = $country_a))
  AND ($country_b IS NULL OR size([p IN participants WHERE p.country = $country_b]) >=
       CASE WHEN $country_a = $country_b THEN 2 ELSE 1 END)
  AND ($since IS NULL OR toInteger(left(date, 4)) >= $since)
  AND ($until IS NULL OR toInteger(left(date, 4)) <= $until)
RETURN date, kind, key, name, participants, sources
ORDER BY date IS NULL, date, name
SKIP $offset
LIMIT $limit
