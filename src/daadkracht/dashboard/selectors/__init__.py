"""Read models of the dashboard: every number and list it shows, in a fixed number of queries.

The plan's actions are read once, as plain rows (building a thousand model instances would cost
more than the whole page may), with their late and stale flags computed by the database from
the action list's own conditions (`rows`). The per-theme, per-status, budget and CO2 figures are
summed from those rows (`figures`), so that an action linked to a Bridge and to one of its
sub-themes counts once for that Bridge. Lists that can grow without bound (tasks, updates,
history) are read with a limit and a window count of the whole set (`tasks`, `changes`).
"""
