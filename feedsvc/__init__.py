"""feedsvc publishes a press office's release files as RSS 2.0, Atom 1.0 and JSON feeds, plus HTML pages."""

from __future__ import annotations

__version__ = "0.1.0"


def create_app(settings=None):
    """The Flask application (imported lazily so core modules never pull in Flask)."""
    from feedsvc.web import create_app as _create_app

    return _create_app(settings)
