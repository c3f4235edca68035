"""Store-specific errors; both are ordinary InputErrors to the CLI and the app."""

from annotator.errors import InputError, RuntimeFailure


class SpanConflict(InputError):
    """The span would overlap another non-rejected span of the same analyst; nothing was written."""


class NotFound(InputError):
    """An article, span or relation id that this analyst's store does not hold."""


class StoreReadOnly(RuntimeFailure):
    """The store's folder or file cannot be written: nothing of this change was saved."""
