"""Text is never lost silently: markup nested deeper than the parsers read is refused with a reason, and what they
can read keeps all its text. Through `feedsvc parse --json`."""

from __future__ import annotations

import json

from conftest import feedsvc_cli

DEEP = 100_000


def parse(tmp_path, files: dict[str, str]) -> dict[str, dict]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = feedsvc_cli("parse", "--json", *files, cwd=tmp_path, env={"FEEDSVC_DATABASE": str(tmp_path / "db")},
                         timeout=120)
    return {o["file"]: o for o in map(json.loads, result.stdout.splitlines())}


def test_markup_nested_deeper_than_can_be_read_is_refused_not_published_empty_or_in_part(tmp_path):
    results = parse(tmp_path, {
        "divs.html": "<html><body><h1>Statement on the talks</h1>" + "<div>" * DEEP
                     + "<p>The text that would be lost.</p>" + "</div>" * DEEP + "</body></html>",
        "divs-after-a-lead.html": "<html><body><h1>Statement on the talks</h1><p>The lead survives.</p>"
                                  + "<div>" * DEEP + "<p>The rest would be lost.</p>" + "</div>" * DEEP
                                  + "</body></html>",
        "quotes.md": "# Statement on the talks\n\n" + ">" * DEEP + " The text that would be lost.\n",
        "quotes-after-a-lead.md": "# Statement on the talks\n\nThe lead survives.\n\n" + ">" * DEEP
                                  + " The rest would be lost.\n",
        "lists.md": "# Statement on the talks\n\n" + "".join("  " * i + f"- point {i}\n" for i in range(300)),
        "emphasis.md": "# Statement on the talks\n\n" + "*" * 5000 + "lost" + "*" * 5000 + "\n",
    })
    for name, result in results.items():
        assert result["status"] == "rejected", (name, result.get("body", "")[:100])
        assert "nested too deeply" in result["reason"] and "no half" in result["reason"], name


def test_nesting_the_parsers_can_read_keeps_every_word(tmp_path):
    results = parse(tmp_path, {
        "divs.html": "<html><body><h1>Statement on the talks</h1><p>The lead.</p>" + "<div>" * 200
                     + "<p>The deep paragraph.</p>" + "</div>" * 200 + "</body></html>",
        "quotes.md": "# Statement on the talks\n\nThe lead.\n\n" + ">" * 60 + " The deep paragraph.\n",
        "lists.md": "# Statement on the talks\n\n" + "".join("  " * i + f"- point {i}\n" for i in range(30)),
    })
    assert results["divs.html"]["body"].endswith("The deep paragraph.")
    assert results["quotes.md"]["body"].endswith("The deep paragraph.")
    assert results["lists.md"]["body"].split("\n\n") == [f"point {i}" for i in range(30)]
