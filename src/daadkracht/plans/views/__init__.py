"""Pages of the climate plan, one module per area."""
