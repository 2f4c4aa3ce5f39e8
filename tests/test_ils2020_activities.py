"""Activity tables of the ILS 2020 reports: dates, Avvikelse, analyses, text cut by headers."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from ils2020_examples import hv, parse_example, sod  # noqa: F401  (fixtures)

from kfcompare.default_plugins.ils2020.goal_tree import parse_goals
from kfcompare.text.lines import numbered


def _find(report, text: str):
    [found] = [(goal, act) for goal, act in report.activities() if act.text.startswith(text)]
    return found


def test_counts_and_deviations(hv, sod):
    acts = [act for _, act in hv.activities()]
    assert len(acts) == 104
    flagged = [act for act in acts if act.deviation]
    assert len(flagged) == 6
    for act, line in zip(flagged, [1163, 1177, 1808, 1825, 1958, 3005]):
        assert act.provenance.first_line <= line <= act.provenance.last_line
    assert len(list(sod.activities())) == 122
    assert not any(act.deviation for _, act in sod.activities())


def test_per_goal_counts_match_the_prose(hv):
    # 'tio av tolv aktiviteter' for nämndmål 1.3.1, two of them with Avvikelse
    per_goal = Counter(goal.number for goal, _ in hv.activities())
    assert per_goal["1.3.1"] == 12
    assert sum(a.deviation for g, a in hv.activities() if g.number == "1.3.1") == 2


def test_dates_on_the_text_line_with_deviation_and_analysis(hv):
    goal, act = _find(hv, "Genomföra övning i krishantering")
    assert goal.number == "1.2.1"
    assert act.text == "Genomföra övning i krishantering"
    assert (act.start, act.end, act.deviation) == (dt.date(2020, 1, 1), dt.date(2020, 12, 31), True)
    assert act.analysis == (
        "Förvaltningen har på grund av den pågående pandemin inte kunnat genomföra någon planerad krisövning."
    )
    assert (act.provenance.first_line, act.provenance.last_line) == (1163, 1166)


def test_dates_alone_after_wrapped_text(hv):
    _, act = _find(hv, "Tillsammans med polisen ta fram")
    assert act.text == "Tillsammans med polisen ta fram en lokal samverkansöverenskommelse inklusive handlingsplan."
    assert (act.start, act.end, act.deviation) == (dt.date(2020, 1, 1), dt.date(2020, 6, 30), False)
    assert act.analysis is None
    _, act = _find(hv, "Barnkonsekvensanalyser och checklistor")
    assert act.end == dt.date(2020, 12, 30)


def test_analysis_after_unflagged_row(hv):
    _, act = _find(hv, "Gränssnittet mot stadens avhopparverksamhet")
    assert not act.deviation
    assert act.analysis.startswith("SIG har under ht 2020 implementerat stadens vägledning")
    assert act.analysis.endswith("båda parterna")


def test_text_cut_by_repeated_header_continues_after_dates(hv, sod):
    _, act = _find(hv, "Arbetsmarknadsnämnden, utbildningsnämnden och stadsdelsnämnderna")
    assert act.text == (
        "Arbetsmarknadsnämnden, utbildningsnämnden och stadsdelsnämnderna ska fortsätta att utveckla stödet "
        "till elever med funktionsnedsättning som går ut ungdomsgymnasiet och gymnasiesärskolan."
    )
    assert (act.provenance.first_line, act.provenance.last_line) == (2557, 2564)
    _, act = _find(sod, "Kulturnämnden ska i samråd med fastighetsnämnden")
    assert act.text.endswith(
        "strategi för gatukonst och muralmålningar i stadsmiljön genom ökad samverkan med "
        "fastighetsägare samt förenklad tillståndshantering."
    )


def test_old_start_dates(sod):
    _, act = _find(sod, "Förskolorna arbetar med pedagogisk dokumentation i digital form.")
    assert act.start == dt.date(2017, 1, 1) and act.end == dt.date(2020, 12, 31)


def test_unit_reports():
    [report] = parse_example("hagersten-alvsjo_ung-fritid_vb_2020.txt")
    acts = [act for _, act in report.activities()]
    assert len(acts) == 19 and sum(a.deviation for a in acts) == 2
    _, act = _find(report, "Förvaltningens verksamheter ska verka för att öka sitt mottagande")
    assert (act.start, act.deviation) == (dt.date(2020, 1, 27), True)
    assert act.analysis.startswith("Enheten har under året tagit emot en praktikant.")
    reports = parse_example("kungsholmen_units_vb_2021.txt")
    assert [len(list(r.activities())) for r in reports] == [5, 7, 15]
    _, act = _find(reports[0], "Genomföra digital föräldrastödsutbildning")
    assert (act.start, act.end) == (dt.date(2021, 4, 19), dt.date(2021, 12, 31))
    [act] = [a for _, a in reports[2].activities() if a.start == dt.date(2019, 1, 13)]
    assert act.text == "Brukarundersökning" and act.end == dt.date(2021, 10, 31)
    assert act.analysis.startswith("brukarundersökning har på grund av de restriktioner")


def test_activity_printed_twice_is_kept_twice():
    text = """Nämndmål:
1.1.1 Mål

 Uppfylls helt

 Aktivitet Startdatum Slutdatum Avvikelse

Samma aktivitet 2020-01-01 2020-12-31

Samma aktivitet 2020-01-01 2020-12-31

Ogiltigt datum 2020-02-30 2020-12-31 Avvikelse
"""
    [goal], warnings = parse_goals(numbered(text.split("\n")), "x.txt")
    assert [a.text for a in goal.activities] == ["Samma aktivitet", "Samma aktivitet", "Ogiltigt datum"]
    assert goal.activities[2].start is None and goal.activities[2].deviation
    assert any("inte ett datum i kalendern" in w.message and w.line == 12 for w in warnings)
