"""What the fuzz test (tests/test_fuzz.py) is made of: hostile values, the forms a page holds, a
world with a little of everything, and requests that leave that world as they found it."""
