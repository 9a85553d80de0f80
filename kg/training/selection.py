"""Choosing a threshold or a margin from a curve of scores measured on a few examples.

Such curves are flat near their top and jagged: one pair more or less moves
the best point across the grid. The choice here is the middle of the run of
points near the best of the smoothed curve, which a small change of the curve
moves little, where "the highest point within a slack" (the rule before)
jumps to the end of any plateau.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["plateau_center", "smoothed"]


def smoothed(values: Sequence[float]) -> list[float]:
    """Each value averaged with its neighbours (two at the ends), rounded to 4 places."""
    out = []
    for k in range(len(values)):
        window = values[max(0, k - 1):k + 2]
        out.append(round(sum(window) / len(window), 4))
    return out


def plateau_center(keys: Sequence[float], values: Sequence[float], slack: float) -> float:
    """The middle key of the unbroken run of points around the best value (the first best) whose
    values are within ``slack`` of it; of two middle keys, the higher (the more cautious)."""
    if not keys or len(keys) != len(values):
        raise ValueError("plateau_center needs as many values as keys, at least one")
    best = max(range(len(values)), key=lambda k: (values[k], -k))
    floor = values[best] - slack
    lo = hi = best
    while lo > 0 and values[lo - 1] >= floor:
        lo -= 1
    while hi + 1 < len(values) and values[hi + 1] >= floor:
        hi += 1
    return keys[(lo + hi + 1) // 2]
