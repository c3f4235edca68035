"""Errors that the CLI turns into a one-line message and an exit code."""


# Control characters (C0, DEL, C1) and bidi overrides in a message -- from a file name or an article --
# are shown as visible stand-ins, so a message can never carry an escape sequence to the terminal.
_VISIBLE = {c: chr(0x2400 + c) for c in range(0x20)} | {0x7F: "\u2421"} | {c: "\ufffd" for c in range(0x80, 0xA0)}
_VISIBLE |= {c: "\ufffd" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def printable(text: object) -> str:
    return str(text).translate(_VISIBLE)


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
        return printable(where + self.message)


class InputError(AnnotatorError):
    """Bad usage or bad input (a file, an option, a labels.yaml): exit code 2."""

    exit_code = 2


class RuntimeFailure(AnnotatorError):
    """Something failed while running (disk full, locked database): exit code 1."""

    exit_code = 1
