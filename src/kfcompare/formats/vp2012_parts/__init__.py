"""The 2012-era verksamhetsplan layout (ILS-webb export, upper-case markers).

Split by concern: ``lines`` cleans the text layer (page headers, line joining),
``cells`` reads the value cells of a table row from the right, ``tables`` reads indicator
and activity tables, ``front`` reads title, decisions and opening sections, ``goals`` walks
the goal part. ``kfcompare.formats.vp2012`` puts them together as a format plugin.
"""
