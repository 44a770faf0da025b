// name: cooperation_path
// Neo4j: allShortestPaths finds the shortest chains without enumerating the longer ones.
MATCH (a:Entity {key: $source}), (b:Entity {key: $target})
MATCH p = allShortestPaths((a)-[:COOPERATES_WITH|VISITED|PARTY_TO|PART_OF|INVOLVED_IN|AFFILIATED_WITH*..4]-(b))
WHERE length(p) <= $max_hops AND none(n IN nodes(p) WHERE n:Initiative)
WITH p, length(p) AS hops
ORDER BY hops
LIMIT $limit
RETURN hops,
       [n IN nodes(p) | {key: n.key, name: n.name, type: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).key, target: endNode(r).key, date: r.date,
                                 sources: r.sources, evidence: r.evidence}] AS links
