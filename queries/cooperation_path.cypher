// name: cooperation_path
// title: Cooperation path between two organisations
// mode: read
// params: source: str, target: str, max_hops: int[1..4] = 4, limit: int[1..20] = 5
// returns: hops, nodes, links
// The shortest chains of facts (cooperation, visits, agreements, units, events, affiliations) joining $source
// to $target, read in either direction, at most $max_hops long (never more than 4), each link with its
// sources and evidence. Initiatives are not stepping stones (everyone is in the Belt and Road).
// FalkorDB has no undirected shortestPath: this bounded variable-length form is the portable one, and it
// enumerates every path up to $max_hops (about a second at 100k nodes / 1M links); neo4j/cooperation_path.cypher
// uses allShortestPaths. `Catalog.run` (GET /paths, /queries/cooperation_path, `coopgraph query`) answers with
// queries/paths.py instead, a breadth-first search from both ends (milliseconds at that size), whose tests check
// it gives these paths.
MATCH (a:Entity {key: $source}), (b:Entity {key: $target})
MATCH p = (a)-[:COOPERATES_WITH|VISITED|PARTY_TO|PART_OF|INVOLVED_IN|AFFILIATED_WITH*1..4]-(b)
WHERE length(p) <= $max_hops AND none(n IN nodes(p) WHERE n:Initiative)
WITH p, length(p) AS hops
ORDER BY hops
WITH collect({hops: hops, p: p}) AS found
WITH [f IN found WHERE f.hops = found[0].hops][0..$limit] AS shortest
UNWIND shortest AS f
WITH f.hops AS hops, f.p AS p
RETURN hops,
       [n IN nodes(p) | {key: n.key, name: n.name, type: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).key, target: endNode(r).key, date: r.date,
                                 sources: r.sources, evidence: r.evidence}] AS links
