"""Tests of the demo command."""
