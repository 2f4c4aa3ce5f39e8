"""Print the metamorphic measures: ``python -m tests.metamorphic.report [--full] [--details N]``.

Without ``--full`` the page breaks are put before line k of every row at once (one parse
per k); with it, each break is parsed on its own (minutes).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable

from . import corpus, harness, transforms
from .compare import OUTCOMES
from .harness import Measure


def measures(
    full: bool = False, only: str | None = None, keep: int = 20, names: tuple[str, ...] = corpus.NAMES
) -> Iterable[Measure]:
    mode = "sweep" if full else "batch"
    jobs = [(f"page break: {kind}", lambda kind=kind: harness.page_family(kind, names, mode, keep)) for kind in transforms.PAGE_KINDS]
    jobs += [(label, lambda label=label: harness.extractor(label, names, keep)) for label in transforms.EXTRACTOR]
    jobs += [("other district names", lambda: harness.districts(names, keep, None if full else 3))]
    jobs += [("other unit names", lambda: harness.units(names, keep))]
    jobs += [(label, lambda label=label: harness.reorder(label, names, keep)) for label in transforms.REORDER]
    for label, job in jobs:
        if only is None or re.search(only, label):
            yield job()


def table(rows: Iterable[Measure]) -> str:
    head = ("transformation", "units", *OUTCOMES, "other")
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    total: dict[str, int] = dict.fromkeys((*OUTCOMES, "units", "other"), 0)
    for m in rows:
        cells = [m.name, str(m.units), *(str(m.counts[o]) for o in OUTCOMES), f"{m.other}/{m.texts}"]
        lines.append(" | ".join(cells))
        for o in OUTCOMES:
            total[o] += m.counts[o]
        total["units"] += m.units
        total["other"] += m.other
    lines.append(" | ".join(["total", str(total["units"]), *(str(total[o]) for o in OUTCOMES), str(total["other"])]))
    return "\n".join(f"| {line} |" for line in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--full", action="store_true", help="each page break parsed on its own; every district name")
    parser.add_argument("--only", help="run the transformations whose name matches this regular expression")
    parser.add_argument("--details", type=int, default=0, help="print up to N differences per transformation")
    parser.add_argument("--example", action="append", choices=corpus.NAMES, help="only this example (repeatable)")
    args = parser.parse_args(argv)
    done = []
    for m in measures(args.full, args.only, max(args.details, 1), tuple(args.example or corpus.NAMES)):
        done.append(m)
        print(f"{m.name}: {dict(m.counts)} other {m.other}/{m.texts}", file=sys.stderr)
        for d in m.details[: args.details]:
            print("    " + d, file=sys.stderr)
    print(table(done))
    return 0


if __name__ == "__main__":
    sys.exit(main())
