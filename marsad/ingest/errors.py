"""The one error the readers raise: an input marsad cannot read."""

from __future__ import annotations


class InputError(Exception):
    """An unreadable input, with a one-line message meant for the user.

    ``source`` names the file (or "stdin"); ``line`` is the 1-based line of a
    JSON Lines input that failed, when there is one.
    """

    def __init__(self, message: str, *, source: str | None = None,
                 line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
