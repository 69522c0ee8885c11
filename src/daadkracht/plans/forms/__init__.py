"""Forms of the climate plan, one module per concern: actions, tasks, status updates, plan."""
