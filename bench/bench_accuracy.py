"""How often the readers get a real release right: title, date, summary and language, against the corpus's truth.

Run: python bench/bench_accuracy.py [--misses] [--only BATCH] [DIR ...]

Reads every batch under tests/data/corpus (each a folder with its files and a truth.json) and the samples
(tests/data/samples, expected.json), or the folders given. A field counts as right the way the
corpus's truth files are scored: the title equal after Unicode NFC, collapsed white space and folded curly
apostrophes; the publication day (and the same instant where the truth gives a time and offset); the summary
starting with one of the accepted openings; the same primary language subtag. Each file is read with the
modification time its truth names, in the shipped configuration's time zone (Europe/Moscow).

Prints the share right per field overall, per shape, per language, per publisher and per batch, then every miss
(with --misses), and a SUMMARY line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import logging  # noqa: E402

from feedsvc.models import Release  # noqa: E402
from feedsvc.readers import ReaderOptions, read_release  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"
SAMPLES = ROOT / "tests" / "data" / "samples"
FIELDS = ("title", "date", "summary", "language")
ZONE = ZoneInfo("Europe/Moscow")


@dataclass(frozen=True)
class Case:
    batch: str
    path: Path
    truth: dict

    @property
    def day(self) -> str:
        return self.truth.get("published") or self.truth.get("date")

    @property
    def modified(self) -> datetime:
        stamp = self.truth.get("mtime") or f"{self.day}T12:00:00Z"
        return datetime.fromisoformat(stamp.replace("Z", "+00:00"))

    def label(self, key: str) -> str:
        if key == "shape":
            return self.truth.get("shape") or ("sample" if self.batch == "samples" else "?")
        if key == "language":
            return self.truth.get("language", "?")
        if key == "publisher":
            return self.truth.get("publisher") or f"({self.batch})"
        return self.batch


def load_cases(folders: list[Path]) -> list[Case]:
    cases = []
    for folder in folders:
        truth_file = next((p for p in (folder / "truth.json", folder / "expected.json") if p.exists()), None)
        if truth_file is None:
            continue
        batch = "samples" if folder == SAMPLES else folder.name
        files = folder / "releases" if (folder / "releases").is_dir() else folder
        for row in json.loads(truth_file.read_text(encoding="utf-8")):
            cases.append(Case(batch, files / row["file"], row))
    return cases


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip().replace("\u2019", "'")


def judge(case: Case, result) -> dict[str, tuple[bool, str, str]]:
    """Each field: (right, what the reader gave, what the truth wants)."""
    t = case.truth
    if not isinstance(result, Release):
        reason = f"rejected: {getattr(result, 'reason', result)}"
        return {f: (False, reason, str(t.get(f if f != "date" else "published") or case.day)) for f in FIELDS}
    published = result.published.astimezone(ZONE)
    if t.get("time") and t.get("utc_offset"):
        want = datetime.fromisoformat(f"{case.day}T{t['time']}{t['utc_offset']}")
        date_ok = published == want
    else:
        date_ok = published.date().isoformat() == case.day
    starts = [t.get("summary_starts"), *_alternatives(t.get("summary_alt_starts"))]
    summary_ok = any(norm(result.summary).startswith(norm(s)) for s in starts if s)
    return {
        "title": (norm(result.title) == norm(t["title"]), result.title, t["title"]),
        "date": (date_ok, published.isoformat(), case.day),
        "summary": (summary_ok, result.summary[:90], t.get("summary_starts") or ""),
        "language": ((result.language or "")[:2] == (t.get("language") or "")[:2], result.language,
                     t.get("language", "")),
    }


def _alternatives(value) -> list[str]:
    if not value:
        return []
    return [value] if isinstance(value, str) else list(value)


def run(cases: list[Case]) -> tuple[list[tuple[Case, dict]], float]:
    options = ReaderOptions(zone=ZONE, now=datetime.now(UTC))
    results = []
    started = time.perf_counter()
    for case in cases:
        result = read_release(case.path.name, case.path.read_bytes(), case.modified, options)
        results.append((case, judge(case, result)))
    return results, time.perf_counter() - started


def table(results: list[tuple[Case, dict]], key: str) -> list[str]:
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: {f: [0, 0] for f in FIELDS})
    for case, verdict in results:
        for field, (ok, _, _) in verdict.items():
            cell = counts[case.label(key)][field]
            cell[0] += ok
            cell[1] += 1
    width = max(len(k) for k in counts) if counts else 10
    lines = [f"{key:<{width}}  " + "  ".join(f"{f:>12}" for f in FIELDS) + "   all four"]
    for name in sorted(counts):
        row = counts[name]
        n = row["title"][1]
        all_right = sum(1 for case, v in results if case.label(key) == name and all(ok for ok, _, _ in v.values()))
        lines.append(f"{name[:width]:<{width}}  " + "  ".join(_cell(*row[f]) for f in FIELDS)
                     + f"   {all_right}/{n}")
    return lines


def _cell(right: int, total: int) -> str:
    return f"{right}/{total} {100 * right / total:3.0f}%".rjust(12) if total else " " * 12


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, help="corpus folders (default: every batch and the samples)")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument("--only", help="only this batch of tests/data/corpus")
    args = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)
    folders = args.folders or [
        *(p for p in sorted(CORPUS.iterdir()) if p.is_dir() and (not args.only or p.name == args.only)),
        *([SAMPLES] if not args.only else []),
    ]
    cases = load_cases(folders)
    results, seconds = run(cases)
    corpus = [(c, v) for c, v in results if c.batch != "samples"]
    publishers = {re.split(r"\s*[(,]", c.label("publisher"))[0] for c, _ in corpus}  # one per organisation
    print(f"{len(corpus)} real releases of {len(publishers)} publishers, "
          f"{len(results) - len(corpus)} samples; read in {seconds:.1f} s\n")
    for key in ("shape", "language", "batch", "publisher"):
        print("\n".join(table(results if key == "batch" else corpus, key)))
        print()
    if args.misses:
        for case, verdict in results:
            for field, (ok, got, want) in verdict.items():
                if not ok:
                    print(f"miss {field:8} {case.batch}/{case.path.name}: {got!r}\n"
                          f"{'':14}want {want!r}")
    totals = {f: sum(v[f][0] for _, v in corpus) for f in FIELDS}
    samples = [v for c, v in results if c.batch == "samples"]
    n = len(corpus) or 1
    print("SUMMARY " + " ".join(f"{f}={100 * totals[f] / n:.1f}%" for f in FIELDS)
          + f" all_four={sum(1 for _, v in corpus if all(ok for ok, _, _ in v.values()))}/{len(corpus)}"
          + f" releases={len(corpus)} publishers={len(publishers)}"
          + f" samples_all_four={sum(1 for v in samples if all(ok for ok, _, _ in v.values()))}/{len(samples)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
