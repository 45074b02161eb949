"""Build the offline world outline the web map draws (src/cablegram/serve/static/world-110m.json).

Run by hand when the source changes:
    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_world_map.py package/countries-110m.json

The source is Natural Earth's 1:110m Admin 0 countries (public domain), as redistributed in
TopoJSON by the npm package world-atlas (ISC licence). We decode the TopoJSON arcs and write
one SVG path per country in a plain equirectangular frame (x = lon + 180, y = 90 - lat, so the
map's viewBox is 0 0 360 180), rounded to 0.1 degree: about 60 KB, no projection code needed
in the browser.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "src/cablegram/serve/static/world-110m.json"


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) points of each arc (TopoJSON stores quantized deltas)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """A ring's points from its arc indices (~i means arc i reversed); shared ends appear once."""
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def ring_path(points: list[tuple[float, float]]) -> str:
    """An SVG sub-path in the equirectangular frame, repeated points dropped."""
    out: list[str] = []
    last = None
    for lon, lat in points:
        xy = (round(lon + 180, 1), round(90 - lat, 1))
        if xy != last:
            out.append(f"{xy[0]:g},{xy[1]:g}")
            last = xy
    return "M" + "L".join(out) + "Z" if len(out) > 2 else ""


def unwrapped(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring that crosses the antimeridian (Russia, Fiji) drawn as-is would streak across the
    whole map. Make its longitudes continuous (±360 at each jump), then also draw a copy shifted
    back by a full turn: the map's viewBox clips what lies outside -180..180."""
    if not points:
        return []
    out = [points[0]]
    shift = 0.0
    for (lon0, _), (lon, lat) in zip(points, points[1:]):
        if lon - lon0 > 180:
            shift -= 360
        elif lon0 - lon > 180:
            shift += 360
        out.append((lon + shift, lat))
    rings = [out]
    low, high = min(p[0] for p in out), max(p[0] for p in out)
    if low < -180:
        rings.append([(lon + 360, lat) for lon, lat in out])
    if high > 180:
        rings.append([(lon - 360, lat) for lon, lat in out])
    return rings


def country_paths(topology: dict[str, Any]) -> list[dict[str, str]]:
    """One {id, name, d} per country (id: ISO 3166-1 numeric as a string)."""
    arcs = decode_arcs(topology)
    out = []
    for geom in topology["objects"]["countries"]["geometries"]:
        polygons = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        rings = [r for polygon in polygons for ring in polygon for r in unwrapped(ring_points(ring, arcs))]
        d = "".join(ring_path(r) for r in rings)
        if d:
            out.append({"id": str(geom.get("id", "")), "name": geom["properties"].get("name", ""), "d": d})
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    topology = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    countries = country_paths(topology)
    payload = {
        "source": "Natural Earth 1:110m Admin 0 countries (public domain), via world-atlas 2.0.2 (ISC)",
        "frame": "x = lon + 180, y = 90 - lat; viewBox 0 0 360 180",
        "countries": countries,
    }
    OUT.write_text(json.dumps(payload, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {len(countries)} countries to {OUT} ({OUT.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
