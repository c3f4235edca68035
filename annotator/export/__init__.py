"""Export (gold/train/dev/test JSONL, manifest, doccano, conll, Label Studio, brat) and import readers."""

from annotator.export.manifest import Manifest
from annotator.export.records import GoldRecord, GoldRelation, GoldSpan, record_problems
from annotator.export.run import FORMATS, ExportOptions, export_corpus

__all__ = ["FORMATS", "ExportOptions", "GoldRecord", "GoldRelation", "GoldSpan", "Manifest", "export_corpus",
           "record_problems"]
