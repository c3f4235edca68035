"""Errors that the CLI turns into a one-line message and an exit code."""


class AnnotatorError(Exception):
    """A failure the user can act on. `exit_code` 2 is bad usage or input, 1 a runtime failure."""

    exit_code = 1

    def __init__(self, message: str, *, path: object = None, line: int | None = None):
        self.path = path
        self.line = line
        self.message = message
        super().__init__(self.describe())

    def describe(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}"
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        return where + self.message


class InputError(AnnotatorError):
    """Bad usage or bad input (a file, an option, a labels.yaml): exit code 2."""

    exit_code = 2


class RuntimeFailure(AnnotatorError):
    """Something failed while running (disk full, locked database): exit code 1."""

    exit_code = 1
