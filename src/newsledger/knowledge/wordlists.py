"""Named word lists the stages read in text (titles, particles, modal and intent words, time
words), kept in YAML files under ``knowledge/data`` rather than in code.

A file maps list names to one of:

* a list of strings (``[plan, intend, "'ll"]``): a set of words or phrases, or, read with
  :meth:`WordLists.ordered`, a sequence whose order the code relies on;
* a mapping of strings to a scalar (``{tribune: MED}``, ``{one: 1}``): a table.

YAML reads ``no``, ``on`` or ``null`` unquoted as a boolean or nothing, not a word: the reader
rejects any entry that is not a string (tables: any key), naming the file and the list, so a
word cannot change meaning silently.  Each file is read and checked once per process.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ..errors import KnowledgeError
from .files import load_yaml

__all__ = ["WordLists", "word_lists"]


class WordLists:
    """The named lists of one shipped file (``origin`` names it in errors)."""

    def __init__(self, data: Any, origin: str) -> None:
        if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
            raise KnowledgeError("expected a mapping of list names to word lists or tables", origin=origin)
        self._data: dict[str, Any] = data
        self.origin = origin

    def names(self) -> list[str]:
        return list(self._data)

    def _get(self, name: str, kind: type) -> Any:
        if name not in self._data:
            raise KnowledgeError(f"no list {name!r} (it has: {', '.join(self._data)})", origin=self.origin)
        value = self._data[name]
        if not isinstance(value, kind):
            raise KnowledgeError(f"{name!r} must be a YAML {kind.__name__}", origin=self.origin)
        return value

    def ordered(self, name: str) -> tuple[str, ...]:
        """The list ``name`` in file order."""
        items = self._get(name, list)
        bad = [item for item in items if not isinstance(item, str) or not item]
        if bad:
            raise KnowledgeError(
                f"{name!r}: {bad!r} are not words (quote them: YAML reads no/on/null as other values)",
                origin=self.origin,
            )
        return tuple(items)

    def words(self, name: str) -> frozenset[str]:
        """The list ``name`` as a set; a word listed twice is an error (a list is edited by hand)."""
        items = self.ordered(name)
        twice = sorted({w for w in items if items.count(w) > 1})
        if twice:
            raise KnowledgeError(f"{name!r} lists {twice!r} twice", origin=self.origin)
        return frozenset(items)

    def table(self, name: str, value_type: type = str) -> dict[str, Any]:
        """The mapping ``name`` (keys are words, values of ``value_type``), in file order."""
        mapping = self._get(name, dict)
        bad = [k for k, v in mapping.items() if not isinstance(k, str) or type(v) is not value_type]
        if bad:
            raise KnowledgeError(
                f"{name!r}: the entries for {bad!r} must map a word to a {value_type.__name__} (quote words)",
                origin=self.origin,
            )
        return dict(mapping)


@cache
def word_lists(shipped: str) -> WordLists:
    """The word lists of ``knowledge/data/<shipped>``, read once per process."""
    data, origin = load_yaml(None, shipped, "word lists")
    return WordLists(data, origin)
