"""The ILS report family (2020-era district and unit follow-up reports).

Split by concern: ``layout`` finds report boundaries and the parts of a report,
``metadata`` detects district, unit, kind and year, ``goals`` reads the goal tree with its
indicator and activity tables, ``economy`` reads the budget tables. ``kfcompare.formats.ils2020``
puts them together as a format plugin.
"""
