"""What the caller can say about a batch of inputs: metadata overrides and limits."""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from dotterel.ingest.checks import DEFAULT_MAX_BYTES
from dotterel.model import Article

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Settings for :func:`dotterel.ingest.read_inputs`.

    Args:
        outlet: outlet name to set on every article (overrides what the input says).
        pub_date: publication date to set on every article (overrides the input's).
        url: URL to set on every article (overrides the input's).
        max_bytes: per-document size limit; larger documents are ``too_large`` rejects.
        allow_any_language: keep articles detected as non-English instead of rejecting.
        follow_symlinks: read symbolic links that lead out of the input folder instead
            of rejecting them (``symlink`` rejects).
    """

    outlet: str | None = None
    pub_date: date | None = None
    url: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    allow_any_language: bool = False
    follow_symlinks: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.max_bytes, int) or isinstance(self.max_bytes, bool):
            raise TypeError(f"max_bytes must be an int, not {type(self.max_bytes).__name__}")
        if self.max_bytes <= 0:
            raise ValueError(f"max_bytes must be positive, got {self.max_bytes}")
        if self.pub_date is not None and not isinstance(self.pub_date, date):
            raise TypeError(f"pub_date must be a datetime.date, not {type(self.pub_date).__name__}")
        for name in ("outlet", "url"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise TypeError(f"{name} must be a str, not {type(value).__name__}")

    @classmethod
    def of(
        cls,
        *,
        outlet: str | None = None,
        date: date | str | None = None,
        url: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        allow_any_language: bool = False,
        follow_symlinks: bool = False,
    ) -> ReadOptions:
        """Options from the arguments of :func:`dotterel.ingest.read_inputs`, where the
        date may be given as ``YYYY-MM-DD`` text.

        Raises:
            ValueError: ``date`` is a string but not ``YYYY-MM-DD``.
            TypeError: ``date`` is neither a date nor a string.
        """
        return cls(
            outlet=outlet,
            pub_date=_date_option(date),
            url=url,
            max_bytes=max_bytes,
            allow_any_language=allow_any_language,
            follow_symlinks=follow_symlinks,
        )

    def apply(self, article: Article) -> Article:
        """``article`` with the caller's metadata put over what the input supplied."""
        changes: dict[str, Any] = {
            name: value
            for name, value in (
                ("outlet", self.outlet),
                ("pub_date", self.pub_date),
                ("url", self.url),
            )
            if value is not None
        }
        return dataclasses.replace(article, **changes) if changes else article


def _date_option(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"date must be YYYY-MM-DD, got {value!r}") from None
    raise TypeError(f"date must be a datetime.date or str, not {type(value).__name__}")


__all__ = ["ReadOptions"]
