"""A resolved `Policy` -> Answer Set Program: the compiler, its prelude and the engine's names."""
