"""``kfcompare check``: findings with file, line and difference; exit 1 on any, 0 when clean."""

from __future__ import annotations

import io

import pytest
from test_compare_helpers import AREA_COLUMNS, SODERMALM, report, row, table

from kfcompare._cli import main
from kfcompare._cli import check_cmd
from kfcompare.hookspecs import RenderContext
from kfcompare.model import Kind


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out, err=io.StringIO())
    return code, out.getvalue().replace("\n    ", " ")  # a finding wrapped to the terminal's width, joined again


def test_sodermalm_findings_and_exit_1():
    code, out = run("check", "examples/sodermalm_t1_2020.txt")
    assert code == 1
    assert (
        "examples/sodermalm_t1_2020.txt:4162: avvikelse: tabellen på rad 4136: varav socialpsykiatri: "
        "Avvikelse = Budget + budgetjusteringar − Prognos = -5,1, tryckt -5,0 (skillnad 0,1)"
    ) in out.splitlines()
    assert "examples/sodermalm_t1_2020.txt:4447: netto: Ekonomiskt bistånd: Netto, Prognos 2020" in out
    assert out.splitlines()[-1].startswith("Södermalm T1 2020: ")


@pytest.mark.parametrize(("forecast", "code"), [("-52,0", 0), ("52,0", 1)])
def test_exit_code_follows_the_findings(monkeypatch, forecast, code):
    """E6 Förskoleverksamhet as printed adds up; with the income sign flipped it does not."""
    e6 = table(SODERMALM, 4261, "Förskoleverksamhet", AREA_COLUMNS, [
        row(SODERMALM, 4266, "Intäkter", "-53,0", "0,0", forecast, "-1,0"),
        row(SODERMALM, 4268, "Kostnader", "506,5", "0,0", "503,5", "3,0"),
        row(SODERMALM, 4270, "Netto", "453,5", "0,0", "451,5", "2,0"),
    ])  # fmt: skip
    clean = report(SODERMALM, "Södermalm", Kind.T1, 2020, budget=[e6])
    monkeypatch.setattr(check_cmd, "comparison_context", lambda args, registry, err, command: RenderContext((clean,), command, {}))
    status, out = run("check", "examples/sodermalm_t1_2020.txt")
    assert status == code
    assert out.splitlines()[-1] == ("Södermalm T1 2020: inga fynd" if code == 0 else "Södermalm T1 2020: 2 fynd")


def test_a_doubtful_row_is_described_in_the_tables_own_column_names():
    code, out = run("check", "examples/hagersten-alvsjo_ung-fritid_vb_2020.txt")
    assert code == 1
    assert (
        "examples/hagersten-alvsjo_ung-fritid_vb_2020.txt:608: kolumntolkning: Andel ungdomar som i stockholmsenkäten "
        "uppger att de inte burit vapen: färre värden än kolumner; läst som Utfall 85, Årsmål 91 %; "
        "andra möjliga läsningar: Utfall 85, KF:s årsmål 91 % | Årsmål 85, KF:s årsmål 91 %"
    ) in out.splitlines()
