"""Metamorphic tests: the same report as another PDF, template or extractor would print it.

Each transformation rewrites an example text and keeps a line map back to the original;
the parsed model must then equal the original's once its line numbers are mapped back.
``python -m tests.metamorphic.report`` prints the measures (see the README).
"""
