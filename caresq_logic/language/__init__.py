"""The policy language: grammar -> parser -> syntax tree (`nodes`) -> `resolve` -> `Policy`."""
