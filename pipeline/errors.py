"""The project's exceptions, and the reasons an input is skipped (`zhkg: skipped PATH: reason`).

The reasons are the texts the README quotes under "Input and errors"; the code that skips an
input builds its reason here, so the wording lives in one place. Nothing here imports from
the project.
"""
from __future__ import annotations


class SchemaError(ValueError):
    """A malformed file under schemas/ or a malformed config."""


class ConfigError(SchemaError):
    """A malformed configuration file."""


class InputError(Exception):
    """An input that cannot become a document; the message says why."""


class EngineError(RuntimeError):
    """The engine cannot go on: a worker process died, the cluster cannot be reached."""


class OutputBusy(EngineError):
    """Another zhkg run holds the output folder's lock."""


class NoSpaceLeft(OSError):
    """The disk of the output folder is full."""


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGINT: the run stops, its folder stays resumable; `status` is the exit status."""

    def __init__(self, signal_name: str, status: int):
        super().__init__(signal_name)
        self.signal_name, self.status = signal_name, status


class DaskUnavailable(RuntimeError):
    """dask.distributed (or pandas/pyarrow) is not installed."""


_UNPRINTABLE = {**{c: f"\\x{c:02x}" for c in [*range(0x20), *range(0x7f, 0xa0)]},
                0x2028: "\\u2028", 0x2029: "\\u2029"}


def printable(text: str) -> str:
    """`text` (a file name, a reason naming one) safe on one line of a terminal: control
    characters, escape sequences and line separators shown as `\\xNN` escapes."""
    return text.translate(_UNPRINTABLE)


# --- skip reasons: files and folders --------------------------------------------------------

NO_SUCH_PATH = "no such file or folder"
NOT_A_FILE_OR_FOLDER = "not a regular file or folder (a device, pipe or socket)"
NOT_A_REGULAR_FILE = "not a regular file (a device, pipe or socket)"
BROKEN_LINK = "broken symbolic link"
SYMLINK_NOT_FOLLOWED = "symbolic link, not followed (--no-follow-symlinks)"


def cannot_read(error: OSError) -> str:
    return f"cannot read: {error.strerror or error}"


def cannot_read_folder(error: OSError) -> str:
    return f"cannot read folder: {error.strerror or error}"


def no_input_files(suffixes: str) -> str:
    """A folder with no file of the input suffixes (`suffixes`, as listed to the user)."""
    return f"folder holds no input files ({suffixes})"


# --- skip reasons: decoding -----------------------------------------------------------------

EMPTY_FILE = "empty file"
NO_TEXT = "no text after decoding"
BINARY_NUL = "binary file (NUL bytes), not text"
BINARY_CONTROL = "binary file (control characters), not text"
TRUNCATED_COMPRESSED = "the compressed file ends too early (truncated)"


def undecodable(codec: str, byte: str, offset: int) -> str:
    """`byte` (`0xff`, or `a truncated character`) at byte `offset` does not decode in `codec`."""
    return f"not valid {codec}: undecodable byte {byte} at byte offset {offset}"


def too_long(chars: int, limit: int) -> str:
    return f"document has {chars:,} characters, over the limit of {limit:,}"


# --- skip reasons: jsonl and HTML -----------------------------------------------------------

def line_too_long(size: int, limit: int) -> str:
    return f"line of {size:,} bytes, over the limit of {limit:,} ([ingest] max_line_bytes), not read"


def more_skipped_lines(count: int, shown: int) -> str:
    """The skipped lines of one file beyond the `shown` reported one by one."""
    return f"{count:,} more lines skipped (only the first {shown:,} are listed: [ingest] max_reported_skips)"


def damaged_compressed(error: Exception) -> str:
    """A gzip file that fails its check (CRC, length) or cannot be decompressed: none of its
    documents are used, since any of them may be garbled."""
    return f"damaged gzip file ({error}): none of its documents are used"


NO_JSON_LINES = "no JSON lines in the file"
JSON_TEXT_REQUIRED = 'a JSON object with a non-empty "text" string is required'
HTML_NO_TEXT = "HTML with no text in it"


def not_a_json_line(error: Exception) -> str:
    return f"not a JSON line: {error}"


def unpaired_surrogate(char: str) -> str:
    return (f"the JSON holds an unpaired surrogate \\u{ord(char):04x}, which is no character "
            "(a broken escape or a cut emoji)")


def html_too_large(size: int, limit: int) -> str:
    return f"HTML file of {size:,} bytes, over the limit of {limit:,}"


def html_unparsable(error: Exception) -> str:
    return f"HTML could not be parsed: {type(error).__name__}: {error}"


# --- skip reasons: failures while reading or analysing --------------------------------------

OUT_OF_MEMORY = "out of memory while reading it"


def internal_error(error: Exception) -> str:
    """An unexpected exception while reading an input: one odd input must not end the run."""
    return f"internal error while reading it ({type(error).__name__}: {error})"


def analysis_failed(detail: str) -> str:
    """A document whose analysis raised; `detail` names the exception."""
    return f"analysis failed ({detail})"
