"""annotator: keyboard-first annotation of Korean tech and business news."""

__version__ = "0.1.0"
