"""The demo: Stad Brugge (demo) with its 7 Bridges, departments and people, and a second town."""
