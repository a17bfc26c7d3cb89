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
            shown = shown_path(origin)
            where = f"{shown}:{line}: " if line else f"{shown}: "
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


class InputTooLargeError(InputError):
    """A file, a decompressed ``.gz``, a JSONL line or an article's text is over its cap
    (options ``max_document_bytes``, ``max_decompressed_bytes``, ``max_article_chars``)."""

    code = "NL-E108"


class NotRegularFileError(InputError):
    """A FIFO, socket or device file: never opened for reading, so a run cannot block on it."""

    code = "NL-E109"


class UnreadableInputError(InputError):
    """The file or folder exists but cannot be read (permissions, an I/O error)."""

    code = "NL-E110"


class RecordFieldError(MalformedRecordError):
    """A JSONL field of the wrong type (``text`` a number, ``date`` an object, ``id`` a float)."""

    code = "NL-E111"


class HtmlTooDeepError(InputError):
    """HTML nested deeper than the parser keeps (libxml2 drops what lies below 256 levels)."""

    code = "NL-E112"


class LinkError(InputError):
    """A symbolic link in a walked folder that loops, dangles, or leads out of the folder."""

    code = "NL-E113"


class NotAnArticleError(InputError):
    """A record that is not news: a test page, or no sentence left once markup is removed."""

    code = "NL-E120"


def shown_path(origin: str) -> str:
    """A file name as printed in messages: as is when printable, else its ``repr`` (a name with
    a newline or a tab must not split or shift the line that reports it)."""
    return origin if origin.isprintable() else repr(origin)


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


class SearchQueryError(UsageError):
    """A search the query syntax cannot read (an operator without a term on each side, an
    unclosed parenthesis); the message says what is wrong and what the syntax allows."""

    code = "NL-E601"
