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

import re
from dataclasses import dataclass
from pathlib import Path

from pitchkit.facts.yamlsource import STDIN, read_text

#: Byte-order marks, longest first, and the encoding each one means.
_MARKS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


#: One line and its ending (CRLF, LF or CR; none for a last line with no newline).
_LINE = re.compile(r"(?P<line>[^\r\n]*)(?P<end>\r\n|\r|\n|$)")


@dataclass(frozen=True)
class TextLayout:
    """How a text file is laid out on disk: line ending, byte-order mark, encoding."""

    newline: str = "\n"
    mark: bytes = b""
    encoding: str = "utf-8"
    final_newline: bool = True
    #: A file whose lines end in more than one way: each line as read (LF-ended) and its
    #: own ending, so that unchanged lines keep theirs; empty for a file of one ending.
    lines: tuple[tuple[str, str], ...] = ()

    def encode(self, text: str) -> bytes:
        """``text`` (lines ending LF) as bytes laid out as the file was."""
        text = text.replace("\r\n", "\n")
        if not self.final_newline and text.endswith("\n"):
            text = text[:-1]
        if self.lines:
            text = self._mixed(text)
        elif self.newline != "\n":
            text = text.replace("\n", self.newline)
        return self.mark + text.encode(self.encoding)

    def _mixed(self, text: str) -> str:
        """``text`` with each line the file had unchanged ending as it did; new ones as most do."""
        import difflib

        new = text.split("\n")
        old = [line for line, _ in self.lines]
        endings = [self.newline] * len(new)
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for block in matcher.get_matching_blocks():
            for offset in range(block.size):
                endings[block.b + offset] = self.lines[block.a + offset][1] or self.newline
        out = [line + ending for line, ending in zip(new[:-1], endings, strict=False)]
        return "".join(out) + new[-1]


def layout_of(text: str, head: bytes = b"") -> TextLayout:
    """The layout of ``text`` as read from a file whose first bytes are ``head``.

    The line ending is the one most lines use (LF when none is more common).
    A file whose lines end in more than one way keeps each unchanged line's
    own ending; lines pitchkit adds or changes take the common one.
    """
    crlf = text.count("\r\n")
    endings = {"\n": text.count("\n") - crlf, "\r\n": crlf, "\r": text.count("\r") - crlf}
    newline = max(endings, key=lambda ending: (endings[ending], ending == "\n"))
    mark, encoding = next(((m, e) for m, e in _MARKS if head.startswith(m)), (b"", "utf-8"))
    final = text == "" or text.endswith(("\n", "\r"))
    if sum(1 for count in endings.values() if count) < 2:
        return TextLayout(newline, mark, encoding, final)
    lines = tuple((m["line"], m["end"]) for m in _LINE.finditer(text) if m.group(0))
    return TextLayout(newline, mark, encoding, final, lines)


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
