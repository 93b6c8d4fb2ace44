"""Turn files, directories, JSONL and stdin into :class:`~dotterel.model.Article` records.

Modules: :mod:`~dotterel.ingest.files` (paths, dispatch, the batch contract),
:mod:`~dotterel.ingest.text`, :mod:`~dotterel.ingest.html` (trafilatura),
:mod:`~dotterel.ingest.jsonl`, :mod:`~dotterel.ingest.parquet` (Parquet files and URIs,
for ``dotterel run``), :mod:`~dotterel.ingest.checks` (size, binary, encoding,
language) and :mod:`~dotterel.ingest.batch` (coding a stream of articles so that one
failing document becomes a reject). Junk input becomes a
:class:`~dotterel.model.Reject`, never an exception::

    from dotterel.ingest import read_inputs
    for item in read_inputs(["articles/"], outlet="Example Times"):
        ...
"""

from dotterel.ingest.checks import DEFAULT_MAX_BYTES
from dotterel.ingest.files import STDIN, expand_paths, read_inputs, read_source
from dotterel.ingest.options import ReadOptions

__all__ = [
    "DEFAULT_MAX_BYTES",
    "STDIN",
    "ReadOptions",
    "expand_paths",
    "read_inputs",
    "read_source",
]
