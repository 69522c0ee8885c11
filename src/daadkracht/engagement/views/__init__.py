"""Pages of engagement: levels, coverage, interactions and commitments."""
