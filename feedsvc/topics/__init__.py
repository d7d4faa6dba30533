"""What a release is about, found in its own text: countries, international organisations, people, and its tags.

Nobody types these: a release is read, then its title and body are searched for the names in the gazetteer
(`gazetteer.py`, with the names as data in `data/`), for people named with their office (`people.py`), and its
front-matter tags become topics too. A country or organisation is one topic whatever the language and grammatical
form of the mention; a person written in two scripts is one topic where the transliteration finds them the same
(`names.py`).
"""

from __future__ import annotations

import bisect
import dataclasses
import logging
import re

from feedsvc.lognames import quote
from feedsvc.models import Release, ReleaseIndex, Topic
from feedsvc.topics import people
from feedsvc.topics.gazetteer import countries, find_names, organisations, slugify
from feedsvc.topics.names import latin
from feedsvc.words import fold, terms_of, tokens

__all__ = ["find_topics", "indexed", "with_topics"]

log = logging.getLogger(__name__)

KIND_ORDER = {"country": 0, "organisation": 1, "person": 2, "tag": 3}
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")  # addresses name no topic ("?lang=en-US")
MAX_TAG = 80  # characters: a longer "tag" is a sentence pasted into the front matter, not a tag
# A transcript of megabytes is read in its first part: topics are named early, and the whole would take seconds.
TOPIC_TEXT = 200_000  # characters searched for topics and compared for translations
SEARCH_TEXT = 1_000_000  # characters of a release that searches find words in


def indexed(name: str, release: Release, zone) -> Release:
    """The release as the store keeps it: with its calendar day (in the deployment's `zone`) and its topics and
    search index. The reader processes run this after reading; a failure here costs the topics, never the
    release."""
    start = release.available_from or release.published
    release = dataclasses.replace(release, day=start.astimezone(zone).date())
    try:
        return with_topics(release)
    except Exception:
        log.exception("finding the topics of %s failed; it is published without them", quote(name))
        return release


def with_topics(release: Release) -> Release:
    """The release with the topics of its title, body and tags, and what search and translation pairing keep of
    it (models.ReleaseIndex): its text is cut into words once for all three."""
    from feedsvc.translations import fingerprint

    text = _text(release.title, release.body[:SEARCH_TEXT])
    words = tokens(text)
    head = text[:TOPIC_TEXT]
    head_words = words[:bisect.bisect_left([w.end for w in words], len(head))] if len(text) > TOPIC_TEXT else words
    release = dataclasses.replace(release, topics=_find(head, head_words, release.language, release.tags))
    index = ReleaseIndex(" ".join(terms_of(words, release.language)),
                         fingerprint(release, words=head_words).to_json())
    return dataclasses.replace(release, index=index)


def _text(title: str, body: str) -> str:
    return _URL.sub(lambda m: " " * len(m.group()), f"{title}\n\n{body}")


def find_topics(title: str, body: str, language: str, tags: tuple[str, ...] = ()) -> tuple[Topic, ...]:
    """The topics of one release, countries first, then organisations, people and tags, each in the order of
    their first mention."""
    text = _text(title, body)
    return _find(text, tokens(text), language, tags)


def _find(text: str, words: list, language: str, tags: tuple[str, ...]) -> tuple[Topic, ...]:
    matches = find_names(words, language)
    first_seen: dict[str, int] = {}
    for m in matches:
        if m.topic and not m.requires:
            first_seen.setdefault(m.topic, m.first)
    for m in matches:
        if m.topic and m.requires and f"organisation:{m.requires}" in first_seen:
            first_seen.setdefault(m.topic, m.first)
    for key, at in list(first_seen.items()):
        kind, _, slug = key.partition(":")
        if kind == "organisation":
            for parent in _parents(slug):
                first_seen.setdefault(f"organisation:{parent}", at)
    found = [(KIND_ORDER[key.partition(":")[0]], at, _topic(key)) for key, at in first_seen.items()]
    for person, at in people.find_people(text, words, matches, language):
        found.append((KIND_ORDER["person"], at, person))
    found.sort(key=lambda row: (row[0], row[1]))
    out: list[Topic] = []
    seen: set[tuple[str, str]] = set()
    for _, _, topic in found:
        if (topic.kind, topic.key) not in seen:
            seen.add((topic.kind, topic.key))
            out.append(topic)
    for topic in tag_topics(tags, language):
        if (topic.kind, topic.key) not in seen:
            seen.add((topic.kind, topic.key))
            out.append(topic)
    return tuple(out)


def _parents(slug: str) -> list[str]:
    out = []
    todo = list(organisations()[slug].part_of)
    while todo:
        parent = todo.pop()
        if parent not in out:
            out.append(parent)
            todo.extend(organisations()[parent].part_of)
    return out


def _topic(key: str) -> Topic:
    kind, _, ident = key.partition(":")
    if kind == "country":
        country = countries()[ident]
        return Topic("country", country.code, country.name, country.slug)
    organisation = organisations()[ident]
    return Topic("organisation", organisation.slug, organisation.name, organisation.slug)


def tag_topics(tags: tuple[str, ...], language: str) -> list[Topic]:
    """Front-matter tags as topics: a tag that is just a country's or organisation's name is that topic
    ("Afghanistan", "NATO"); any other tag is a topic of its own, named as written."""
    out = []
    for raw in tags:
        tag = re.sub(r"\s+", " ", raw).strip().lstrip("#")
        if not tag or len(tag) > MAX_TAG:
            continue
        words = tokens(tag)
        matches = [m for m in find_names(words, language) if m.topic and not m.requires]
        if len(matches) == 1 and matches[0].first == 0 and matches[0].last == len(words):
            out.append(_topic(matches[0].topic))
            continue
        slug = slugify(latin(tag, language))
        if slug:
            out.append(Topic("tag", fold(tag), tag, slug))
    return out
