"""Keep pitchkit's message catalogs in step with the code, in one command.

    python scripts/i18n.py            extract, update the Welsh catalog, compile
    python scripts/i18n.py --check    exit 1 if anything is out of date or untranslated
    python scripts/i18n.py --todo     list the messages still waiting for Welsh

Extraction follows ``babel.cfg``: Python sources (gettext, ngettext, N_), the
template-building script (T) and the user-facing fields of ``lenses.yaml``
(title, text, gains, advice). New messages arrive untranslated; messages no longer
in the code are dropped. Files are rewritten only when their content
changes, so re-running leaves a clean tree. Locations are recorded without
line numbers, so a colleague moving code does not make the catalog stale.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gettext
import io
import json
import re
import sys
import tokenize
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from ruamel.yaml import YAML

from pitchkit.i18n.welsh import WELSH_WORDS_FILE, count_welsh_words

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "babel.cfg"
LOCALE_DIR = ROOT / "src" / "pitchkit" / "i18n" / "locale"
DOMAIN = "pitchkit"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
#: The languages with a catalog (English is the source language and needs none).
LANGUAGES = ("cy",)
PROJECT = "pitchkit"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
TEAM_NAME = "The pitchkit team"
#: The Language-Team header of each catalog.
TEAM = {"cy": "Welsh (Cymraeg), the pitchkit team"}
TEMPLATE_HEADER = (
    "# Messages pitchkit shows, for translation: made by scripts/i18n.py, do not edit.\n"
    "# Distributed under the same licence (MIT) as pitchkit."
)
#: The comment at the top of each catalog.
HEADERS = {
    "cy": (
        "# Welsh translations of pitchkit (Cyfieithiadau Cymraeg pitchkit).\n"
        "# Terms chosen: docs/glossary-cy.md. Run scripts/i18n.py after editing.\n"
        "# Distributed under the same licence (MIT) as pitchkit."
    )
}

#: lenses.yaml fields whose text readers see.
LENS_FIELDS = frozenset({"title", "text", "gains", "advice"})

_DATE_LINE = re.compile(r'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"$', re.MULTILINE)
_BRACES = re.compile(r"\{([^{}]*)\}")
_PERCENT = re.compile(r"%\(([A-Za-z_]\w*)\)[sdifr]")

#: Placeholders a translation may use in place of the English one: the Welsh
#: quarter wording takes the soft-mutated month that fmt.period_label provides.
STAND_INS = {"{start} to {end} {year}": {"end_soft": "end"}}


# ---------------------------------------------------------------- extraction


def extract_lenses(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Babel extractor for lenses.yaml: every string under a title, text, gains or advice key."""
    data = YAML(typ="rt").load(fileobj.read().decode("utf-8"))
    yield from _lens_strings(data, None)


def _lens_strings(node: Any, key: str | None) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Walk the YAML, yielding (line, None, text, comments) for the readable fields."""
    if isinstance(node, dict):
        for child_key, value in node.items():
            if child_key in LENS_FIELDS and isinstance(value, str):
                line = _positions(node).key(child_key)[0] + 1
                yield line, None, value, [f"lens {child_key}"]
            else:
                yield from _lens_strings(value, str(child_key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            if key in LENS_FIELDS and isinstance(value, str):
                yield _positions(node).item(index)[0] + 1, None, value, [f"lens {key}"]
            else:
                yield from _lens_strings(value, key)


def _positions(node: Any) -> Any:
    """ruamel.yaml's record of where a mapping's keys or a sequence's items are."""
    return node.lc


def extract_catalog() -> Catalog:
    """Extract every message the code and data mark for translation, as a template."""
    if str(Path(__file__).parent) not in sys.path:
        sys.path.insert(0, str(Path(__file__).parent))  # for the lenses extractor
    with CONFIG.open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config, filename=str(CONFIG))  # type: ignore[no-untyped-call]
    catalog = Catalog(
        project=PROJECT,
        version=VERSION,
        copyright_holder=TEAM_NAME,
        msgid_bugs_address=TEAM_NAME,
        header_comment=TEMPLATE_HEADER,
        charset="utf-8",
        fuzzy=False,
    )
    reading: list[str] = []
    found = extract_from_dir(
        str(ROOT),
        method_map,
        options_map,
        keywords={},
        comment_tags=("Translators:",),
        strip_comment_tags=True,
        callback=lambda filename, method, options: reading.append(filename),
    )
    try:
        for filename, lineno, message, comments, context in found:
            location = [(filename, lineno)]
            catalog.add(message, None, location, auto_comments=comments, context=context)
    except (SyntaxError, tokenize.TokenError) as error:
        where = reading[-1] if reading else "a source file"
        raise ExtractionError(f"cannot read messages from {where}: {error}") from error
    return catalog


