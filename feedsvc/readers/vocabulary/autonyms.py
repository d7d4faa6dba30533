"""Every language's name in that language ("english", "русский", "català"), from CLDR through Babel, written to
`language_names.txt`. Loading all of CLDR's locales takes some 150 MB, so the readers read the written list.

Regenerate after upgrading Babel: python -m feedsvc.readers.vocabulary.autonyms
"""

from __future__ import annotations

from pathlib import Path

FILE = Path(__file__).with_name("language_names.txt")


def generate() -> list[str]:
    """The names, lower case and sorted, of every base locale CLDR has."""
    from babel import Locale
    from babel.localedata import locale_identifiers

    found = set()
    for code in locale_identifiers():
        if "_" in code:
            continue
        try:
            name = Locale.parse(code).get_display_name(code)
        except (ValueError, LookupError):
            continue
        if name:
            found.add(name.lower())
    return sorted(found)


def main() -> None:
    import babel

    names = generate()
    FILE.write_text(f"# {len(names)} languages by their own names, from CLDR (Babel {babel.__version__}); "
                    "regenerate with: python -m feedsvc.readers.vocabulary.autonyms\n" + "\n".join(names) + "\n",
                    encoding="utf-8")


if __name__ == "__main__":
    main()
