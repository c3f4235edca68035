"""Relations (placeholder until the rules land)."""

from __future__ import annotations


def relation_suggestions(doc, spans, schema, gaz):
    return []