class ExtractionError(Exception):
    """A source file could not be read for messages (usually a syntax error in it)."""


# ---------------------------------------------------------------- catalogs


def po_path(language: str) -> Path:
    """Where the catalog for ``language`` lives."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    """Where the compiled catalog for ``language`` lives."""
    return po_path(language).with_suffix(".mo")


def read_catalog(path: Path, language: str | None = None) -> Catalog:
    """Read a .po or .pot file."""
    with path.open("rb") as source:
        return read_po(source, locale=language, domain=DOMAIN)


def updated_catalog(template: Catalog, language: str) -> Catalog:
    """The catalog for ``language`` brought in step with ``template``.

    Translations are kept for messages still in use; new messages arrive
    empty (never guessed from similar ones), and unused ones are dropped.
    """
    path = po_path(language)
    if path.exists():
        catalog = read_catalog(path, language)
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, fuzzy=False)
    catalog.project = PROJECT
    catalog.version = VERSION
    catalog.msgid_bugs_address = TEAM_NAME
    catalog.last_translator = TEAM_NAME
    catalog.language_team = TEAM.get(language, "")
    catalog.header_comment = HEADERS.get(language, TEMPLATE_HEADER)
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    return catalog


def po_text(catalog: Catalog) -> bytes:
    """The catalog as .po (or .pot) text: sorted, without line numbers."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, include_lineno=False)
    return buffer.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    """The catalog compiled to .mo bytes (untranslated and fuzzy messages left out)."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def same_po(old: bytes, new: bytes) -> bool:
    """Whether two .po texts differ only in their creation and revision dates."""
    return _DATE_LINE.sub("", old.decode("utf-8")) == _DATE_LINE.sub("", new.decode("utf-8"))


def write_if_changed(path: Path, data: bytes, *, po: bool) -> bool:
    """Write ``data`` to ``path`` unless it holds the same content; say if it wrote."""
    if path.exists():
        old = path.read_bytes()
        if old == data or (po and same_po(old, data)):
            return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


# ---------------------------------------------------------------- checks


def placeholders(text: str) -> frozenset[str]:
    """The ``{name}`` and ``%(name)s`` placeholders in ``text`` ("{{" is not one)."""
    plain = text.replace("{{", "").replace("}}", "")
    return frozenset(_BRACES.findall(plain)) | frozenset(_PERCENT.findall(text))


def message_problems(message: Message) -> list[str]:
    """What is wrong with one translated message: missing forms, lost or added placeholders."""
    ids, strings = _forms(message.id), _forms(message.string)
    name = ids[0]
    if message.fuzzy:
        return [f"{name!r}: marked fuzzy; check the translation and remove the flag"]
    if not all(strings):
        return [f"{name!r}: no translation"]
    sets = [placeholders(i) for i in ids]
    # Every form keeps what singular and plural share ("{n}"); the English singular
    # may leave out the count ("one of their objectives"), so a form may too.
    required, allowed = frozenset.intersection(*sets), frozenset.union(*sets)
    stand_ins = STAND_INS.get(name, {})
    problems = []
    for string in strings:
        found = frozenset(stand_ins.get(p, p) for p in placeholders(string))
        if required - found:
            problems.append(f"{name!r}: translation drops {sorted(required - found)}")
        if found - allowed:
            problems.append(f"{name!r}: translation adds {sorted(found - allowed)}")
    used = frozenset().union(*(placeholders(s) for s in strings))
    if allowed - frozenset(stand_ins.get(p, p) for p in used):
        problems.append(f"{name!r}: no form uses {sorted(allowed - used)}")
    return problems


def catalog_problems(catalog: Catalog, template: Catalog) -> list[str]:
    """Every reason ``catalog`` is not a complete, current translation of ``template``."""
    wanted = {message_key(m) for m in template if m.id}
    have = {message_key(m) for m in catalog if m.id}
    problems = [f"{k!r}: in the code but not in the catalog" for k in sorted(wanted - have)]
    problems += [f"{k!r}: in the catalog but no longer in the code" for k in sorted(have - wanted)]
    for message in catalog:
        if message.id:
            problems += message_problems(message)
    return problems


def _forms(value: str | Sequence[str] | None) -> list[str]:
    """A message's id or translation as a list: one entry, or one per plural form."""
    if isinstance(value, str):
        return [value]
    return list(value or ())


