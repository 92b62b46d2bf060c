"""Demodaten: the demo office Singen with generated persons, titles, cases, deadlines, cards,
appointments and users who sign in with a published password — for trying the program out,
training and load tests, never in an office's database.

A package of its own beside the services: it uses them, and nothing in ``services`` or ``domain``
imports it; only the command line, the window's first start, the benchmarks and the tests do.
The name and place pools are data, ``resources/demo/``.
"""
