"""server/build_vendor.py: the committed vendored libraries are the pinned ones, whole.

Rebuilding needs npm (``python -m dotterel.server.build_vendor --check`` compares a fresh
build with the committed files); these checks need nothing but the repository.
"""

from __future__ import annotations

import json

from dotterel.server.build_vendor import FILES, VENDOR, WEB


def test_every_vendored_file_is_there_with_its_licence() -> None:
    for package, files in FILES.items():
        for _, name in files:
            assert (VENDOR / package / name).stat().st_size > 0, (package, name)
        assert any(name == "LICENSE" for _, name in files), package


def test_vendored_versions_are_the_pinned_ones() -> None:
    pinned = json.loads((WEB / "package.json").read_text())["dependencies"]
    locked = json.loads((WEB / "package-lock.json").read_text())["packages"]
    vendored = json.loads((VENDOR / "VERSIONS.json").read_text())
    assert vendored == pinned == {p: locked[f"node_modules/{p}"]["version"] for p in pinned}
    assert set(vendored) == set(FILES)


def test_no_source_map_is_referenced() -> None:
    for path in VENDOR.rglob("*.js"):
        assert "sourceMappingURL=" not in path.read_text(), path
