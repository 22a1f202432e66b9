"""Decide: a compiled program and provider facts -> clingo -> explained `Decision`s."""

from .results import ClauseResult, Decision, NodeResult, Possibility, ReadingNote, TierResult, Value
from .solver import DEFAULT_GROUND_LIMIT, DEFAULT_TIME_LIMIT, ground_size, solve
from . import batch   # after solver: a market decided by profile, one solve per group of profiles

__all__ = ["ClauseResult", "Decision", "NodeResult", "Possibility", "ReadingNote", "TierResult", "Value",
           "DEFAULT_GROUND_LIMIT", "DEFAULT_TIME_LIMIT", "ground_size", "solve", "batch"]
