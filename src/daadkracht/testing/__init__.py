"""Typed test-data factories, shared by the tests, the demo command and the benchmarks."""
