"""Building blocks shared by every domain: base models, concurrency checks, list helpers."""
