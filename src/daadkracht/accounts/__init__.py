"""People: log-in, invitations, profile and preferred language."""
