// name: initiative_ties
// title: Ties linked to an initiative
// mode: read
// params: initiative: str, limit: int[1..500] = 100, offset: int[0..100000] = 0
// returns: a_key, a_name, b_key, b_name, how, sources
// Cooperation and visits stated in documents that also name the initiative ("Belt and Road-linked ties"),
// one row per pair of organisations, with those documents as sources.
MATCH (i:Initiative {key: $initiative})-[:MENTIONED_IN]->(d:Document)<-[:MENTIONED_IN]-(a:Entity)
MATCH (a)-[r:COOPERATES_WITH|VISITED]-(b:Entity)
WHERE a.key < b.key AND d.key IN r.sources
WITH a, b, collect(DISTINCT type(r)) AS types, collect(DISTINCT d.key) AS sources
RETURN a.key AS a_key, a.name AS a_name, b.key AS b_key, b.name AS b_name,
       [t IN types | CASE t WHEN 'COOPERATES_WITH' THEN 'cooperation' ELSE 'visit' END] AS how, sources
ORDER BY size(sources) DESC, a_name, b_name
SKIP $offset
LIMIT $limit
