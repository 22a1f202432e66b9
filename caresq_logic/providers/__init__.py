"""Provider files (`.lp`, `.csv`, `.jsonl`) -> validated facts: `read` is the entry point."""
