"""Word templates that carry content from outside the file, or that would run something.

Each function returns the bytes of a small .docx built from python-docx's
blank document, with its XML written by hand as Word writes it:

- :func:`linked_image`: pictures linked (not inserted) to a web address and
  to a local file, in DrawingML and in VML;
- :func:`attached_template`: an attached template on a web server;
- :func:`active_fields`: ``INCLUDETEXT``, ``INCLUDEPICTURE``, ``DDE`` and
  ``DDEAUTO`` fields in both the simple and the complex form, one spelt
  across three runs and one whose name is made by a nested field;
- :func:`file_hyperlink`: links to a local file and to a web page;
- :func:`alt_chunk`: an embedded HTML document Word imports on opening;
- :func:`macros`: a macro-enabled document with ``vbaProject.bin`` and
  ``vbaData.xml``;
- :func:`everything`: all of these in one template;
- :func:`chart_escape`: the sandbox escape through a chart's image object.

Every template also says "Template for {{ project.title }}", so a note made
from it shows the project's title. Run this file to rewrite the copies in
``tests/broken/`` that the broken-input corpus uses::

    python tests/hostile_templates.py
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import docx

BROKEN = Path(__file__).resolve().parent / "broken"
#: Nothing listens on the discard port: a fetch would fail, but must not even be tried.
WEB = "http://127.0.0.1:9"
TITLE_LINE = "Template for {{ project.title }}"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MS_REL = "http://schemas.microsoft.com/office/2006/relationships"
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
#: A 1x1 white PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c4944415408d763f8ffff3f0005fe02fea7d6a4e60000000049454e44ae426082"
)

Relationship = tuple[str, str, str, bool]  # id, type, target, external


def paragraph(text: str) -> str:
    """A paragraph with one run of ``text``."""
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def drawing(link_id: str, name: str, shape_id: int) -> str:
    """A paragraph holding a picture linked (``r:link``) to relationship ``link_id``."""
    return (
        "<w:p><w:r><w:drawing>"
        '<wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
        ' distT="0" distB="0" distL="0" distR="0">'
        '<wp:extent cx="1828800" cy="1828800"/>'
        f'<wp:docPr id="{shape_id}" name="{name}"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:nvPicPr><pic:cNvPr id="{shape_id}" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip xmlns:r="{REL}" r:link="{link_id}"/>'
        "<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1828800" cy="1828800"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )


def vml_picture(link_id: str, address: str) -> str:
    """A paragraph holding an old-style (VML) picture linked to ``address``."""
    return (
        "<w:p><w:r><w:pict>"
        '<v:shape xmlns:v="urn:schemas-microsoft-com:vml" style="width:72pt;height:72pt">'
        f'<v:imagedata xmlns:r="{REL}" xmlns:o="urn:schemas-microsoft-com:office:office"'
        f' r:id="{link_id}" o:href="{address}"/>'
        "</v:shape></w:pict></w:r></w:p>"
    )


def complex_field(*instruction: str, result: str = "cached result") -> str:
    """A paragraph holding a complex field whose instruction is split over ``instruction``."""
    runs = "".join(
        f'<w:r><w:instrText xml:space="preserve">{part}</w:instrText></w:r>' for part in instruction
    )
    return (
        '<w:p><w:r><w:t xml:space="preserve">before </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f"{runs}"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{result}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:t xml:space="preserve"> after</w:t></w:r></w:p>'
    )


def package(
    body: str,
    *,
    relationships: Sequence[Relationship] = (),
    settings_relationships: Sequence[Relationship] = (),
    settings_xml: str = "",
    parts: Mapping[str, bytes] = {},
    content_types: Sequence[str] = (),
    main_type: str = MAIN,
) -> bytes:
    """python-docx's blank document with ``body``, and the given extra parts and links."""
    blank = io.BytesIO()
    docx.Document().save(blank)
    buffer = io.BytesIO()
    with zipfile.ZipFile(blank) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename).decode("utf-8", "surrogateescape")
            if item.filename == "word/document.xml":
                data = re.sub(
                    r"<w:body>.*?(?=<w:sectPr)",
                    lambda _m: "<w:body>" + paragraph(TITLE_LINE) + body,
                    data,
                    flags=re.DOTALL,
                )
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace("</Relationships>", _rels(relationships) + "</Relationships>")
            elif item.filename == "word/settings.xml" and settings_xml:
                data = re.sub(r"(<w:settings[^>]*>)", lambda m: m[1] + settings_xml, data)
            elif item.filename == "[Content_Types].xml":
                data = data.replace(MAIN, main_type)
                data = data.replace("</Types>", "".join(content_types) + "</Types>")
            target.writestr(item, data.encode("utf-8", "surrogateescape"))
        if settings_relationships:
            target.writestr(
                _entry("word/_rels/settings.xml.rels"),
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f"{_rels(settings_relationships)}</Relationships>",
            )
        for name, data_ in parts.items():
            target.writestr(_entry(name), data_)
    return buffer.getvalue()


