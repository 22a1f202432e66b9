"""The one canonical layout of a `.beleid` file (`caresq-logic fmt`).

Takes: the text of a policy file and the name to report it under.
Returns: the same policy laid out canonically; or raises `Failed` with the parser's diagnostic.

Formatted from Lark's parse tree with every token kept (`keep_all_tokens`), not from the typed
nodes: the nodes drop the comments and the author's spelling (`meer dan` for `groter dan`,
`differentiatiefactor` for `-factoren`, `24 oktober 2025` for a date, the line breaks inside a
quote), and a formatter must never change what a policy says. So fmt changes only the whitespace
between tokens: every token and every comment stays, in order, and `format_text` checks that on
its own output (a difference is a bug, raised as one). The comments are read from the gaps
between tokens, which hold nothing but whitespace and comments.

The layout, at most 100 columns where the tokens allow it (a quote is never broken):
- a statement that fits on one line is one line; otherwise its head (kind, name, title and the
  citation when it comes first) is the first line and every further part (`voor`, `lezing`,
  `alternatief`, `indien`, the body after the colon, `tenzij`, `telt ook als`, each `; delta`,
  `onderdeel van`) starts a line indented by 2;
- a condition too long for its line breaks before each `of`, then before each `en` (an `en`
  inside an `of` indented 2 more); a list of names or values fills each line, continued 4 deeper;
- a comment stays where it is: a comment after code on the same line stays there (two spaces
  before `#`), a comment on its own line stays on its own line at the indentation of the code it
  precedes; blank lines between statements and comments are kept, at most one in a row, and none
  inside a statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lark import Token, Tree

from ..diagnostics import Failed
from .grammar import lark_with_every_token
from .parser import parse

WIDTH = 100
INDENT = 2
CONTINUATION = 4       # a list or value list carried over to the next line
NO_SPACE_BEFORE = {",", ":", ".", ")", ";"}
# What starts a new line when a statement does not fit (a reading is two, `:` and `;` start one too).
NEW_PART = {"scope_list", "scope_all", "guard", "exception", "counts_as", "part_of", "version", "source",
            "reconstructed"}
_COMMENT = re.compile(r"#[^\n]*")


# ---- the layout algebra (Wadler's "prettier printer", done strictly: Lindig's variant) ---------

@dataclass
class Tok:
    text: str
    before: list[str] = field(default_factory=list)   # comments on their own lines before the token
    after: str | None = None                           # a comment after it on the same line


@dataclass(frozen=True)
class Line:
    soft: bool = False   # flat: nothing (before `;`), not a space


@dataclass
class Group:              # flat if it fits on the line (up to the next possible break), else broken
    parts: list


@dataclass
class Nest:
    by: int
    parts: list


@dataclass
class Fill:               # items separated by Lines; each Line breaks only when the next item does not fit
    parts: list


@dataclass(frozen=True)
class _FillBreak:
    last: bool


def _glue(previous: str | None, text: str) -> str:
    """The space between two tokens on one line: none after `(` or before punctuation."""
    if previous is None or previous == "(" or text in NO_SPACE_BEFORE:
        return ""
    return " "


def _fits(room: int, items: list, previous: str | None) -> bool:
    """Does everything up to the next line break fit in `room` columns? `items` are (indent, flat,
    doc) in the order they will be printed."""
    stack = list(reversed(items))
    commented = False   # a comment ended the line: fits only if nothing flat comes after it
    while stack:
        indent, flat, doc = stack.pop()
        if isinstance(doc, Tok):
            if doc.before or commented:
                return not flat
            room -= len(_glue(previous, doc.text)) + len(doc.text)
            if "\n" in doc.text or room < 0:
                return False
            commented = doc.after is not None
            previous = doc.text
        elif isinstance(doc, Line):
            if not flat:
                return True
            if commented:
                return False
            room -= 0 if doc.soft else 1
            previous = None
        elif isinstance(doc, _FillBreak):
            return True
        elif isinstance(doc, (Group, Fill)):
            stack.extend((indent, flat, d) for d in reversed(doc.parts))
        elif isinstance(doc, Nest):
            stack.extend((indent + doc.by, flat, d) for d in reversed(doc.parts))
        else:
            stack.extend((indent, flat, d) for d in reversed(doc))
    return room >= 0


class _Printer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current = ""           # the text of the line being written, without its indentation
        self.indent = 0
        self.previous: str | None = None

    def column(self) -> int:
        return self.indent + len(self.current) if self.current else self.indent

    def newline(self, indent: int) -> None:
        if self.current:
            self.lines.append(" " * self.indent + self.current)
            self.current = ""
        self.indent, self.previous = indent, None

    def text(self, text: str) -> None:
        self.current += _glue(self.previous, text) + text
        self.previous = text
        if "\n" in text:   # a quote written over several lines: the line goes on after its end
            head, _, self.current = self.current.rpartition("\n")
            self.lines.append(" " * self.indent + head)
            self.indent = 0

    def print(self, doc, indent: int = 0) -> list[str]:
        stack = [(indent, False, doc)]
        while stack:
            indent, flat, doc = stack.pop()
            if isinstance(doc, Tok):
                for comment in doc.before:
                    self.newline(indent)
                    self.current = comment
                    self.newline(indent)
                self.text(doc.text)
                if doc.after is not None:
                    self.current += "  " + doc.after
                    self.newline(indent)
            elif isinstance(doc, Line):
                if not flat:
                    self.newline(indent)
                else:
                    self.current += " " if self.current and not doc.soft else ""
                    self.previous = None
            elif isinstance(doc, Group):
                flat = flat or _fits(WIDTH - self.column(), [(indent, True, doc), *reversed(stack)], self.previous)
                stack.extend((indent, flat, d) for d in reversed(doc.parts))
            elif isinstance(doc, Fill):
                if flat:
                    stack.extend((indent, True, d) for d in reversed(doc.parts))
                    continue
                lines = [i for i, d in enumerate(doc.parts) if isinstance(d, Line)]
                parts = [_FillBreak(i == lines[-1]) if isinstance(d, Line) else d for i, d in enumerate(doc.parts)]
                stack.extend((indent, True, d) for d in reversed(parts))
            elif isinstance(doc, _FillBreak):
                following = stack[-1:] if not doc.last else list(stack)
                fits = _fits(WIDTH - self.column() - 1, list(reversed(following)), None)
                if fits and self.current:
                    self.current += " "
                    self.previous = None
                else:
                    self.newline(indent)
            elif isinstance(doc, Nest):
                stack.extend((indent + doc.by, flat, d) for d in reversed(doc.parts))
            else:
                stack.extend((indent, flat, d) for d in reversed(doc))
        self.newline(0)
        return self.lines


# ---- the parse tree -> layout ------------------------------------------------------------------

@dataclass
class _Gap:
    """What stands between two tokens besides whitespace."""
    trailing: str | None = None                              # a comment on the line of the token before
    comments: list[tuple[bool, str]] = field(default_factory=list)   # (blank line before, comment)
    blank_after: bool = False                                # a blank line before the next token


def _gap(text: str, after_token: bool) -> _Gap:
    """The comments in the whitespace between two tokens (`after_token`: not the top of the file)."""
    gap = _Gap()
    position = 0
    for match in _COMMENT.finditer(text):
        between = text[position:match.start()]
        comment = match.group().rstrip()
        if after_token and position == 0 and "\n" not in between:
            gap.trailing = comment
        else:
            blank = between.count("\n") > 1 and (after_token or bool(gap.comments))   # none at the top
            gap.comments.append((blank, comment))
        position = match.end()
    newlines = text[position:].count("\n")
    gap.blank_after = newlines > 1 and (after_token or bool(gap.comments))
    return gap


class _Layout:
    def __init__(self, text: str, tokens: list[Token]):
        self.toks: dict[int, Tok] = {}
        self.gaps: list[_Gap] = []   # the gap before each token, and after the last
        end = 0
        for i, token in enumerate(tokens):
            self.gaps.append(_gap(text[end:token.start_pos], i > 0))
            self.toks[token.start_pos] = Tok(str(token))
            end = token.end_pos
        self.gaps.append(_gap(text[end:], bool(tokens)))
        for i, token in enumerate(tokens):
            gap = self.gaps[i]
            if i > 0:
                self.toks[tokens[i - 1].start_pos].after = gap.trailing
            self.toks[token.start_pos].before = [c for _, c in gap.comments]
        if tokens:
            self.toks[tokens[-1].start_pos].after = self.gaps[-1].trailing

    def tok(self, token: Token) -> Tok:
        return self.toks[token.start_pos]

    # statements
    def statement(self, item: Tree) -> list:
        head, parts = self._parts(item)
        doc = [*head, Nest(INDENT, [x for part in parts for x in (Line(soft=self._starts_with(part, ";")), part)])]
        return [Group(doc)]

    def _starts_with(self, part: list, text: str) -> bool:
        return bool(part) and isinstance(part[0], Tok) and part[0].text == text

    def _parts(self, item: Tree) -> tuple[list, list[list]]:
        """The head of a statement and its further parts, each a list of docs; `:` and `.` end
        the part they follow, `:` and `;` start a new one."""
        head: list = []
        parts: list[list] = []
        current = head
        for child in item.children:
            if isinstance(child, Token):
                if str(child) == ";":
                    current = []
                    parts.append(current)
                current.append(self.tok(child))
                if str(child) == ":":
                    current = []
                    parts.append(current)
            elif child.data == "placement":   # the citation joins the head when it comes first
                for part in child.children:
                    if part.data == "citation" and current is head:
                        head.append(self.doc(part))
                    else:
                        current = [self.doc(part)]
                        parts.append(current)
            elif child.data == "reading":     # lezing "..." / alternatief "...": a part each
                words = child.children
                parts += [[self.words(words[i:i + 2])] for i in range(0, len(words), 2)]
                current = parts[-1]
            elif child.data in NEW_PART:
                current = [self.doc(child)]
                parts.append(current)
            else:
                current.append(self.doc(child))
        return head, [p for p in parts if p]

    def words(self, node) -> list:
        """Tokens and subtrees on one line (lists and conditions inside may still break)."""
        children = node.children if isinstance(node, Tree) else node
        return [self.tok(c) if isinstance(c, Token) else self.doc(c) for c in children]

    def doc(self, node):
        if isinstance(node, Token):
            return self.tok(node)
        data = node.data
        if data in ("name_list", "choice_list"):
            return Nest(CONTINUATION, [self.fill(node.children, after=",")])
        if data == "membership":
            ref, is_, first, *rest = node.children
            return Nest(CONTINUATION, [self.doc(ref), self.tok(is_), self.fill([first, *rest], before="of")])
        if data in ("or_cond", "and_cond"):
            parts: list = []
            for child in node.children:
                if isinstance(child, Token) and str(child) in ("of", "en"):
                    parts += [Line(), self.tok(child)]
                else:
                    inner = self.doc(child)
                    parts.append(Group([Nest(INDENT, [inner])]) if data == "or_cond" and child.data == "and_cond" else inner)
            return Group(parts)
        if data == "text" and len(node.children) == 3:   # "Nederlands" / "English": breaks before the slash
            dutch, slash, english = node.children
            return Group([self.tok(dutch), Nest(INDENT, [Line(), self.tok(slash), self.tok(english)])])
        if data == "unary":   # ( condition )
            opening, inner, closing = node.children
            return Group([self.tok(opening), Nest(1, [self.doc(inner)]), self.tok(closing)])
        return self.words(node)

    def fill(self, children: list, after: str | None = None, before: str | None = None) -> Fill:
        """A list broken where it must: after each `,` (names) or before each `of` (values)."""
        items: list[list] = [[]]
        for child in children:
            text = str(child) if isinstance(child, Token) else None
            if text == before:
                items.append([])
            items[-1].append(self.doc(child))
            if text == after:
                items.append([])
        parts: list = []
        for item in (i for i in items if i):
            parts += [Line(), item] if parts else [item]
        return Fill(parts)


def _tokens(tree: Tree) -> list[Token]:
    return sorted(tree.scan_values(lambda v: isinstance(v, Token)), key=lambda t: t.start_pos)


def format_text(text: str, path: str) -> str:
    """`text` in the canonical layout. Raises `Failed` (the parser's diagnostic) when it does not parse."""
    parse(text, path)   # the diagnostics of a file that does not parse, worded as everywhere else
    tree = lark_with_every_token().parse(text)
    tokens = _tokens(tree)
    index = {t.start_pos: i for i, t in enumerate(tokens)}
    layout = _Layout(text, tokens)
    lines: list[str] = []
    for item in tree.children:
        first = _tokens(item)[0]
        layout.tok(first).before = []   # the comments before a statement are the file's, at column 0
        lines += _comments(layout.gaps[index[first.start_pos]], bool(lines))
        lines += _Printer().print(layout.statement(item))
    end = layout.gaps[-1]
    lines += _comments(_Gap(comments=end.comments), bool(lines))
    formatted = "\n".join(lines) + "\n"
    _same_tokens(text, tokens, formatted)
    return formatted


def _comments(gap: _Gap, after_text: bool) -> list[str]:
    """The comments on their own lines before a statement (or at the end), with the blank lines
    kept, one at most, none at the top of the file."""
    out: list[str] = []
    for blank, comment in gap.comments:
        if blank and (after_text or out):
            out.append("")
        out.append(comment)
    if gap.blank_after and (after_text or out):
        out.append("")
    return out


def _same_tokens(text: str, tokens: list[Token], formatted: str) -> None:
    """The guard of the one promise: the formatted text has the same tokens and comments."""
    def words(text: str, tokens: list[Token]) -> list[tuple[str, str]]:
        comments = [m.group().rstrip() for g in _gaps(text, tokens) for m in _COMMENT.finditer(g)]
        return [(t.type, str(t)) for t in tokens] + [("COMMENT", c) for c in comments]
    if words(text, tokens) != words(formatted, _tokens(lark_with_every_token().parse(formatted))):
        raise RuntimeError("fmt would change the tokens or comments of the policy (a bug in caresq-logic fmt)")


def _gaps(text: str, tokens: list[Token]) -> list[str]:
    ends = [0, *(t.end_pos for t in tokens)]
    starts = [*(t.start_pos for t in tokens), len(text)]
    return [text[a:b] for a, b in zip(ends, starts)]

