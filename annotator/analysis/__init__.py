"""Morphological analysis with Kiwi: `Analysis` records (cacheable) and the `Analyzer` that makes them.

`Token`/`Analysis` are plain data (importing them does not import kiwipiepy), so the app,
the store's cache and the suggester can use them without paying for Kiwi.
"""

from annotator.analysis.model import ENGINE_VERSION, Analysis, Token, cache_key

__all__ = ["ENGINE_VERSION", "Analysis", "Token", "cache_key", "Analyzer", "AnalysisClient"]


def __getattr__(name: str):  # heavy parts load on first use only
    if name == "Analyzer":
        from annotator.analysis.kiwi import Analyzer

        return Analyzer
    if name == "AnalysisClient":
        from annotator.analysis.service import AnalysisClient

        return AnalysisClient
    raise AttributeError(name)
