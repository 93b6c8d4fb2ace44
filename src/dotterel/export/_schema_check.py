"""A light JSON Schema check of exported records, for the keywords our schemas use.

``jsonschema`` is a development dependency only: at run time it would bring ``attrs``,
``referencing``, ``jsonschema-specifications`` and the compiled ``rpds-py`` into every
install just to check dotterel's own output. The shipped schemas
(``data/plover.schema.json``) use a dozen keywords, which this module checks exactly:
``type``, ``required``, ``properties``, ``items``, ``enum``, ``$ref`` (to ``#/$defs/``),
``oneOf``, ``minItems``, ``minLength``, ``minimum``, ``maximum`` and ``pattern``. A schema
with any other keyword is refused (so a new keyword cannot be silently ignored), and
the tests validate the same records with the full ``jsonschema`` Draft 2020-12 validator.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

#: Keywords :func:`problems` understands; any other (bar annotations) is an error.
KEYWORDS = frozenset(
    {"type", "required", "properties", "items", "enum", "$ref", "oneOf", "minItems",
     "minLength", "minimum", "maximum", "pattern"}
)  # fmt: skip
_ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "title", "description"})
_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


@cache
def _pattern(regex: str) -> re.Pattern[str]:
    return re.compile(regex)


def _is(value: Any, name: str) -> bool:
    if isinstance(value, bool) and name in ("integer", "number"):
        return False
    return isinstance(value, _TYPES[name])


def problems(
    value: Any, schema: dict[str, Any], root: dict[str, Any], path: str = "$"
) -> list[str]:
    """What is wrong with ``value`` against ``schema`` (``root`` holds ``$defs``); empty
    when it is valid.

    Raises:
        ValueError: the schema uses a keyword this checker does not know.
    """
    unknown = set(schema) - KEYWORDS - _ANNOTATIONS
    if unknown:
        raise ValueError(f"schema keyword(s) not supported by the light check: {sorted(unknown)}")
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return problems(value, root["$defs"][name], root, path)
    if "oneOf" in schema:
        matching = [s for s in schema["oneOf"] if not problems(value, s, root, path)]
        return [] if len(matching) == 1 else [f"{path}: matches {len(matching)} of oneOf"]
    found: list[str] = []
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is(value, n) for n in names):
            return [f"{path}: {type(value).__name__} is not {'/'.join(names)}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{path}: {value!r} is not one of {schema['enum']}")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            found.append(f"{path}: shorter than {schema['minLength']}")
        if "pattern" in schema and not _pattern(schema["pattern"]).search(value):
            found.append(f"{path}: {value!r} does not match {schema['pattern']}")
    if _is(value, "number"):
        if "minimum" in schema and value < schema["minimum"]:
            found.append(f"{path}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            found.append(f"{path}: {value} > {schema['maximum']}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            found.append(f"{path}: fewer than {schema['minItems']} items")
        if "items" in schema:
            for i, item in enumerate(value):
                found += problems(item, schema["items"], root, f"{path}[{i}]")
    if isinstance(value, dict):
        for name in schema.get("required", ()):
            if name not in value:
                found.append(f"{path}: '{name}' is required")
        for name, sub in schema.get("properties", {}).items():
            if name in value:
                found += problems(value[name], sub, root, f"{path}.{name}")
    return found


def check(record: dict[str, Any], schema: dict[str, Any]) -> None:
    """Raise ``ValueError`` naming the first problems of a record against a schema."""
    found = problems(record, schema, schema)
    if found:
        raise ValueError(
            f"record {record.get('id')!r} does not satisfy its schema: " + "; ".join(found[:3])
        )
