"""A user's text file read for rewriting, and written back in its own layout.

``pitchkit link`` and ``pitchkit init --from`` change a facts file in place.
A file saved on Windows ends its lines with CRLF, may start with a
byte-order mark, and may be UTF-16; a file may also lack a final newline.
:func:`read_for_rewrite` gives the text with LF line endings (what the YAML
round trip expects: given CRLF it drops blank lines and mixes endings) and
the :class:`TextLayout` to write it back with, so the only lines that differ
afterwards are the ones pitchkit changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pitchkit.facts.yamlsource import STDIN, read_text

#: Byte-order marks, longest first, and the encoding each one means.
_MARKS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


@dataclass(frozen=True)
class TextLayout:
    """How a text file is laid out on disk: line ending, byte-order mark, encoding."""

    newline: str = "\n"
    mark: bytes = b""
    encoding: str = "utf-8"
    final_newline: bool = True

    def encode(self, text: str) -> bytes:
        """``text`` (lines ending LF) as bytes laid out as the file was."""
        text = text.replace("\r\n", "\n")
        if not self.final_newline and text.endswith("\n"):
            text = text[:-1]
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return self.mark + text.encode(self.encoding)


def layout_of(text: str, head: bytes = b"") -> TextLayout:
    """The layout of ``text`` as read from a file whose first bytes are ``head``.

    The line ending is the one most lines use (LF when none is more common),
    so a file with a few stray endings is written back consistently.
    """
    crlf = text.count("\r\n")
    endings = {"\n": text.count("\n") - crlf, "\r\n": crlf, "\r": text.count("\r") - crlf}
    newline = max(endings, key=lambda ending: (endings[ending], ending == "\n"))
    mark, encoding = next(((m, e) for m, e in _MARKS if head.startswith(m)), (b"", "utf-8"))
    return TextLayout(newline, mark, encoding, text == "" or text.endswith(("\n", "\r")))


def read_for_rewrite(path: Path) -> tuple[str, TextLayout]:
    """``path``'s text with LF line endings, and the layout to write it back with.

    Raises ``FactsError`` as :func:`~pitchkit.facts.yamlsource.read_text` does.
    """
    text = read_text(path)
    head = b""
    if path != STDIN:
        with path.open("rb") as stream:
            head = stream.read(4)
    plain = text.replace("\r\n", "\n").replace("\r", "\n")
    return plain, layout_of(text, head)
