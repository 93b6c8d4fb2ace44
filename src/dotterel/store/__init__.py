"""DuckDB storage of coded articles (layout: ``docs/schema.md``)::

from dotterel.store import Store
with Store("dotterel.duckdb") as store:
    store.write(coded)            # False if that article was already stored
    for coded in store.iter_coded():
        ...
"""

from dotterel.store.database import DEFAULT_PATH, Store, fetch_dicts
from dotterel.store.schema import SCHEMA_VERSION, TABLE_NAMES

__all__ = ["DEFAULT_PATH", "SCHEMA_VERSION", "TABLE_NAMES", "Store", "fetch_dicts"]
