"""CAMEO knowledge: the event-code table and the actor-code components, with their data.

This is a bottom-floor package: it imports only the standard library and ``pycountry``,
so every layer above (components, merge, network, export, query) can use it without an
import cycle. Its tables live in ``data/`` (provenance in each file's header and in
``data/README.md``).

* :mod:`dotterel.cameo._events`: the CAMEO event codes (``data/cameo.tsv``) with their
  PLOVER type, quad class and Goldstein weight;
* :mod:`dotterel.cameo._actors`: splitting an actor code (``AFGGOVMOS``) into GDELT's
  actor fields (``data/cameo_actor_codes.tsv``).
"""

from dotterel.cameo._actors import ActorCodeParts, is_country, is_region, split_actor_code
from dotterel.cameo._events import (
    DEFAULT_TABLE,
    PLOVER_TYPES,
    CameoCode,
    CameoTable,
    goldstein,
    load_table,
    quad_class,
)

__all__ = [
    "DEFAULT_TABLE",
    "PLOVER_TYPES",
    "ActorCodeParts",
    "CameoCode",
    "CameoTable",
    "goldstein",
    "is_country",
    "is_region",
    "load_table",
    "quad_class",
    "split_actor_code",
]
