"""caresq-logic: policy as code for Caresq purchasing policies."""
__version__ = "0.1.0"
