"""Agreement between analysts, adjudication into gold, and the numbers a lead watches.

Pure functions over plain data (`model.Version`, `model.Doc`); the store is read only by
`source` and written only by `adjudicate`. No textual import here.
"""

from annotator.agreement.model import Doc, RelKey, SpanKey, Version, version_from
from annotator.agreement.report import agreement

__all__ = ["Doc", "RelKey", "SpanKey", "Version", "agreement", "version_from"]
