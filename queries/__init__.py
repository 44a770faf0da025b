"""The query catalogue: named Cypher files with typed parameters, and the searches and paths built on them."""