def message_key(message: Message) -> str:
    """A message's identity for comparison: its singular text."""
    return message.id if isinstance(message.id, str) else message.id[0]


def untranslated(catalog: Catalog) -> Iterable[Message]:
    """Messages with no translation (or only some plural forms)."""
    for message in catalog:
        if message.id and (message.fuzzy or not all(_forms(message.string))):
            yield message


# ---------------------------------------------------------------- commands


def refresh() -> list[Path]:
    """Extract, update every catalog and compile it; return the files rewritten."""
    template = extract_catalog()
    written = []
    if write_if_changed(TEMPLATE, po_text(template), po=True):
        written.append(TEMPLATE)
    for language in LANGUAGES:
        catalog = updated_catalog(template, language)
        catalog.revision_date = dt.datetime.now(dt.UTC)
        text = po_text(catalog)
        if write_if_changed(po_path(language), text, po=True):
            written.append(po_path(language))
        compiled = mo_bytes(read_catalog(po_path(language), language))  # as written
        if write_if_changed(mo_path(language), compiled, po=False):
            written.append(mo_path(language))
    if write_if_changed(WELSH_WORDS_FILE, welsh_words_json(), po=False):
        written.append(WELSH_WORDS_FILE)
    return written


def welsh_words_json() -> bytes:
    """The Welsh-only words of the compiled Welsh catalog and the measure map, as JSON."""
    with mo_path("cy").open("rb") as stream:
        compiled = gettext.GNUTranslations(stream)
    catalog: dict[object, str] = getattr(compiled, "_catalog", {})
    words = sorted(count_welsh_words(catalog))
    return (json.dumps(words, ensure_ascii=False, indent=0) + "\n").encode("utf-8")


def check() -> list[str]:
    """Everything out of date or untranslated, as lines to show."""
    template = extract_catalog()
    problems = []
    if not TEMPLATE.exists() or not same_po(TEMPLATE.read_bytes(), po_text(template)):
        problems.append(f"{TEMPLATE.relative_to(ROOT)} is out of date")
    for language in LANGUAGES:
        path = po_path(language)
        if not path.exists():
            problems.append(f"{path.relative_to(ROOT)} is missing")
            continue
        catalog = read_catalog(path, language)
        where = path.relative_to(ROOT)
        problems += [f"{where}: {p}" for p in catalog_problems(catalog, template)]
        mo = mo_path(language)
        if not mo.exists() or mo.read_bytes() != mo_bytes(catalog):
            problems.append(f"{mo.relative_to(ROOT)} is not compiled from {where}")
    words = WELSH_WORDS_FILE
    if mo_path("cy").exists() and (not words.exists() or words.read_bytes() != welsh_words_json()):
        problems.append(f"{words.relative_to(ROOT)} is out of date: run python scripts/i18n.py")
    return problems


def plural_check() -> list[str]:
    """Catalog plural rules that disagree with Babel's locale data."""
    problems = []
    for language in LANGUAGES:
        catalog = read_catalog(po_path(language), language)
        expected = Catalog(locale=Locale.parse(language)).num_plurals
        if catalog.num_plurals != expected:
            problems.append(
                f"{language}: catalog has {catalog.num_plurals} plural forms, "
                f"Babel's locale data {expected}"
            )
    return problems


def main(argv: list[str] | None = None) -> int:
    """Run the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="report, change nothing")
    mode.add_argument("--todo", action="store_true", help="list untranslated messages")
    args = parser.parse_args(argv)
    try:
        return run(args)
    except ExtractionError as error:
        print(f"error: {error}: fix the file, then run this again", file=sys.stderr)
        return 1


def run(args: argparse.Namespace) -> int:
    """Do what the options ask."""
    if args.check:
        problems = check() + plural_check()
        for line in problems:
            print(line)
        print(f"{len(problems)} problem(s)" if problems else "catalogs are complete and current")
        return 1 if problems else 0
    if args.todo:
        count = 0
        for language in LANGUAGES:
            for message in untranslated(read_catalog(po_path(language), language)):
                count += 1
                print(f"{language}: {message.id!r}")
        print(f"{count} message(s) to translate")
        return 1 if count else 0
    written = refresh()
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")
    if not written:
        print("catalogs already up to date")
    waiting = sum(1 for lang in LANGUAGES for _ in untranslated(read_catalog(po_path(lang), lang)))
    if waiting:
        print(f"{waiting} message(s) still need translating: python scripts/i18n.py --todo")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
