"""The CAMEO event code table: names, quad classes, Goldstein weights and PLOVER types.

The table (``data/cameo_codes.tsv``) lists every CAMEO 1.1b3 code.  :func:`lookup` also answers
for codes outside it, as PETRARCH/TABARI dictionaries still emit them (WEIS codes such as
``"223"``, lettered variants such as ``"174K"``): the longest known prefix answers, and a code
with no known root gets quad class 0, Goldstein 0.0 and no PLOVER type.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["CameoCode", "cameo_root", "is_cameo_root", "lookup", "table", "QUAD_CLASSES"]

QUAD_CLASSES = {
    0: "unknown",
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    known: bool = True  # False when the code is not in the table (answered from a prefix)

    @property
    def root(self) -> str:
        return cameo_root(self.code)


@lru_cache(maxsize=1)
def table() -> dict[str, CameoCode]:
    """Every code of the shipped table, keyed by code ("01", "042", "1712", ...)."""
    text = resources.files("newsledger.knowledge").joinpath("data/cameo_codes.tsv").read_text("utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    out: dict[str, CameoCode] = {}
    for row in csv.DictReader(rows, delimiter="\t"):
        code = row["code"].strip()
        out[code] = CameoCode(
            code=code,
            name=row["name"].strip(),
            quad_class=int(row["quad_class"]),
            goldstein=float(row["goldstein"]),
            plover_type=(row.get("plover_type") or "").strip() or None,
            plover_mode=(row.get("plover_mode") or "").strip() or None,
        )
    return out


def cameo_root(code: str) -> str:
    """The two-digit root of a code: ``"0431" -> "04"``, ``"1712" -> "17"``, ``"223" -> "22"``."""
    return code[:2]


def is_cameo_root(root: str) -> bool:
    return len(root) == 2 and root.isdigit() and 1 <= int(root) <= 20


def lookup(code: str) -> CameoCode:
    """The entry for ``code``; unknown codes answer from their longest known prefix."""
    code = code.strip()
    codes = table()
    if code in codes:
        return codes[code]
    for end in range(len(code) - 1, 1, -1):
        parent = codes.get(code[:end])
        if parent is not None and is_cameo_root(parent.root):
            # A WEIS code such as "223" shares a prefix ("22") with no CAMEO root: not a parent.
            return CameoCode(
                code,
                parent.name,
                parent.quad_class,
                parent.goldstein,
                parent.plover_type,
                parent.plover_mode,
                known=False,
            )
    return CameoCode(code, "unknown code", 0, 0.0, None, None, known=False)
