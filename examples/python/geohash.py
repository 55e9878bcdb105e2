"""Geohash: encode, decode, neighbours, and why a proximity search must read the 8 neighbouring cells.

- A geohash interleaves longitude and latitude bits (longitude first), each bit halving the remaining range, and
  writes 5 bits per base-32 character. Each extra character divides the cell by 32: a shared prefix means a
  shared cell, so a B-tree index on the string answers "everything in this cell" with a prefix range scan.
- The edge problem: two points a few metres apart on either side of a cell boundary can share no prefix at all.
  A search reads the query's cell and its 8 neighbours at a precision whose cell is at least the radius, then
  filters the candidates by exact distance.
Standard library only.
"""

from __future__ import annotations

import math
import random

BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz"
EARTH_RADIUS_M = 6_371_000


def encode(lat: float, lon: float, precision: int) -> str:
    lat_range, lon_range = [-90.0, 90.0], [-180.0, 180.0]
    bits, out, even = 0, [], True
    for i in range(precision * 5):
        rng, value = (lon_range, lon) if even else (lat_range, lat)
        mid = (rng[0] + rng[1]) / 2
        bit = value >= mid
        rng[0 if bit else 1] = mid
        bits = bits << 1 | bit
        even = not even
        if i % 5 == 4:
            out.append(BASE32[bits])
            bits = 0
    return "".join(out)


def bounds(geohash: str) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) of the cell."""
    lat_range, lon_range = [-90.0, 90.0], [-180.0, 180.0]
    even = True
    for char in geohash:
        code = BASE32.index(char)
        for shift in range(4, -1, -1):
            rng = lon_range if even else lat_range
            mid = (rng[0] + rng[1]) / 2
            rng[0 if code >> shift & 1 else 1] = mid
            even = not even
    return lat_range[0], lat_range[1], lon_range[0], lon_range[1]


def neighbours(geohash: str) -> list[str]:
    """The 8 cells around this one (longitude wraps at +/-180; cells beyond a pole are left out)."""
    min_lat, max_lat, min_lon, max_lon = bounds(geohash)
    dlat, dlon = max_lat - min_lat, max_lon - min_lon
    lat, lon = (min_lat + max_lat) / 2, (min_lon + max_lon) / 2
    out = []
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if (dx, dy) == (0, 0) or not -90 < lat + dy * dlat < 90:
                continue
            wrapped = (lon + dx * dlon + 180) % 360 - 180
            out.append(encode(lat + dy * dlat, wrapped, len(geohash)))
    return out


def cell_size_m(precision: int) -> tuple[float, float]:
    """(width, height) of a cell at the equator, in metres."""
    lon_bits = math.ceil(precision * 5 / 2)
    lat_bits = precision * 5 // 2
    metres_per_degree = math.pi * EARTH_RADIUS_M / 180
    return 360 / 2**lon_bits * metres_per_degree, 180 / 2**lat_bits * metres_per_degree


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


# The reference point from the geohash literature, and the cell sizes to remember.
assert encode(57.64911, 10.40744, 11) == "u4pruydqqvj"
width, height = cell_size_m(6)
assert round(width) == 1_222 and round(height) == 611  # precision 6: about 1.2 km x 0.6 km at the equator
assert [round(cell_size_m(p)[0]) for p in (5, 7)] == [4_886, 153]  # precision 5: ~4.9 km, 7: ~153 m

# The edge problem: two points 31 m apart across the equator and the prime meridian share no prefix.
a, b = encode(0.0001, -0.0001, 9), encode(-0.0001, 0.0001, 9)
assert round(haversine_m(0.0001, -0.0001, -0.0001, 0.0001)) == 31 and a[0] != b[0]
assert (a, b) == ("ebpbpbpbt", "kpbpbpbp6")

# Neighbours: 8 distinct cells of the same length, and each one's own neighbours include the original.
cell = encode(52.5200, 13.4050, 6)  # Berlin
ring = neighbours(cell)
assert len(set(ring)) == 8 and all(len(n) == 6 for n in ring)
assert all(cell in neighbours(n) for n in ring)

# A "drivers within 500 m" search over 20,000 seeded drivers around Berlin, against a brute-force scan.
rng = random.Random(11)
drivers = [(52.52 + rng.uniform(-0.1, 0.1), 13.405 + rng.uniform(-0.15, 0.15)) for _ in range(20_000)]
index: dict[str, list[tuple[float, float]]] = {}
for d in drivers:
    index.setdefault(encode(*d, 6), []).append(d)

radius = 500  # precision 6 cells (1.2 km x 0.6 km, narrower in longitude at 52.5 N) are at least 500 m each way
misses_one_cell = 0
for _ in range(100):
    q = (52.52 + rng.uniform(-0.08, 0.08), 13.405 + rng.uniform(-0.12, 0.12))
    exact = {d for d in drivers if haversine_m(*q, *d) <= radius}
    home = encode(*q, 6)
    nine_cells = [home, *neighbours(home)]
    candidates = [d for c in nine_cells for d in index.get(c, [])]
    found = {d for d in candidates if haversine_m(*q, *d) <= radius}
    assert found == exact  # the 9-cell search never misses
    assert len(candidates) < len(drivers) / 50  # and reads a small fraction of the drivers
    misses_one_cell += len(exact - {d for d in index.get(home, []) if haversine_m(*q, *d) <= radius}) > 0
assert misses_one_cell > 50  # reading only the query's own cell misses a nearby driver most of the time

print(f"9-cell search exact on 100 queries; own cell alone missed a driver in {misses_one_cell} of them")
