// name: entity_profile
// title: Profile of an entity
// mode: read
// params: ref: str
// returns: key, name, type, aliases, country, city, kind, date, date_end, status, topics, titles, parents, units, initiatives, counts
// One entity: names, place, type-specific properties, the organisations it is part of, its units
// (labs, programmes, branches), its initiatives, and how many facts of each kind name it.
// (Each pattern comprehension has its own variable names: FalkorDB 4.16 mixes up reused ones.)
MATCH (n:Entity {key: $ref})
WITH n,
     [(n)-[:COOPERATES_WITH]-(x:Entity) | x.key] AS partners,
     [(n)-[:PARTY_TO]->(a:Agreement) | a.key] AS agreements,
     [(n)-[v:VISITED]-(y:Entity) | v.date] AS visits,
     [(n)-[:INVOLVED_IN]->(e:Event) | e.key] AS events,
     [(n)<-[:AFFILIATED_WITH]-(p:Person) | p.key] AS officials,
     [(n)-[:MENTIONED_IN]->(d:Document) | d.key] AS documents
RETURN n.key AS key, n.name AS name, [l IN labels(n) WHERE l <> 'Entity'][0] AS type,
       coalesce(n.aliases, []) AS aliases, n.country AS country, n.city AS city,
       n.kind AS kind, n.date AS date, n.date_end AS date_end, n.status AS status, n.topics AS topics, n.titles AS titles,
       [(n)-[:PART_OF]->(up:Entity) | {key: up.key, name: up.name}] AS parents,
       [(n)<-[:PART_OF]-(unit:Entity) | {key: unit.key, name: unit.name}] AS units,
       [(n)-[:INVOLVED_IN]->(i:Initiative) | {key: i.key, name: i.name}] AS initiatives,
       {partners: size(partners), agreements: size(agreements), visits: size(visits), events: size(events),
        officials: size(officials), documents: size(documents)} AS counts
