"""Parsed example reports shared by the ILS 2020 tests (parsed once per session)."""

from __future__ import annotations

from pathlib import Path

import pytest

import kfcompare

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def parse_example(name: str) -> list[kfcompare.Report]:
    return kfcompare.parse_file(str(EXAMPLES / name))


@pytest.fixture(scope="session")
def hv() -> kfcompare.Report:
    [report] = parse_example("hasselby-vallingby_vb_2020.txt")
    return report


@pytest.fixture(scope="session")
def sod() -> kfcompare.Report:
    [report] = parse_example("sodermalm_t1_2020.txt")
    return report


@pytest.fixture(scope="session")
def kungsholmen() -> list[kfcompare.Report]:
    return parse_example("kungsholmen_units_vb_2021.txt")


@pytest.fixture(scope="session")
def ung_fritid() -> kfcompare.Report:
    [report] = parse_example("hagersten-alvsjo_ung-fritid_vb_2020.txt")
    return report
