"""Renderers: explain decisions as text (`text`) or JSON (`as_json`); check findings (`check`)."""
