"""Registry of every engine variant: name -> (module, function). Modules are imported lazily so a
run pays only for the engine it measures."""
from __future__ import annotations

import importlib

# Variant name -> module. Order = order in reports.
VARIANT_MODULES = {
    "python-reference": "engine_python",
    "zen-decision-evaluate": "engine_zen",
    "zen-engine-evaluate": "engine_zen",
    "zen-evaluate-batch": "engine_zen",
    "zen-async-evaluate": "engine_zen",
    "zen-loop-graph": "engine_zen",
    "clingo-naive": "engine_clingo",
    "clingo-lpfile": "engine_clingo",
    "clingo-rowfacts": "engine_clingo",
    "clingo-rowfacts-backend": "engine_clingo",
    "clingo-rowfacts-context": "engine_clingo",
    "openfisca-vectorised": "engine_openfisca",
    "caresq-logic-explain": "engine_caresq",    # the CLI; its --format is engine_caresq.FORMAT
}


def get(name: str):
    """The run function of a variant: f(n) -> (records, {phase: seconds})."""
    module = importlib.import_module(VARIANT_MODULES[name])
    return module.VARIANTS[name]


def expected(name: str, n: int, reference: list) -> list:
    """What the variant must output given the reference's records: the reference itself, unless
    the engine's module maps it (EXPECTED, a documented reading of the policy text)."""
    module = importlib.import_module(VARIANT_MODULES[name])
    mapping = getattr(module, "EXPECTED", {}).get(name)
    return mapping(n, reference) if mapping else reference
