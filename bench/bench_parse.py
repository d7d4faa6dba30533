"""Parse a few thousand generated releases (all formats, built from the samples); print releases/s, read in this
process (as before issue 11) and through the reader processes (feedsvc.readpool), side by side.

Run: python bench/bench_parse.py [--per-format N]

"in process" calls feedsvc.readers.read_release on one core. "1 reader process" sends every file through the
pool with read_workers=1 (the cost of the isolation: a pickle each way and a JSON answer); "2 reader processes" is
the default setting, reading two files at once on a 2-core machine. The pool's processes are started and warmed
up before the clock starts.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import machine, table  # noqa: E402
from pdfgen import make_pdf  # noqa: E402

from feedsvc.models import Release  # noqa: E402
from feedsvc.readers import ReaderOptions, read_release  # noqa: E402
from feedsvc.readpool import Budget, ReadPool  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "tests" / "data" / "samples" / "releases"
MONTHS = "January February March April May June July August September October November December".split()
RU_MONTHS = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()


def _paragraphs(rng: random.Random, pool: list[str], n: int) -> list[str]:
    return [rng.choice(pool) for _ in range(n)]


def _pool() -> list[str]:
    pool = []
    for path in SAMPLES.glob("*.txt"):
        data = path.read_bytes()
        for enc in ("utf-16", "utf-8", "cp1251"):
            try:
                text = data.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        pool.extend(p.replace("\n", " ").strip() for p in text.split("\n\n") if len(p) > 80)
    return pool


def _wrap(text: str, width: int) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines)


def generate(per_format: int, seed: int = 7) -> dict[str, list[tuple[str, bytes]]]:
    """Releases per format: varied titles, dates, paragraph counts and shapes."""
    import docx

    rng = random.Random(seed)
    pool = _pool()
    ru_pool = [p for p in pool if any("а" <= c <= "я" for c in p[:40])]
    en_pool = [p for p in pool if p not in ru_pool]
    out: dict[str, list[tuple[str, bytes]]] = {k: [] for k in ("txt", "md", "html", "docx", "pdf")}
    for i in range(per_format):
        day = datetime(2019, 1, 1) + timedelta(days=rng.randrange(2500))
        ru = rng.random() < 0.3
        paras = _paragraphs(rng, ru_pool if ru else en_pool, rng.randint(2, 9))
        title = (f"Заявление № {i} о переговорах министров" if ru
                 else f"Statement {i} on the talks between the ministers of foreign affairs")
        dateline = (f"{day.day} {RU_MONTHS[day.month - 1]} {day.year} года" if ru
                    else f"{day.day} {MONTHS[day.month - 1]} {day.year}")
        shape = i % 3
        if shape == 0:
            body = "\n\n".join(paras)
        elif shape == 1:
            body = "\n\n".join(_wrap(p, 90) for p in paras)
        else:
            body = "\n\n".join(_wrap(p, 100).replace("\n", "\n\n") for p in paras)
        text = f"{title}\n\n{dateline}\n\n{body}\n"
        out["txt"].append((f"r{i}.txt", text.encode("cp1251" if ru and i % 2 else "utf-8", "replace")))
        md = (f"---\ntitle: \"{title}\"\ndate: {day:%Y-%m-%d}\ntags: [a, b]\n---\n\n# {title}\n\n"
              + "\n\n".join(f"{p} **{i}**" for p in paras) + "\n")
        out["md"].append((f"r{i}.md", md.encode()))
        page = (f"<!DOCTYPE html><html lang=\"{'ru' if ru else 'en'}\"><head><meta charset=\"utf-8\"><title>{title} - "
                f"Ministry</title><meta property=\"article:published_time\" content=\"{day:%Y-%m-%dT10:00:00+03:00}\">"
                "</head><body><nav><a href=\"/\">Home</a></nav><main><h1>" + title + "</h1><div class=\"date\">"
                + dateline + "</div><div class=\"text\">" + "".join(f"<p>{p} <a href=\"/x/{i}\">link</a></p>"
                                                                   for p in paras)
                + "</div></main><footer>Footer</footer></body></html>")
        out["html"].append((f"r{i}.html", page.encode()))
    for i in range(max(1, per_format // 4)):
        day = datetime(2019, 1, 1) + timedelta(days=rng.randrange(2500))
        paras = _paragraphs(rng, en_pool, rng.randint(2, 8))
        document = docx.Document()
        document.add_paragraph(f"Press release {i} on the consultations", style="Title")
        document.add_paragraph(f"{day.day} {MONTHS[day.month - 1]} {day.year}")
        for p in paras:
            document.add_paragraph(p)
        buf = io.BytesIO()
        document.save(buf)
        out["docx"].append((f"r{i}.docx", buf.getvalue()))
        lines = [f"Press release {i} on the consultations", "", f"{day.day} {MONTHS[day.month - 1]} {day.year}", ""]
        for p in paras:
            lines.extend(_wrap(p, 95).split("\n"))
            lines.append("")
        out["pdf"].append((f"r{i}.pdf", make_pdf([lines[:60], lines[60:] or ["End of the release."]])))
    return out


def through_pool(pool: ReadPool, items: list[tuple[str, bytes]], modified: datetime,
                 options: ReaderOptions) -> tuple[int, float]:
    """Read every file in the reader processes (all queued at once; the pool reads as many side by side as it
    has workers)."""
    start = time.perf_counter()
    tickets = [pool.submit(name, name, data, modified, options) for name, data in items]
    pool.wait(tickets, everything=True)
    elapsed = time.perf_counter() - start
    return sum(isinstance(t.result, Release) for t in tickets), elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-format", type=int, default=1000, help="txt/md/html files (docx and pdf: a quarter)")
    args = parser.parse_args()
    files = generate(args.per_format)
    options = ReaderOptions(zone=ZoneInfo("Europe/Moscow"))
    modified = datetime.now(UTC)
    pools = {workers: ReadPool(Budget(workers=workers), "WARNING") for workers in (1, 2)}
    warm_up = files["txt"][:20]
    for name, data in warm_up:  # the same warm-up (imports and caches) for every way of reading
        read_release(name, data, modified, options)
    for pool in pools.values():
        through_pool(pool, warm_up * 2, modified, options)
    ways = ["in process", "1 reader process", "2 reader processes"]
    totals = {way: [0, 0.0] for way in ways}
    rows = []
    try:
        for fmt, items in files.items():
            row = [fmt, len(items)]
            start = time.perf_counter()
            ok = sum(isinstance(read_release(name, data, modified, options), Release) for name, data in items)
            results = [(ok, time.perf_counter() - start)]
            results += [through_pool(pools[workers], items, modified, options) for workers in (1, 2)]
            for way, (ok, elapsed) in zip(ways, results, strict=True):
                row += [ok, f"{len(items) / elapsed:.0f}"]
                totals[way][0] += len(items)
                totals[way][1] += elapsed
            rows.append(row)
    finally:
        for pool in pools.values():
            pool.close()
    header = ["format", "files"]
    for way in ways:
        header += ["ok", f"{way} /s"]
    print(f"machine: {machine()}")
    print(table(rows, header))
    rates = {way: n / t for way, (n, t) in totals.items()}
    print()
    print("SUMMARY parse: all formats " + ", ".join(f"{rates[w]:.0f} releases/s {w}" for w in ways)
          + f" (isolation costs {100 * (1 - rates['1 reader process'] / rates['in process']):.0f}% on one core)")


if __name__ == "__main__":
    main()
