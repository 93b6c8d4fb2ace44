"""The floors of docs/architecture.md hold: imports only go down, and the pipeline side
does not load the store, the server or the cluster engine."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dotterel"

#: Each top-level unit of the package and its floor (docs/architecture.md, "Floors").
FLOORS: dict[str, int] = {
    "model": 0,
    "errors": 0,
    "cameo": 1,
    "timex": 1,
    "dictionaries": 1,
    "geo": 1,
    "contest_links": 1,
    "outlets": 1,
    "rows": 1,
    "knowledge": 2,
    "extensions": 3,
    "components": 3,
    "pipeline": 3,
    "chunking": 3,
    "ingest": 4,
    "store": 4,
    "merge": 4,
    "query": 4,
    "export": 4,
    "network": 4,
    "distributed": 4,
    "evaluate": 4,
    "bench": 4,
    "server": 5,
    "cli": 5,
    "__init__": 5,
    "__main__": 5,
}

#: Developer tools that build shipped data with the whole pipeline at hand.
BUILDERS = {"knowledge/build.py"}


def _unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "dotterel":
                found |= {f"dotterel.{a.name}" for a in node.names}
            elif node.module.startswith("dotterel."):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("dotterel.")}
    return found


def test_every_unit_has_a_floor() -> None:
    units = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()}
    units = {u for u in units if not u.startswith((".", "_")) or u in ("__init__", "__main__")}
    units -= {"py", "data", "__pycache__"}
    assert units <= set(FLOORS), sorted(units - set(FLOORS))


def test_imports_only_go_down() -> None:
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel in BUILDERS:
            continue
        unit = rel.split("/")[0].removesuffix(".py")
        for module in _imports(path):
            target = _unit(module)
            if target in FLOORS and FLOORS[target] > FLOORS[unit]:
                upward.append(f"{rel} imports {module}")
    assert not upward, "\n".join(upward)


def test_components_do_not_load_store_server_or_cluster() -> None:
    code = (
        "import sys, dotterel.components, dotterel.pipeline; "
        "print(sorted(m for m in ('duckdb', 'pyarrow', 'fastapi', 'ray') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_no_module_over_500_lines() -> None:
    long = [
        f"{p.relative_to(PACKAGE)}: {n}"
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500
    ]
    assert not long, long
