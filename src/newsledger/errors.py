"""One exception tree for newsledger, with searchable codes.

Every message names the input (file, line or record) and says what to do about it, e.g.::

    NL-E101 data/a.jsonl:17: line is not valid JSON (Expecting ',' delimiter). Fix or remove the line.
"""

from __future__ import annotations


class NewsledgerError(Exception):
    """Base class; ``code`` is stable and searchable."""

    code = "NL-E000"

    def __init__(self, message: str, *, origin: str | None = None, line: int | None = None) -> None:
        self.origin = origin
        self.line = line
        self.detail = message
        where = ""
        if origin:
            where = f"{origin}:{line}: " if line else f"{origin}: "
        super().__init__(f"{self.code} {where}{message}")


class InputError(NewsledgerError):
    """An input file or record cannot be read; it is reported and skipped."""

    code = "NL-E100"


class EmptyInputError(InputError):
    code = "NL-E101"


class BinaryInputError(InputError):
    code = "NL-E102"


class EncodingError(InputError):
    code = "NL-E103"


class CompressedInputError(InputError):
    code = "NL-E104"


class MalformedRecordError(InputError):
    code = "NL-E105"


class NoArticleBodyError(InputError):
    code = "NL-E106"


class UnsupportedInputError(InputError):
    code = "NL-E107"


class PipelineError(NewsledgerError):
    """The stage list is inconsistent (a stage requires what no earlier stage assigns)."""

    code = "NL-E200"


class StageError(NewsledgerError):
    """A stage failed on one article; the article is reported and the batch goes on."""

    code = "NL-E201"


class StageTimeoutError(StageError):
    """A stage spent longer than its time budget on one article (a pathological input)."""

    code = "NL-E202"


class StoreError(NewsledgerError):
    code = "NL-E300"


class KnowledgeError(NewsledgerError):
    """A knowledge file (actor YAML, CAMEO dictionary) cannot be parsed."""

    code = "NL-E400"


class EvaluationError(NewsledgerError):
    code = "NL-E500"


class UsageError(NewsledgerError):
    """A value given on the command line or in a request that the ledger cannot use (an unknown
    country, an unreadable date, a missing ledger or input path); the message names the value
    to use instead when there is one."""

    code = "NL-E600"
