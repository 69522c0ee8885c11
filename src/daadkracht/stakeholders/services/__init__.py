"""Writes of the network: organisations, contact persons, lawful bases, consents, privacy."""
