"""The export download: the (filtered) store in any ``dotterel export`` format."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

from dotterel.export.writer import DIRECTORY_FORMATS, SUFFIX, ExportFormat, write_export
from dotterel.server.filter_params import Filters
from dotterel.server.queries import BadFilter
from dotterel.server.state import Db

router = APIRouter()


@router.get("/api/export/{fmt}", tags=["api"])
def api_export(db: Db, fmt: ExportFormat, flt: Filters) -> Response:
    """Download the (filtered) store as PLOVER JSONL, GDELT TSV, ACLED-style CSV, CSV or
    Parquet tables (zipped), GraphML or GEXF: the same files as ``dotterel export``.

    The filters are the filter bar's (actor, type, quad class, status, dates, events told
    as history with ``background=true``), so a download holds the events the page lists;
    ``place`` is not applied (an export keeps the articles' own places)."""
    from dotterel.merge import merge_events
    from dotterel.query import select_events
    from dotterel.store.claims import with_contest_links

    try:
        where = flt.where()
    except BadFilter as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    with db.session() as s:
        coded = with_contest_links(s.connection, list(s.iter_coded()))
    if where:
        coded = list(select_events(coded, where))
    clusters = merge_events(coded, include_background=flt.background)
    with tempfile.TemporaryDirectory(prefix="dotterel-export-") as tmp:
        target = Path(tmp) / f"dotterel-{fmt.value}"
        if fmt in DIRECTORY_FORMATS:
            write_export(fmt, coded, clusters, target, include_background=flt.background)
            archive = shutil.make_archive(str(target), "zip", root_dir=target)
            name, data = f"{target.name}.zip", Path(archive).read_bytes()
        else:
            target = target.with_suffix(SUFFIX[fmt])
            write_export(fmt, coded, clusters, target, include_background=flt.background)
            name, data = target.name, target.read_bytes()
    return Response(
        data,
        media_type="application/octet-stream",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


__all__ = ["router"]
