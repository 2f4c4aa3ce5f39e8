"""Kontroller of budget tables: relations the printed figures should satisfy.

Each relation is checked as printed and a failure becomes a Finding; no value is
repaired. The relations:

* ``netto`` — Netto = Intäkter + every cost row, in every column;
* ``summa`` — a Totalt/Summa row = the rows above it, 'varav' rows left out;
* ``avvikelse`` — Avvikelse = Budget (+ budgetjusteringar) − Prognos/Utfall, or
  Utfall − Budget where that is the table's convention (decided per table by which one
  more rows satisfy); the rule, the sign vote and the rounding tolerance are
  ``kfcompare.budget``'s, the ones the reader placed the cells by;
* ``resultatdispositioner`` — 'efter resultatdispositioner' = 'före' (or Netto's
  Avvikelse) + the result transfers between them;
* ``sammanställning`` — an area table's Netto = the row of the same name in the
  report's summary table.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from ..budget import (
    BUDGET,
    DEVIATION,
    agrees,
    cell,
    compared_index,
    is_after_dispositions,
    is_before_dispositions,
    is_netto,
    is_netto_component,
    is_total,
    is_transfer,
    number,
    numbers,
    only_value,
    roles,
    table_relation,
    value_columns,
)
from ..model import BudgetRow, BudgetTable, Report, Value
from ..values import format_decimal
from .keys import name_key
from .result import Finding


def budget_findings(report: Report) -> Iterator[Finding]:
    for table in report.budget:
        yield from _netto(report, table)
        yield from _totals(report, table)
        yield from _deviations(report, table)
        yield from _dispositions(report, table)
    yield from _summary(report)


def _finding(
    report: Report, row: BudgetRow, value: Value | None, check: str, message: str, expected: Decimal, printed: Decimal
) -> Finding:
    line = value.line if value is not None and value.line is not None else row.provenance.first_line
    return Finding(
        report=report.label,
        owner=report,
        path=report.source.path,
        line=line,
        check=check,
        message=message,
        expected=expected,
        printed=printed,
        difference=printed - expected,
    )


def _where(table: BudgetTable, row: BudgetRow, index: int | None = None) -> str:
    caption = table.caption.strip() or f"tabellen på rad {table.provenance.first_line}"
    column = f", {value_columns(table)[index]}" if index is not None and index < len(value_columns(table)) else ""
    return f"{caption}: {row.label}{column}"


def _d(number: Decimal) -> str:
    return format_decimal(number)


def _sum_rule(
    report: Report, table: BudgetTable, target: BudgetRow, parts: Sequence[BudgetRow], check: str
) -> Iterator[Finding]:
    """target = sum of parts, column by column; an empty part cell counts as nothing printed
    (0) as long as some part of that column is printed."""
    for index in range(len(target.values)):
        printed = number(target, index)
        terms = [n for n in (number(p, index) for p in parts) if n is not None]
        if printed is None or not terms:
            continue
        expected = sum(terms, Decimal(0))
        if not agrees(expected, printed, terms):
            names = " + ".join(p.label for p in parts)
            yield _finding(
                report, target, cell(target, index), check,
                f"{_where(table, target, index)}: {names} = {_d(expected)}, tryckt {_d(printed)}",
                expected, printed,
            )  # fmt: skip


def _netto(report: Report, table: BudgetTable) -> Iterator[Finding]:
    parts = [row for row in table.rows if is_netto_component(row)]
    if not parts:
        return
    for row in table.rows:
        if is_netto(row):
            yield from _sum_rule(report, table, row, parts, "netto")


def _totals(report: Report, table: BudgetTable) -> Iterator[Finding]:
    above: list[BudgetRow] = []
    for row in table.rows:
        if is_total(row):
            if above:
                yield from _sum_rule(report, table, row, above, "summa")
            above = []
        elif not row.sub_row:
            above.append(row)


def _deviations(report: Report, table: BudgetTable) -> Iterator[Finding]:
    """Every row that breaks the table's deviation relation under the convention its rows
    follow (``kfcompare.budget.table_relation``, the rule the reader placed the cells by)."""
    relation = table_relation(table)
    if relation is None:
        return
    rule = relation.rule(adjustment=relation.adjustment is not None)
    for row in table.rows:
        cells = numbers(row)
        if relation.holds(cells) is not False:
            continue
        expected = relation.expected(cells, relation.signs[0])
        printed = cells[relation.deviation]
        assert expected is not None and printed is not None  # holds() was not None
        yield _finding(
            report, row, cell(row, relation.deviation), "avvikelse",
            f"{_where(table, row)}: Avvikelse = {rule} = {_d(expected)}, tryckt {_d(printed)}",
            expected, printed,
        )  # fmt: skip


def _dispositions(report: Report, table: BudgetTable) -> Iterator[Finding]:
    deviation_at = roles(table).get(DEVIATION, [None])[-1]
    base: Value | None = None
    base_label = ""
    transfers: list[tuple[BudgetRow, Value]] = []
    for row in table.rows:
        if is_before_dispositions(row):
            base, base_label, transfers = only_value(row), row.label, []
        elif is_netto(row):
            base, base_label, transfers = cell(row, deviation_at), f"{row.label} (avvikelse)", []
        elif is_transfer(row) and (value := only_value(row)) is not None:
            transfers.append((row, value))
        elif is_after_dispositions(row) and (printed := only_value(row)) is not None:
            if base is None or base.number is None:
                continue
            terms = [base.number, *(v.number for _, v in transfers if v.number is not None)]
            expected = sum(terms, Decimal(0))
            if not agrees(expected, printed.number, terms):  # type: ignore[arg-type]
                names = " + ".join([base_label, *(r.label for r, _ in transfers)])
                yield _finding(
                    report, row, printed, "resultatdispositioner",
                    f"{_where(table, row)}: {names} = {_d(expected)}, tryckt {_d(printed.number)}",  # type: ignore[arg-type]
                    expected, printed.number,  # type: ignore[arg-type]
                )  # fmt: skip


def _summary(report: Report) -> Iterator[Finding]:
    """An area table's Netto against the summary row named like the table's caption."""
    for table in report.budget:
        key = name_key(table.caption)
        netto = next((row for row in table.rows if is_netto(row)), None)
        if not key or netto is None:
            continue
        for other in report.budget:
            if other is table:
                continue
            for index, row in enumerate(other.rows):
                if name_key(row.label) == key:
                    yield from _against_summary(report, table, netto, other, [row, *_parts_below(other.rows[index + 1 :])])


def _parts_below(rows: Sequence[BudgetRow]) -> list[BudgetRow]:
    """Lower-case rows right below a summary row are its parts ('Stadsmiljöverksamhet' /
    'avskrivningar' / 'internräntor'), unlike the capitalised areas and the 'varav' rows."""
    parts = []
    for row in rows:
        label = row.label.strip()
        if row.sub_row or not label[:1].islower() or label.casefold().startswith("varav"):
            break
        parts.append(row)
    return parts


def _against_summary(
    report: Report, table: BudgetTable, netto: BudgetRow, summary: BudgetTable, rows: list[BudgetRow]
) -> Iterator[Finding]:
    mine, theirs = roles(table), roles(summary)
    pairs = [(mine[role][0], theirs[role][0]) for role in (BUDGET, DEVIATION) if mine.get(role) and theirs.get(role)]
    mine_compared, theirs_compared = compared_index(table), compared_index(summary)
    if mine_compared and theirs_compared and mine_compared[1] == theirs_compared[1]:
        pairs.insert(1, (mine_compared[0], theirs_compared[0]))
    where = summary.caption.strip() or f"sammanställningen på rad {summary.provenance.first_line}"
    names = " + ".join(row.label for row in rows)
    for at, summary_at in pairs:
        printed = number(netto, at)
        terms = [n for n in (number(row, summary_at) for row in rows) if n is not None]
        if printed is None or not terms:
            continue
        expected = sum(terms, Decimal(0))
        if agrees(expected, printed, terms):
            continue
        yield _finding(
            report, netto, cell(netto, at), "sammanställning",
            f"{_where(table, netto, at)}: tryckt {_d(printed)}, men {where} har {_d(expected)} "
            f"för {names} (rad {rows[0].provenance.first_line})",
            expected, printed,
        )  # fmt: skip
