"""Full-text search of the published practices: the index, the query, facets and related ones."""
