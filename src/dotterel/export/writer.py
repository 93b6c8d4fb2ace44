"""Write one export format: the dispatch shared by ``dotterel export`` and the web UI."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TextIO

from dotterel.merge import EventCluster
from dotterel.model import CodedArticle


class ExportFormat(StrEnum):
    """The export formats."""

    plover = "plover"
    gdelt = "gdelt"
    acled = "acled"
    csv = "csv"
    parquet = "parquet"
    graphml = "graphml"
    gexf = "gexf"


#: Formats that write a directory (one file per table) rather than one file.
DIRECTORY_FORMATS = (ExportFormat.csv, ExportFormat.parquet)
#: Formats that can stream to a text handle (stdout, an HTTP response).
STREAM_FORMATS = (ExportFormat.plover, ExportFormat.gdelt, ExportFormat.acled)
#: File name suffix of each single-file format.
SUFFIX = {
    ExportFormat.plover: ".jsonl",
    ExportFormat.gdelt: ".tsv",
    ExportFormat.acled: ".csv",
    ExportFormat.graphml: ".graphml",
    ExportFormat.gexf: ".gexf",
}


def write_export(
    fmt: ExportFormat,
    coded: list[CodedArticle],
    clusters: list[EventCluster],
    out: Path | TextIO,
    *,
    added: dict[str, datetime] | None = None,
    actor_level: str = "full",
    include_text: bool = False,
    include_background: bool = False,
) -> str:
    """Write ``coded`` (and its merged ``clusters``) as ``fmt`` to ``out``.

    ``out`` is a text handle only for :data:`STREAM_FORMATS`, a directory for
    :data:`DIRECTORY_FORMATS` and a file path otherwise. Events mentioned as history
    (``Event.background``) are left out unless ``include_background`` (merge the
    clusters with the same setting: :func:`dotterel.merge.merge_events` leaves them out
    by default too). Returns what was written, in words, for a summary line.
    """
    if not include_background:
        from dotterel.query import drop_background

        coded = list(drop_background(coded))
        clusters = [c for c in clusters if not all(m.event.background for m in c.mentions)]
    if fmt is ExportFormat.plover:
        from dotterel.export.plover import plover_records, write_plover

        return f"{write_plover(plover_records(coded, clusters), out)} PLOVER records"
    if fmt is ExportFormat.gdelt:
        from dotterel.export.gdelt import write_gdelt

        return f"{write_gdelt(clusters, out, added or {})} GDELT events"
    if fmt is ExportFormat.acled:
        from dotterel.export.acled import acled_rows, write_acled

        rows = acled_rows(coded, clusters)
        n = write_acled(rows, out)
        skipped = f" ({rows.unmapped} events of no ACLED type left out)" if rows.unmapped else ""
        return f"{n} ACLED-style events{skipped}"
    if not isinstance(out, Path):
        raise TypeError(f"{fmt.value} writes to a path, not a stream")
    if fmt in DIRECTORY_FORMATS:
        from dotterel.export.tables import tables, write_csv, write_parquet

        frames = tables(coded, clusters, include_text=include_text)
        paths = (write_csv if fmt is ExportFormat.csv else write_parquet)(frames, out)
        return f"{len(paths)} tables"
    from dotterel.network import actor_network, write_gexf, write_graphml

    graph = actor_network(clusters, level=actor_level)
    (write_graphml if fmt is ExportFormat.graphml else write_gexf)(graph, out)
    return f"{graph.number_of_nodes()} actors and {graph.number_of_edges()} links"
