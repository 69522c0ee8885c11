"""Forms of the network: the edit forms, the privacy forms and the list filters."""
