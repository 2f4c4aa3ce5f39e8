"""An extract whose line ends carry no break signal (trailing spaces stripped, or one on every
line) is warned about once and its rows joined over lines are flagged ``uncertain-join``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import kfcompare
from kfcompare.text.lines import numbered
from kfcompare.text.wraps import UNCERTAIN_JOIN, missing_wrap_signal

from ils2020_examples import sod  # noqa: F401  (fixture)

EXAMPLE = Path(__file__).parent.parent / "examples" / "sodermalm_t1_2020.txt"


def _goals(reports: list[kfcompare.Report]) -> list[kfcompare.Goal]:
    found: list[kfcompare.Goal] = []
    stack = [goal for report in reports for goal in report.goals]
    while stack:
        goal = stack.pop()
        found.append(goal)
        stack.extend(goal.goals)
    return found


def _indicators(reports: list[kfcompare.Report]) -> dict[int, kfcompare.Indicator]:
    return {i.provenance.first_line: i for goal in _goals(reports) for i in goal.indicators}


def _activities(reports: list[kfcompare.Report]) -> dict[int, kfcompare.Activity]:
    return {a.provenance.first_line: a for goal in _goals(reports) for a in goal.activities}


def _variant(tmp_path: Path, name: str, edit: Callable[[str], str]) -> list[kfcompare.Report]:
    lines = EXAMPLE.read_text(encoding="utf-8").split("\n")
    path = tmp_path / name
    path.write_text("\n".join(edit(line) for line in lines), encoding="utf-8")
    return kfcompare.parse_file(str(path))


def test_the_examples_keep_their_signal(sod: kfcompare.Report) -> None:  # noqa: F811
    report = sod
    assert not [w for w in report.warnings if w.code == UNCERTAIN_JOIN]
    assert not [i for i in _indicators([report]).values() if UNCERTAIN_JOIN in i.flags]


def test_stripped_trailing_spaces_are_read_again_from_the_words(
    tmp_path: Path, sod: kfcompare.Report  # noqa: F811
) -> None:
    """'… som upplever ' + 'trygghet …' and 'Fastställs' split over lines: without the line-end
    spaces the words the report uses elsewhere tell the breaks apart again, unflagged."""
    original = _indicators([sod])[650]
    assert original.name == "Andel stockholmare som upplever trygghet i den stadsdel där man bor"
    reports = _variant(tmp_path, "stripped.txt", str.rstrip)
    warnings = [w for r in reports for w in r.warnings if w.code == UNCERTAIN_JOIN]
    assert len(warnings) == 1 and "radslutens mellanslag saknas" in warnings[0].message
    read = _indicators(reports)[650]
    assert (read.name, read.flags) == (original.name, ())
    assert read.target is not None and read.target.raw == "80 %"
    assert (read.target, read.kf_target, read.outcome) == (original.target, original.kf_target, original.outcome)
    activity = _activities(reports)[351]
    assert activity.flags == () and activity.text == _activities([sod])[351].text


def test_a_break_the_words_cannot_settle_flags_its_row_and_keeps_its_values(
    tmp_path: Path, sod: kfcompare.Report  # noqa: F811
) -> None:
    """'Antal aspiranter som fått' + 'Stockholmsjobb': a capital after a narrow cell's line may
    go on or start anew; read as going on, and flagged."""
    original = _indicators([sod])[270]
    assert original.name == "Antal aspiranter som fått Stockholmsjobb"
    read = _indicators(_variant(tmp_path, "stripped.txt", str.rstrip))[270]
    assert read.name == original.name and UNCERTAIN_JOIN in read.flags
    assert (read.outcome, read.target, read.kf_target) == (original.outcome, original.target, original.kf_target)


def test_a_space_on_every_line_is_no_signal_either(tmp_path: Path, sod: kfcompare.Report) -> None:  # noqa: F811
    reports = _variant(tmp_path, "added.txt", lambda line: line + " ")
    assert len([w for r in reports for w in r.warnings if w.code == UNCERTAIN_JOIN]) == 1
    assert _indicators(reports)[650].name == _indicators([sod])[650].name
    assert UNCERTAIN_JOIN in _indicators(reports)[270].flags


def test_missing_wrap_signal_needs_many_mid_sentence_wraps() -> None:
    wrapped = ["Andel barn som", "lever i familjer"] * 12
    assert missing_wrap_signal(numbered(wrapped)) == 1
    assert missing_wrap_signal(numbered([wrapped[0] + " ", *wrapped[1:]])) is None  # one line has the signal
    assert missing_wrap_signal(numbered([s + " " for s in wrapped])) == 1  # every line has it: none does
    assert missing_wrap_signal(numbered(["Rubrik", "Mål 1."] * 12)) is None  # nothing wraps mid-sentence
    assert missing_wrap_signal(numbered(wrapped[:10])) is None  # too short to tell


def test_budget_labels_wrapped_over_lines_are_read_again_or_flagged(
    tmp_path: Path, sod: kfcompare.Report  # noqa: F811
) -> None:
    """'Månadsinsatser hemtjänst' + 'ordinärt boende' is settled by the words; 'vård-' +
    'och omsorgsboende' (the reports also print 'språk-och') is a guess and flagged."""

    def row_at(reports: list[kfcompare.Report], first: int) -> kfcompare.BudgetRow:
        return next(
            row for r in reports for t in r.budget for row in t.rows if row.provenance.first_line == first
        )

    stripped = _variant(tmp_path, "stripped.txt", str.rstrip)
    settled, original = row_at(stripped, 4343), row_at([sod], 4343)
    assert settled.label == original.label == "Månadsinsatser hemtjänst ordinärt boende"
    assert settled.flags == () and settled.values == original.values and len(original.values) > 1
    guessed, original = row_at(stripped, 4353), row_at([sod], 4353)
    assert guessed.label == original.label == "Antal personer med vård- och omsorgsboende"
    assert UNCERTAIN_JOIN in guessed.flags and UNCERTAIN_JOIN not in original.flags
    assert guessed.values == original.values


def test_a_plan_with_a_space_on_every_line_rejoins_its_split_words(tmp_path: Path) -> None:
    """2012 plans: a space on every line end is dropped, so 'incidentrap- ' + 'porteringssystemet'
    is a split word again while 'skade- ' + 'och' keeps its dash."""
    plan = EXAMPLE.with_name("hasselby-vallingby_vp_2012.txt")
    original = _activities(kfcompare.parse_file(str(plan)))[1254]
    assert original.text.endswith("i skade- och incidentrapporteringssystemet RISK.")
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(line + " " for line in plan.read_text(encoding="utf-8").split("\n")), encoding="utf-8")
    assert _activities(kfcompare.parse_file(str(path)))[1254].text == original.text


def test_a_name_tail_after_a_page_break_or_a_gap_is_read_from_the_words(tmp_path: Path) -> None:
    """A name cut by its values and a repeated header ('stockholmsenkäten' / values / header /
    'uppger att …'), and a 2021 name with an empty line inside it ('stadens' / '' /
    'ANDT-förebyggande'): without line-end spaces the words settle both breaks."""
    for name, first, expected in (
        ("hasselby-vallingby_vb_2020.txt", 2452, "Andel ungdomar som i stockholmsenkäten uppger att de inte använder alkohol"),
        ("kungsholmen_units_vb_2021.txt", 200, "Indexvärde för stadens ANDT-förebyggande arbete enligt Preventionsindex mini"),
    ):
        original = _indicators(kfcompare.parse_file(str(EXAMPLE.with_name(name))))[first]
        assert original.name == expected
        path = tmp_path / name
        lines = EXAMPLE.with_name(name).read_text(encoding="utf-8").split("\n")
        path.write_text("\n".join(line.rstrip() for line in lines), encoding="utf-8")
        read = _indicators(kfcompare.parse_file(str(path)))[first]
        assert (read.name, read.flags) == (expected, ())
        assert (read.outcome, read.target) == (original.outcome, original.target)


def test_a_plan_without_its_separator_lines_ends_comments_and_decisions_where_rows_start(tmp_path: Path) -> None:
    """2012 plans part rows, comments and the signature by lines of spaces; stripped, a
    comment ends where a row starts after a full sentence, the decisions at the signature."""
    plan = EXAMPLE.with_name("hasselby-vallingby_vp_2012.txt")
    original = kfcompare.parse_file(str(plan))[0]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(line.rstrip() for line in plan.read_text(encoding="utf-8").split("\n")), encoding="utf-8")
    read = kfcompare.parse_file(str(path))[0]
    assert read.decisions[-1].text == original.decisions[-1].text
    assert read.decisions[-1].text.endswith("inrättar resultatenheten Profilboendet Liviagården.")
    names = [i.name for _, i in read.indicators()]
    assert names == [i.name for _, i in original.indicators()]
    assert "Andel barn som lever i familjer som är beroende av ekonomiskt bistånd" in names
