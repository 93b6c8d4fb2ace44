"""Exports of coded articles in the formats analysts already use.

One module per format, each a set of pure functions from ``model.py`` records (and the
clusters of :mod:`dotterel.merge`) to rows, dicts or files:

* :mod:`dotterel.export.plover`: PLOVER JSONL, with dotterel's provenance under ``dotterel``;
* :mod:`dotterel.export.gdelt`: the 61-column GDELT 2.0 event table (``docs/gdelt.md``);
* :mod:`dotterel.export.tables`: flat CSV/Parquet tables, one per record type;
* :mod:`dotterel.network`: the actor network (GraphML, GEXF).

Nothing is imported here. The CAMEO and date facts the formats share live on the bottom
floor (:mod:`dotterel.cameo`, :mod:`dotterel.timex`), where ``dotterel.merge`` and
``dotterel.network`` use them too.
"""
