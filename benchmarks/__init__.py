"""Benchmarks of ABH Desk on a large demo database (``python -m benchmarks``); not part of the tests."""
