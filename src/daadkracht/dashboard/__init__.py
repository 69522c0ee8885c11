"""The dashboard for climate actions: monitoring, what needs attention, what changed."""
