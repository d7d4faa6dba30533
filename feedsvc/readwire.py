"""What the service and its reader processes say to each other: length-prefixed frames, a request pickled by the
trusted side, an answer as JSON (a Release field by field), so a reader process taken over by a hostile file
cannot run code in the service."""

from __future__ import annotations

import json
import pickle
import struct
from dataclasses import fields
from datetime import date, datetime

from feedsvc.models import Rejection, Release, ReleaseIndex, Topic

HEADER = struct.Struct(">Q")
MAX_ANSWER = 256 * 1024 * 1024  # bytes; a larger answer is refused unread
INTERNAL_ERROR = "feedsvc could not read this file because of an internal error"


def frame(body: bytes) -> bytes:
    return HEADER.pack(len(body)) + body


def read_frame(stream) -> bytes | None:
    """One frame from a blocking stream, or None at its end."""
    header = _read_exactly(stream, HEADER.size)
    if header is None:
        return None
    return _read_exactly(stream, HEADER.unpack(header)[0])


def _read_exactly(stream, size: int) -> bytes | None:
    chunks, remaining = [], size
    while remaining:
        chunk = stream.read(remaining)
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def encode_request(name: str, data: bytes, modified: datetime, options) -> bytes:
    return pickle.dumps((name, data, modified, options), protocol=pickle.HIGHEST_PROTOCOL)


def decode_request(body: bytes) -> tuple:
    """(name, data, modified, options), as the service sent them."""
    return pickle.loads(body)


def encode_answer(result: Release | Rejection | None, growth: int) -> bytes:
    """A Release, a Rejection, or None for a read that ran out of memory, with the process's growth in bytes."""
    answer = (["memory", None] if result is None
              else ["release", _encode_release(result)] if isinstance(result, Release)
              else ["rejection", result.reason])
    return json.dumps([*answer, growth], ensure_ascii=False).encode("utf-8")


def decode_answer(body: bytes) -> tuple[Release | Rejection | None, int]:
    """(result, growth) as `encode_answer` wrote them; raises ValueError, TypeError or KeyError for nonsense."""
    kind, payload, growth = json.loads(body)
    if kind == "release":
        return _decode_release(payload), growth
    if kind == "memory":
        return None, growth
    return Rejection(str(payload)), growth


def _encode(value):
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, Topic):
        return {"topic": [value.kind, value.key, value.name, value.slug]}
    if isinstance(value, ReleaseIndex):
        return {"index": {"terms": value.terms, "fingerprint": value.fingerprint}}  # the fingerprint is JSON
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"a Release field holds {type(value).__name__}, which the reader processes cannot send")


def _decode(value):
    if isinstance(value, dict):
        if "date" in value:
            return date.fromisoformat(value["date"])
        if "topic" in value:
            return Topic(*value["topic"])
        if "index" in value:
            return ReleaseIndex(**value["index"])
        return datetime.fromisoformat(value["datetime"])
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)
    return value


def _encode_release(release: Release) -> dict:
    return {f.name: _encode(getattr(release, f.name)) for f in fields(Release)}


def _decode_release(payload: dict) -> Release:
    return Release(**{name: _decode(value) for name, value in payload.items()})
