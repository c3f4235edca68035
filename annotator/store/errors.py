"""Store-specific errors; both are ordinary InputErrors to the CLI and the app."""

from annotator.errors import InputError


class SpanConflict(InputError):
    """The span would overlap another non-rejected span of the same analyst; nothing was written."""


class NotFound(InputError):
    """An article, span or relation id that this analyst's store does not hold."""
