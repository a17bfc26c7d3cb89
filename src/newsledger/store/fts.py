"""The search syntax users type, parsed once and written for each index: SQLite's FTS5 MATCH
expression and PostgreSQL's tsquery.

Understood: words (all must match), ``"quoted phrases"``, ``prefix*``, ``AND``, ``OR``, ``NOT``
(upper case, as in FTS5; lower-case "and" is a word), ``-word`` for NOT word, and parentheses.
``NOT`` binds tighter than ``AND``, ``AND`` tighter than ``OR``.  An unclosed quote runs to the
end of the query.  A query whose structure is broken (an operator without a term on each side,
unbalanced parentheses, only exclusions) raises :class:`~newsledger.errors.SearchQueryError`
naming the problem, so a user's typo is a 400, never an index syntax error.  Every term is
written quoted, so punctuation and FTS5's own keywords inside a term are plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import SearchQueryError

_TOKEN = re.compile(r'"(?P<phrase>[^"]*)(?:"|$)|(?P<open>\()|(?P<close>\))|(?P<word>[^\s()"]+)')
_OPERATORS = ("AND", "OR", "NOT")
#: Bounds that keep the written expression within FTS5's parser depth and a sane size.
MAX_TERMS, MAX_DEPTH = 64, 16


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or a phrase's words in order
    prefix: bool = False


@dataclass(frozen=True)
class Op:
    op: str  # AND, OR, NOT (binary: left and not right)
    left: Node
    right: Node


Node = Term | Op


def _words(text: str) -> tuple[str, ...]:
    """The words of a term as the index sees them: runs of letters and digits (FTS5's unicode61
    and PostgreSQL's parser both split on the rest)."""
    return tuple(w for w in re.split(r"[\W_]+", text.replace("\x00", "")) if w)


def _tokens(q: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for m in _TOKEN.finditer(q.replace("\x00", " ")):
        if m["phrase"] is not None:
            out.append(("phrase", m["phrase"]))
        elif m["open"]:
            out.append(("(", "("))
        elif m["close"]:
            out.append((")", ")"))
        elif m["word"] in _OPERATORS:
            out.append((m["word"], m["word"]))
        else:
            out.append(("word", m["word"]))
    return out


class _Parser:
    """Recursive descent over the tokens; terms with no word at all (punctuation) are dropped."""

    def __init__(self, q: str) -> None:
        self.q = q
        self.tokens = _tokens(q)
        self.i = 0
        self.terms = 0
        self.depth = 0

    def peek(self) -> str | None:
        return self.tokens[self.i][0] if self.i < len(self.tokens) else None

    def fail(self, problem: str) -> SearchQueryError:
        return SearchQueryError(
            f"the search query could not be parsed ({problem}): {self.q[:200]!r}; use words, "
            '"quoted phrases", prefix*, AND, OR, NOT (or -word) and parentheses'
        )

    def parse(self) -> Node | None:
        node = self.or_expr()
        if self.peek() == ")":
            raise self.fail("a ')' closes no '('")
        return node

    def or_expr(self) -> Node | None:
        node = self.and_expr()
        while self.peek() == "OR":
            self.i += 1
            right = self.and_expr()
            if node is None or right is None:
                raise self.fail("OR needs something to look for on each side")
            node = Op("OR", node, right)
        return node

    def and_expr(self) -> Node | None:
        """Terms joined by AND (said or implied); NOT and -word exclude from what precedes."""
        node: Node | None = None
        excluded: list[Node] = []
        while self.peek() not in (None, ")", "OR"):
            kind = self.peek()
            if kind == "AND":
                self.i += 1
                if self.peek() in (None, ")", "OR", "AND", "NOT") or node is None:
                    raise self.fail("AND needs something to look for on each side")
                continue
            negated = kind == "NOT" or self._dash()
            if kind == "NOT":
                self.i += 1
                if self.peek() in (None, ")", "OR", "AND", "NOT"):
                    raise self.fail("NOT needs a term after it")
            operand = self.primary()
            if operand is None:
                continue
            if negated:
                excluded.append(operand)
            else:
                node = operand if node is None else Op("AND", node, operand)
        if excluded and node is None:
            raise self.fail("only exclusions: say what to look for as well as what to leave out")
        for operand in excluded:
            node = Op("NOT", node, operand)  # type: ignore[arg-type]  # node is set: checked above
        return node

    def _dash(self) -> bool:
        """A word written -word (and not a lone dash) excludes that word."""
        kind, text = self.tokens[self.i]
        if kind == "word" and text.startswith("-") and _words(text):
            self.tokens[self.i] = ("word", text[1:])
            return True
        return False

    def primary(self) -> Node | None:
        kind, text = self.tokens[self.i]
        self.i += 1
        if kind == "(":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise self.fail(f"more than {MAX_DEPTH} nested parentheses")
            node = self.or_expr()
            if self.peek() != ")":
                raise self.fail("a '(' is not closed")
            self.i += 1
            self.depth -= 1
            return node
        if kind == ")":
            raise self.fail("a ')' closes no '('")
        self.terms += 1
        if self.terms > MAX_TERMS:
            raise self.fail(f"more than {MAX_TERMS} terms")
        if kind == "phrase":
            words = _words(text)
            return Term(words) if words else None
        prefix = text.endswith("*")
        words = _words(text)
        if not words:
            return None
        if prefix:  # "terror*": the last word is a prefix; "a-b*" is the phrase "a b*"
            return Term(words, prefix=True)
        return Term(words)


def parse(q: str) -> Node | None:
    """The query as a tree, or None when it holds nothing to look for."""
    return _Parser(q).parse()


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def to_fts5(node: Node | None) -> str:
    """The FTS5 MATCH expression of a parsed query ('' for nothing to look for)."""
    if node is None:
        return ""
    if isinstance(node, Term):
        body = _quoted(" ".join(node.words))
        return body + "*" if node.prefix else body
    return f"({to_fts5(node.left)} {node.op} {to_fts5(node.right)})"


def fts5_query(q: str) -> str:
    """The FTS5 MATCH expression for what a user typed; raises SearchQueryError when it
    cannot be read."""
    return to_fts5(parse(q))


def plain_words(node: Node | None) -> list[str]:
    """The words a record must hold for ``node`` to match it when every operator is AND: the
    words of a query without OR or NOT, for a phrase boost (empty otherwise)."""
    if node is None:
        return []
    if isinstance(node, Term):
        return [] if node.prefix else list(node.words)
    if node.op != "AND":
        return []
    left, right = plain_words(node.left), plain_words(node.right)
    return left + right if left and right else []


def to_tsquery(node: Node | None, params: dict[str, str]) -> str:
    """A PostgreSQL tsquery expression (SQL) of a parsed query, its texts bound in ``params``:
    each term through ``phraseto_tsquery`` (which reads any text), a prefix as ``word:*`` of
    a word that holds only letters and digits."""
    if node is None:
        return "NULL::tsquery"
    if isinstance(node, Term):
        name = f"nl_ts_{len(params)}"
        if node.prefix:
            head = " ".join(node.words[:-1])
            params[name] = node.words[-1] + ":*"
            prefix = f"to_tsquery('simple', :{name})"
            if not head:
                return prefix
            params[name + "h"] = head
            return f"(phraseto_tsquery('english', :{name}h) <-> {prefix})"
        params[name] = " ".join(node.words)
        return f"phraseto_tsquery('english', :{name})"
    left, right = to_tsquery(node.left, params), to_tsquery(node.right, params)
    if node.op == "NOT":
        return f"({left} && !!{right})"
    return f"({left} {'&&' if node.op == 'AND' else '||'} {right})"


__all__ = ["Op", "Term", "fts5_query", "parse", "plain_words", "to_fts5", "to_tsquery"]
