"""The export download: the (filtered) store in any ``dotterel export`` format."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

from dotterel.export.writer import DIRECTORY_FORMATS, SUFFIX, ExportFormat, write_export
from dotterel.server.state import Db

router = APIRouter()


@router.get("/api/export/{fmt}", tags=["api"])
def api_export(
    db: Db,
    fmt: ExportFormat,
    actor: str | None = None,
    type: str | None = None,
    status: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Response:
    """Download the (filtered) store as PLOVER JSONL, GDELT TSV, CSV or Parquet tables
    (zipped), GraphML or GEXF: the same files as ``dotterel export``."""
    from dotterel.merge import merge_events
    from dotterel.query import select_events
    from dotterel.store.claims import with_contest_links
    from dotterel.store.filters import EventFilter

    try:
        where = EventFilter(actor, type, since, until, status)
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    with db.session() as s:
        coded = with_contest_links(s.connection, list(s.iter_coded()))
    if where:
        coded = list(select_events(coded, where))
    clusters = merge_events(coded)
    with tempfile.TemporaryDirectory(prefix="dotterel-export-") as tmp:
        target = Path(tmp) / f"dotterel-{fmt.value}"
        if fmt in DIRECTORY_FORMATS:
            write_export(fmt, coded, clusters, target)
            archive = shutil.make_archive(str(target), "zip", root_dir=target)
            name, data = f"{target.name}.zip", Path(archive).read_bytes()
        else:
            target = target.with_suffix(SUFFIX[fmt])
            write_export(fmt, coded, clusters, target)
            name, data = target.name, target.read_bytes()
    return Response(
        data,
        media_type="application/octet-stream",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


__all__ = ["router"]