def _entry(name: str) -> zipfile.ZipInfo:
    """A zip entry with a fixed date, so the files written are the same every time."""
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _rels(relationships: Sequence[Relationship]) -> str:
    return "".join(
        f'<Relationship Id="{id_}" Type="{kind}" Target="{target}"'
        + (' TargetMode="External"' if external else "")
        + "/>"
        for id_, kind, target, external in relationships
    )


def linked_image(web: str = WEB, local: Path | None = None) -> bytes:
    """Pictures linked to ``web`` and to a local file, in DrawingML and VML."""
    local_uri = (local or Path("/usr/share/pixmaps/debian-logo.png")).as_uri()
    return package(
        drawing("rIdWeb", "web.png", 101)
        + drawing("rIdLocal", "local.png", 102)
        + vml_picture("rIdVml", f"{web}/vml.png"),
        relationships=[
            ("rIdWeb", f"{REL}/image", f"{web}/pitchkit.png", True),
            ("rIdLocal", f"{REL}/image", local_uri, True),
            ("rIdVml", f"{REL}/image", f"{web}/vml.png", True),
        ],
    )


def attached_template(web: str = WEB) -> bytes:
    """An attached template fetched from ``web``."""
    return package(
        "",
        settings_xml='<w:attachedTemplate xmlns:r="' + REL + '" r:id="rIdTpl"/>',
        settings_relationships=[("rIdTpl", f"{REL}/attachedTemplate", f"{web}/t.dotm", True)],
    )


def active_fields(web: str = WEB) -> bytes:
    """INCLUDETEXT, INCLUDEPICTURE, DDE and DDEAUTO fields, simple and complex."""
    return package(
        f'<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;{web}/text.docx&quot; ">'
        "<w:r><w:t>included text</w:t></w:r></w:fldSimple></w:p>"
        f'<w:p><w:fldSimple w:instr=" includepicture &quot;{web}/logo.png&quot; \\d ">'
        "<w:r><w:t>included picture</w:t></w:r></w:fldSimple></w:p>"
        + complex_field(" DD", "EAU", 'TO c:\\\\Windows\\\\System32\\\\cmd.exe "/k calc" ')
        + complex_field(f' INCLUDEPICTURE "{web}/complex.png" \\d ')
        + complex_field(' DDE "Excel" "c:\\\\book.xlsx" "R1C1" ')
        + "<w:p>"
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + '<w:r><w:instrText xml:space="preserve"> QUOTE 68 68 69 </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + '<w:r><w:instrText xml:space="preserve">AUTO cmd </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + "<w:r><w:t>made by a field</w:t></w:r>"
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        + complex_field(" PAGE ", result="1")
    )


def file_hyperlink() -> bytes:
    """A link to a local file, a field link to a network share, and a web link (kept)."""
    return package(
        '<w:p><w:hyperlink xmlns:r="' + REL + '" r:id="rIdFile">'
        "<w:r><w:t>the passwords file</w:t></w:r></w:hyperlink></w:p>"
        + complex_field(' HYPERLINK "\\\\\\\\server\\\\share\\\\x.docx" ', result="share link")
        + '<w:p><w:hyperlink xmlns:r="'
        + REL
        + '" r:id="rIdWeb"><w:r><w:t>the NHS website</w:t></w:r></w:hyperlink></w:p>',
        relationships=[
            ("rIdFile", f"{REL}/hyperlink", "file:///etc/passwd", True),
            ("rIdWeb", f"{REL}/hyperlink", "https://www.nhs.uk/", True),
        ],
    )


