"""Vendor the web UI's front-end libraries: npm packages -> ``server/static/vendor/``.

The browser views (network, map, timeline) use a few JavaScript libraries. They are
installed from npm at build time, never fetched at run time: ``web/package.json`` pins
exact versions (``web/package-lock.json`` pins the tarballs and their hashes), and this
module runs ``npm ci`` there and copies each library's minified build and licence into
``src/dotterel/server/static/vendor/<lib>/``. The copies are committed, so installing
dotterel or running CI needs no npm; rerun this to reproduce or upgrade them::

    python -m dotterel.server.build_vendor          # npm ci + copy
    python -m dotterel.server.build_vendor --check  # fail if the copies differ

Why these libraries is said in ``docs/architecture.md``.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WEB = HERE.parents[2] / "web"
VENDOR = HERE / "static" / "vendor"

#: Files copied per package: (path in the npm package, name under vendor/<package>/).
FILES: dict[str, tuple[tuple[str, str], ...]] = {
    "cytoscape": (("dist/cytoscape.min.js", "cytoscape.min.js"), ("LICENSE", "LICENSE")),
    "leaflet": (
        ("dist/leaflet.js", "leaflet.js"),
        ("dist/leaflet.css", "leaflet.css"),
        ("dist/images/layers.png", "images/layers.png"),
        ("dist/images/layers-2x.png", "images/layers-2x.png"),
        ("LICENSE", "LICENSE"),
    ),
    "leaflet.markercluster": (
        ("dist/leaflet.markercluster.js", "leaflet.markercluster.js"),
        ("dist/MarkerCluster.css", "MarkerCluster.css"),
        ("dist/MarkerCluster.Default.css", "MarkerCluster.Default.css"),
        ("MIT-LICENCE.txt", "LICENSE"),
    ),
    "topojson-client": (
        ("dist/topojson-client.min.js", "topojson-client.min.js"),
        ("LICENSE", "LICENSE"),
    ),
    "uplot": (
        ("dist/uPlot.iife.min.js", "uPlot.iife.min.js"),
        ("dist/uPlot.min.css", "uPlot.min.css"),
        ("LICENSE", "LICENSE"),
    ),
    # Natural Earth 1:110m admin-0 outlines as TopoJSON (public domain data, ISC packaging)
    "world-atlas": (("countries-110m.json", "countries-110m.json"), ("LICENSE", "LICENSE")),
}


def _strip_source_map(text: str) -> str:
    """Drop ``//# sourceMappingURL=`` lines: the maps are not vendored, and a browser's
    developer tools would otherwise ask the server for them."""
    return "".join(
        line for line in text.splitlines(keepends=True) if "sourceMappingURL=" not in line
    )


def _versions(modules: Path) -> dict[str, str]:
    return {
        name: json.loads((modules / name / "package.json").read_text())["version"] for name in FILES
    }


def build(out: Path = VENDOR, web: Path = WEB) -> dict[str, str]:
    """``npm ci`` in ``web`` and copy the files of :data:`FILES` into ``out``.

    Returns:
        The installed version of each package (also written to ``out/VERSIONS.json``).
    """
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is needed to rebuild the vendored libraries (apt-get install npm)")
    subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=web, check=True)
    modules = web / "node_modules"
    if out.exists():
        shutil.rmtree(out)
    for package, files in FILES.items():
        for src, dst in files:
            target = out / package / dst
            target.parent.mkdir(parents=True, exist_ok=True)
            if dst.endswith(".js"):
                target.write_text(_strip_source_map((modules / package / src).read_text()))
            else:
                shutil.copyfile(modules / package / src, target)
    versions = _versions(modules)
    (out / "VERSIONS.json").write_text(json.dumps(versions, indent=2, sort_keys=True) + "\n")
    return versions


def _differences(left: Path, right: Path) -> list[str]:
    cmp = filecmp.dircmp(left, right)
    out = [f"only in {left / n}" for n in cmp.left_only]
    out += [f"only in {right / n}" for n in cmp.right_only]
    out += [f"differs: {right / n}" for n in cmp.diff_files]
    for sub in cmp.common_dirs:
        out += _differences(left / sub, right / sub)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="rebuild in a temporary folder and compare"
    )
    args = parser.parse_args(argv)
    if not args.check:
        versions = build()
        size = sum(p.stat().st_size for p in VENDOR.rglob("*") if p.is_file())
        print(f"vendored {versions} into {VENDOR} ({size // 1024} KiB)")
        return 0
    import tempfile

    with tempfile.TemporaryDirectory(prefix="dotterel-vendor-") as tmp:
        build(Path(tmp) / "vendor")
        problems = _differences(Path(tmp) / "vendor", VENDOR)
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
