"""dotterel's exceptions: one tree, so callers can catch the base.

::

    DotterelError
    ├── InputError          an input cannot be read or coded (becomes a recorded reject)
    ├── DictionaryError     a TABARI/PETRARCH dictionary line could not be parsed
    ├── StoreError          the DuckDB store is unusable (e.g. locked by another process)
    └── GoldFormatError     an evaluation gold file is not in the documented format

Junk *input* is not an exception to the caller of the batch APIs: it is returned as a
:class:`~dotterel.model.Reject`. A wrong *type* of argument is still a ``TypeError``.
"""

from __future__ import annotations


class DotterelError(Exception):
    """Base class of every error dotterel raises on purpose."""


class InputError(DotterelError):
    """An input cannot be read or coded; ``kind`` is the reject kind."""

    def __init__(self, reason: str, kind: str = "error") -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind = kind


class DictionaryError(DotterelError):
    """A TABARI/PETRARCH dictionary could not be parsed."""


class StoreError(DotterelError):
    """The DuckDB store cannot be opened or written."""


class GoldFormatError(DotterelError):
    """An evaluation gold file does not follow ``eval/README.md``'s format."""


__all__ = ["DictionaryError", "DotterelError", "GoldFormatError", "InputError", "StoreError"]