def alt_chunk() -> bytes:
    """An embedded HTML document that Word would import when opening the file."""
    return package(
        '<w:altChunk xmlns:r="' + REL + '" r:id="rIdChunk"/>',
        relationships=[("rIdChunk", f"{REL}/aFChunk", "chunk.html", False)],
        parts={"word/chunk.html": b"<html><body><img src='" + WEB.encode() + b"/x.png'>"},
        content_types=['<Override PartName="/word/chunk.html" ContentType="text/html"/>'],
    )


def macros() -> bytes:
    """A macro-enabled document with a VBA project and its data."""
    return package(
        "",
        relationships=[("rIdVba", f"{MS_REL}/vbaProject", "vbaProject.bin", False)],
        parts={
            "word/vbaProject.bin": b"\xd0\xcf\x11\xe0 not really a VBA project",
            "word/_rels/vbaProject.bin.rels": (
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                b'relationships"><Relationship Id="rId1" Type="'
                + MS_REL.encode()
                + b'/wordVbaData" Target="vbaData.xml"/></Relationships>'
            ),
            "word/vbaData.xml": b'<?xml version="1.0"?><wne:vbaSuppData xmlns:wne='
            b'"http://schemas.microsoft.com/office/word/2006/wordml"/>',
        },
        content_types=[
            '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
            '<Override PartName="/word/vbaData.xml" '
            'ContentType="application/vnd.ms-word.vbaData+xml"/>',
        ],
        main_type=MACRO_MAIN,
    )


def everything() -> bytes:
    """Every kind of external and active content at once."""
    return package(
        drawing("rIdWeb", "web.png", 101)
        + f'<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;{WEB}/text.docx&quot; ">'
        "<w:r><w:t>included text</w:t></w:r></w:fldSimple></w:p>"
        + complex_field(' DDEAUTO c:\\\\Windows\\\\System32\\\\cmd.exe "/k calc" ')
        + '<w:p><w:hyperlink xmlns:r="'
        + REL
        + '" r:id="rIdFile"><w:r><w:t>the passwords file</w:t></w:r></w:hyperlink></w:p>'
        + '<w:altChunk xmlns:r="'
        + REL
        + '" r:id="rIdChunk"/>',
        relationships=[
            ("rIdWeb", f"{REL}/image", f"{WEB}/pitchkit.png", True),
            ("rIdFile", f"{REL}/hyperlink", "file:///etc/passwd", True),
            ("rIdChunk", f"{REL}/aFChunk", "chunk.html", False),
            ("rIdVba", f"{MS_REL}/vbaProject", "vbaProject.bin", False),
        ],
        settings_xml='<w:attachedTemplate xmlns:r="' + REL + '" r:id="rIdTpl"/>',
        settings_relationships=[("rIdTpl", f"{REL}/attachedTemplate", f"{WEB}/t.dotm", True)],
        parts={
            "word/chunk.html": b"<html><body>imported</body></html>",
            "word/vbaProject.bin": b"\xd0\xcf\x11\xe0 not really a VBA project",
        },
        content_types=[
            '<Override PartName="/word/chunk.html" ContentType="text/html"/>',
            '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
        ],
        main_type=MACRO_MAIN,
    )


def chart_escape() -> bytes:
    """The escape through a chart: its image object's ``.tpl`` was the live DocxTemplate."""
    return package(
        paragraph("{%p for c in update.charts %}")
        + paragraph("{{ c.picture.tpl.save(&quot;written.docx&quot;) }}")
        + paragraph("{%p endfor %}")
    )


TEMPLATES = {
    "linked-image.docx": linked_image,
    "attached-template.docx": attached_template,
    "active-fields.docx": active_fields,
    "file-hyperlink.docx": file_hyperlink,
    "alt-chunk.docx": alt_chunk,
    "macros.docx": macros,
    "external-everything.docx": everything,
    "chart-escape.docx": chart_escape,
}


def main() -> None:
    """Write every template into tests/broken/."""
    for name, make in TEMPLATES.items():
        (BROKEN / name).write_bytes(make())
        print(f"wrote tests/broken/{name}")


if __name__ == "__main__":
    main()
