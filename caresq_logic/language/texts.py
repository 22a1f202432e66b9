"""A translatable text of a policy: the authors' Dutch, optionally followed by their English.

    kenmerk skf_keurmerk "Praktijkregistratie SKF (label Keurmerk)" / "SKF practice registration (Keurmerk label)": ja/nee.

A `Text` *is* its Dutch string (a `str` subclass), so every place that reads, compares or
writes a title in Dutch keeps working unchanged; `en` holds the English, or None when the
authors gave none. The English takes no part in equality: two years' clauses still compare by
what the policy says. Citation quotes, `versie` and `bron` are the source's own words and are
never Texts."""

from __future__ import annotations


class Text(str):
    en: str | None

    def __new__(cls, nl: str, en: str | None = None) -> "Text":
        text = super().__new__(cls, nl)
        text.en = en
        return text

    @property
    def nl(self) -> str:
        return str(self)

    def __getnewargs__(self):   # pickled (the parse cache) as (nl, en)
        return (str(self), self.en)


def english(text: str | None) -> str | None:
    """The English of `text` when the authors gave it, else None (a plain str has none)."""
    return getattr(text, "en", None)


def written(text: str) -> str:
    """A text as the policy writes it: `"Nederlands" / "English"`, or `"Nederlands"`."""
    en = english(text)
    return f'"{text}"' + (f' / "{en}"' if en else "")
