"""The climate plan: its period and targets, themes, actions, tasks, updates and timeline."""
