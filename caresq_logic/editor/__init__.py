"""Editor support: what the language server (`caresq-logic lsp`) knows about a policy text.

`analysis` reads one document with the same parser and resolver as `check` and answers
position questions (hover, definition, completion, symbols) without any LSP types; `findings`
runs `check` itself on a document; `server` wires both to pygls. Only `server` imports pygls,
the optional extra `lsp` (docs/editor.md); `launch` is the command, which imports it only when run."""

from .launch import lsp

__all__ = ["lsp"]
