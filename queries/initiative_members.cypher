// name: initiative_members
// title: Members of an initiative
// mode: read
// params: initiative: str, role: str | None, country: country | None, limit: int[1..500] = 100, offset: int[0..100000] = 0
// returns: key, name, type, country, role, sources
// Organisations involved in an initiative (Luban Workshop hosts and partners, Belt and Road participants), with
// the role the sources give (host, partner) or `member`.
MATCH (i:Initiative {key: $initiative})<-[r:INVOLVED_IN]-(m:Entity)
WITH m, coalesce(r.role, 'member') AS role, r.sources AS sources
WHERE ($role IS NULL OR role = $role) AND ($country IS NULL OR m.country = $country)
RETURN m.key AS key, m.name AS name, [l IN labels(m) WHERE l <> 'Entity'][0] AS type, m.country AS country, role, sources
ORDER BY role, country, name
SKIP $offset
LIMIT $limit
