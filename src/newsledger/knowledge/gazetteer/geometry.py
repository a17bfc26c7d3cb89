"""Distances, the neighbourhood grid the disambiguation votes on, and median centres."""

from __future__ import annotations

import math

__all__ = ["CELL_DEG", "cell", "haversine_km", "median_point", "neighbour_cells"]

CELL_DEG = 0.75  # neighbourhood grid (degrees): cities in adjacent cells count as near


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def cell(lat: float, lon: float) -> tuple[int, int]:
    """The grid cell of a point."""
    return int(math.floor(lat / CELL_DEG)), int(math.floor(lon / CELL_DEG))


def neighbour_cells(centre: tuple[int, int]) -> set[tuple[int, int]]:
    """A cell and the eight around it."""
    a, b = centre
    return {(a + i, b + j) for i in (-1, 0, 1) for j in (-1, 0, 1)}


def median_point(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The per-axis median of ``points`` (a centre robust to outliers); None for no points."""
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    return lats[len(lats) // 2], lons[len(lons) // 2]
