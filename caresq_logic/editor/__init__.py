"""Editor support: what the language server (`caresq-logic lsp`) knows about a policy text.

`analysis` reads one document with the same parser and resolver as `check` and answers
position questions (hover, definition, completion, symbols) without any LSP types; `server`
wires it to pygls. Only `server` imports pygls, so the rest of the package never needs it."""
