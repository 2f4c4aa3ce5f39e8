"""The plugin installed with pip and run through ``kfcompare parse/compare`` in fresh processes.

Expected values are what kfcompare itself reads from the bundled reports (its JSON
export), so the Markdown is checked against the same reading, figure by figure.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kfcompare.testing import install_plugin, run_kfcompare

PLUGIN = Path(__file__).resolve().parent.parent
EXAMPLES = PLUGIN.parent.parent / "examples"
SODERMALM = EXAMPLES / "sodermalm_t1_2020.txt"
HASSELBY = EXAMPLES / "hasselby-vallingby_vb_2020.txt"
ASSESSMENT = {"helt": "Uppfylls helt", "delvis": "Uppfylls delvis", "inte": "Uppfylls inte", "ingen": "Ingen bedömning"}


#: the environment that finds the plugin, installed outside the user's environment
ENV: dict[str, str] = {}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> None:
    ENV.update(install_plugin(PLUGIN, tmp_path_factory.mktemp("markdown_plugin")))


def rows(markdown: str, section: str) -> list[list[str]]:
    """The body rows of the table under '## section', as cells."""
    body = markdown.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in body.splitlines() if line.startswith("| ")][1:]
    return [[c.strip() for c in line.strip("|").split(" | ")] for line in lines]


def walk(goals: list[dict]) -> list[dict]:
    return [g for goal in goals for g in [goal, *walk(goal["goals"])]]


def test_listed_as_an_output_for_parse_and_compare(installed: None) -> None:
    listing = run_kfcompare("plugins", env=ENV).stdout
    assert "entry point (kfcompare-markdown 0.1.0)" in listing
    assert "(parse, compare)" in listing


def test_parse_summary_shows_every_goal_and_indicator_as_read(installed: None, tmp_path: Path) -> None:
    [report] = json.loads(run_kfcompare("parse", SODERMALM, "--format", "json", env=ENV).stdout)
    target = tmp_path / "sodermalm.md"
    run_kfcompare("parse", SODERMALM, "-o", target, env=ENV)  # the .md suffix picks the output
    markdown = target.read_text(encoding="utf-8")
    assert markdown.startswith("# Södermalm T1 2020\n")
    goals = walk(report["goals"])
    assert [(r[1], r[2]) for r in rows(markdown, "Mål")] == [
        (f"{g['number']} {g['title']}" if g["number"] else g["title"], ASSESSMENT.get(g["assessment"], "ej bedömt"))
        for g in goals
    ]
    indicators = [i for g in goals for i in g["indicators"]]
    shown = rows(markdown, "Indikatorer")
    assert len(shown) == len(indicators) > 50
    for row, ind in zip(shown, indicators):
        assert row[1] == " ".join(ind["name"].split()).replace("|", "\\|")
        assert row[2] == (ind["outcome"] or {"raw": "–"})["raw"]
        assert row[5] == (ind["target"] or {"raw": "–"})["raw"]
        assert row[8] == f"{SODERMALM}:{ind['line']}" + (f"-{ind['last_line']}" if ind["last_line"] != ind["line"] else "")


def test_compare_puts_each_reports_assessment_in_its_column(installed: None) -> None:
    markdown = run_kfcompare("compare", SODERMALM, HASSELBY, "--format", "markdown", env=ENV).stdout
    labels = ["Hässelby-Vällingby VB 2020", "Södermalm T1 2020"]
    assert markdown.startswith(f"# Jämförelse: {', '.join(labels)}\n")
    assert "olika perioder jämförs" in markdown  # a T1 beside a VB is said, not hidden
    matrix = {row[0]: row[1:] for row in rows(markdown, "Målbedömningar")}
    for column, path in enumerate([HASSELBY, SODERMALM]):
        [report] = json.loads(run_kfcompare("parse", path, "--format", "json", env=ENV).stdout)
        area = [g for g in walk(report["goals"]) if g["level"] == "area"]
        assert area, path
        for goal in area:
            assert matrix[f"{goal['number']} {goal['title']}"][column] == ASSESSMENT.get(goal["assessment"], "ej bedömt")
    assert rows(markdown, "Indikatorer")


def test_html_and_code_spans_in_report_text_stay_text() -> None:
    import importlib.util

    from kfcompare import parse_text

    # this checkout's module, whatever copy of the plugin an earlier test installed
    spec = importlib.util.spec_from_file_location("markdown_render", PLUGIN / "src" / "kfcompare_markdown" / "render.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    render_report = module.render_report

    lines = SODERMALM.read_text(encoding="utf-8").split("\n")[:525]
    lines[234] = "<img src=x onerror=alert(1)> `kod` & " + lines[234]
    [report] = parse_text("\n".join(lines) + "\n", path="<script>x.txt")
    markdown = render_report(report)
    assert "<img" not in markdown and "<script>" not in markdown
    assert "&lt;img src=x onerror=alert(1)&gt; \\`kod\\` &amp; Andel barn som lever i" in markdown
    assert "Källa: &lt;script&gt;x.txt:1-525" in markdown
