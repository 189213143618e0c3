"""Score the extractor on the development reports in tests/reports.

Usage: python benchmarks/bench_reports.py [--case NAME] [--keep DIR] [--json]

For every tests/reports/*.txt with a gold file tests/reports/gold/<stem>.json,
the library is run once (publication date from the gold's document.published),
its contract JSON is written as <stem>.json to a temporary folder, and the
shared scorer (../shared/eval/score.py) is run over the folder. Its output is
printed: one line per case, the totals and the final "score:" line.

--case NAME scores one case (NAME is the file stem or a unique prefix such as
"003") and prints the scorer's full details for it: pairs, wrong fields,
missed and spurious incidents and claims, missed casualty reports, must_not hits.
--keep DIR writes the system files to DIR (kept) instead of a temporary folder.
--json passes --json to the scorer.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "tests" / "reports"
GOLD_DIR = REPORTS / "gold"
SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


def cases(selected: str | None) -> list[tuple[Path, Path]]:
    """(text, gold) pairs, sorted; only the one named by --case if given."""
    found = [(txt, GOLD_DIR / f"{txt.stem}.json") for txt in sorted(REPORTS.glob("*.txt"))]
    found = [(txt, gold) for txt, gold in found if gold.exists()]
    if selected is None:
        return found
    exact = [pair for pair in found if pair[0].stem == selected]
    chosen = exact or [pair for pair in found if pair[0].stem.startswith(selected)]
    if len(chosen) != 1:
        names = ", ".join(txt.stem for txt, _ in chosen) or "none"
        raise SystemExit(f"--case {selected!r} matches {len(chosen)} cases ({names}); "
                         f"cases: {', '.join(txt.stem for txt, _ in found)}")
    return chosen


def published(gold: Path) -> date | None:
    value = json.loads(gold.read_text(encoding="utf-8")).get("document", {}).get("published")
    return date.fromisoformat(value) if value else None


def run_system(pairs: list[tuple[Path, Path]], out_dir: Path) -> None:
    """Extract each report once and write its contract JSON as <stem>.json."""
    from marsad.export.contract import contract
    from marsad.extract import default_pipeline, extract
    from marsad.ingest import read_path

    pipeline = default_pipeline()
    for txt, gold in pairs:
        doc = read_path(txt, published(gold))
        result = list(extract([doc], pipeline))
        (out_dir / f"{txt.stem}.json").write_text(
            json.dumps(contract(result), ensure_ascii=False, indent=1), encoding="utf-8")


def score(pairs: list[tuple[Path, Path]], out_dir: Path, as_json: bool) -> int:
    if len(pairs) == 1:
        txt, gold = pairs[0]
        command = [sys.executable, str(SCORER), "--gold", str(gold), "--system", str(out_dir / f"{txt.stem}.json")]
    else:
        command = [sys.executable, str(SCORER), "--gold-dir", str(GOLD_DIR), "--system-dir", str(out_dir)]
    if as_json:
        command.append("--json")
    return subprocess.run(command, cwd=ROOT).returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", help="score one case (file stem or unique prefix) with full details")
    parser.add_argument("--keep", type=Path, help="write the system files here and keep them")
    parser.add_argument("--json", action="store_true", help="print the scorer's full JSON result")
    args = parser.parse_args()
    if not SCORER.exists():
        raise SystemExit(f"scorer not found: {SCORER}")
    pairs = cases(args.case)
    if not pairs:
        raise SystemExit(f"no reports with gold files in {REPORTS}")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        run_system(pairs, args.keep)
        return score(pairs, args.keep, args.json)
    with tempfile.TemporaryDirectory(prefix="marsad-reports-") as tmp:
        run_system(pairs, Path(tmp))
        return score(pairs, Path(tmp), args.json)


if __name__ == "__main__":
    sys.exit(main())
