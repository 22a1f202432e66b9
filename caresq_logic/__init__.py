"""caresq-logic: policy as code for Caresq purchasing policies."""
__version__ = "0.1.0"


def main() -> None:
    """The console entry point: `cli.main`, with the cyclic collector off before the imports too
    (creating the classes and functions of the imports set off some sixty collections, issue 12)."""
    import gc
    gc.disable()
    from .cli import main as run
    run()
