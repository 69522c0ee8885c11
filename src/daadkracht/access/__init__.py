"""Who is asking: the access context of a request or job, its entry points and its guards."""
