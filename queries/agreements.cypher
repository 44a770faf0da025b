// name: agreements
// title: Agreements
// mode: read
// params: party: str | None, country_a: country | None, country_b: country | None, kind: str | None
// params: year: year | None, status: str | None, limit: int[1..500] = 50, offset: int[0..100000] = 0
// returns: key, name, kind, date, status, topics, parties, sources
// Agreements, newest first, filtered by a party (key), a country pair (one party in each country), kind
// (memorandum, agreement, contract, other), year and status (signed, planned).
// Two branches, one of which runs: with a party or country filter, from the PARTY_TO ties (only agreements
// with parties can pass); without, the page of agreements first and its parties after. At M (10k agreements)
// collecting every agreement's parties before filtering took 170-220 ms; now 5-30 ms.
CALL {
  MATCH (o:Entity)-[r:PARTY_TO]->(a:Agreement)
  WHERE ($party IS NOT NULL OR $country_a IS NOT NULL OR $country_b IS NOT NULL)
    AND ($kind IS NULL OR a.kind = $kind)
    AND ($status IS NULL OR a.status = $status)
    AND ($year IS NULL OR left(a.date, 4) = toString($year))
  WITH a, collect({key: o.key, name: o.name, country: o.country, sources: r.sources}) AS parties
  WHERE ($party IS NULL OR any(p IN parties WHERE p.key = $party))
    AND ($country_a IS NULL OR any(p IN parties WHERE p.country = $country_a))
    AND ($country_b IS NULL OR size([p IN parties WHERE p.country = $country_b]) >=
         CASE WHEN $country_a = $country_b THEN 2 ELSE 1 END)
  RETURN a, parties
  ORDER BY a.date DESC, a.key
  SKIP $offset
  LIMIT $limit
  UNION ALL
  MATCH (a:Agreement)
  WHERE $party IS NULL AND $country_a IS NULL AND $country_b IS NULL
    AND ($kind IS NULL OR a.kind = $kind)
    AND ($status IS NULL OR a.status = $status)
    AND ($year IS NULL OR left(a.date, 4) = toString($year))
  WITH a
  ORDER BY a.date DESC, a.key
  SKIP $offset
  LIMIT $limit
  WITH a
  RETURN a, [(o:Entity)-[r:PARTY_TO]->(a) | {key: o.key, name: o.name, country: o.country, sources: r.sources}] AS parties
}
RETURN a.key AS key, a.name AS name, a.kind AS kind, a.date AS date, a.status AS status, coalesce(a.topics, []) AS topics,
       [p IN parties | {key: p.key, name: p.name, country: p.country}] AS parties,
       reduce(acc = [], s IN reduce(all = [], p IN parties | all + p.sources) |
              CASE WHEN s IN acc THEN acc ELSE acc + [s] END) AS sources
ORDER BY date DESC, key
