// name: document
// title: A source document
// mode: read
// params: key: str
// returns: key, source_id, url, title, published, publisher, language, text, entities
// One document with its metadata, text and the entities it names (with the names it uses for them).
MATCH (d:Document {key: $key})
RETURN d.key AS key, d.source_id AS source_id, d.url AS url, d.title AS title, d.published AS published,
       d.publisher AS publisher, d.language AS language, d.text AS text,
       [(n:Entity)-[m:MENTIONED_IN]->(d) | {key: n.key, name: n.name, type: [l IN labels(n) WHERE l <> 'Entity'][0],
                                            names: coalesce(m.names, [])}] AS entities
