"""The facts file's vocabulary and the plain checks its fields share.

Both ways of validating a facts file use these: the pydantic models
(:mod:`pitchkit.facts.models`) and the quick builder for clean files
(:mod:`pitchkit.facts.quickfacts`). Nothing here loads pydantic.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal, get_args

from pitchkit.i18n.messages import Message
from pitchkit.pounds import is_foreign_money, pounds_scale

Theme = Literal[
    "safety",
    "outcomes",
    "experience",
    "access",
    "flow",
    "finance",
    "workforce",
    "equity",
    "digital",
    "strategy",
    "compliance",
    "sustainability",
]
THEMES: tuple[str, ...] = get_args(Theme)
Per = Literal["year", "quarter", "month", "week", "day"]
_GROUPED_NUMBER = re.compile(r"^[-+]?£?\d{1,3}(,\d{3})+(\.\d+)?%?$|^[-+]?£?\d+(\.\d+)?%?$")


def _as_list(value: Any) -> Any:
    """Accept a single item where a list is expected (``strategy: Plan 2030``)."""
    if value is None:
        return []
    if isinstance(value, str | dict):
        return [value]
    return value


def _as_number(value: Any) -> Any:
    """Accept ``1,200``, ``£1,590`` and ``87.5%`` as the numbers they plainly are."""
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        if _GROUPED_NUMBER.match(text):
            return text.replace(",", "").replace("£", "").rstrip("%")
    return value


def _schema_version(value: Any) -> Any:
    """Accept schema ``1``, ``1.0`` or ``1.1``, written as a number or text."""
    try:
        number = float(str(value).strip())
    except ValueError:
        number = -1.0
    if isinstance(value, bool) or number not in (1.0, 1.1):
        raise ValueError(Message("use version 1 or 1.1 (1.1 adds 'excludes' on impacts)"))
    return number


def _lower(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


def _per_words(value: Any) -> Any:
    """Accept ``week``, ``per week`` and ``a week`` as the length ``week``."""
    if not isinstance(value, str):
        return value
    words = value.strip().lower().split()
    if len(words) == 2 and words[0] in {"per", "a", "an", "each", "every"}:
        return words[1]
    return " ".join(words)


_FINANCIAL_YEAR = re.compile(r"^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$")


def _financial_year(value: Any) -> Any:
    """Accept ``2020/21``, ``2020-21`` and ``2020/2021`` as the NHS financial year ``2020/21``."""
    found = _FINANCIAL_YEAR.match(str(value).strip()) if isinstance(value, str) else None
    if found is not None:
        first, second = int(found.group(1)), int(found.group(2))
        if second % 100 == (first + 1) % 100 and (second < 100 or second == first + 1):
            return f"{first}/{(first + 1) % 100:02d}"
    raise ValueError(
        Message("write the financial year as YYYY/YY, the year April to March, e.g. 2020/21")
    )


#: Text that is only a number: ``5``, ``1,200``, ``-3.5``, ``40%``.
_BARE_NUMBER = re.compile(r"^[-+]?[\d\s.,]*\d[\d\s.,]*%?$")


def measure_problem(text: str) -> Message | None:
    """What is wrong with ``text`` as a measure's name, if it is only a number.

    A measure and its unit are set around figures in every sentence of a note
    ("from 210 to 0 patients"), so a number there would read as one more figure.
    The YAML reader keeps every value as the text the user wrote; other text
    fields (a name, a phone number) may well be digits and are kept as typed.
    """
    if not _BARE_NUMBER.match(text.strip()):
        return None
    return Message(
        "'{value}' is a number, but a measure says what is counted or timed: name it in "
        "words, e.g. 'Emergency admissions of people aged 75 and over'",
        value=text.strip(),
    )


def unit_problem(text: str) -> Message | None:
    """What is wrong with ``text`` as a unit: only a number (``unit: 5``), or not pounds.

    A sum in another currency (``€``, ``$m``, ``EUR``) would be added to the
    note's pounds as if it were pounds, as a ``currency:`` would (:func:`_pounds`).
    """
    if is_foreign_money(text):
        return Message(
            "pitchkit's notes are in pounds sterling, so '{value}' cannot be used: convert "
            "the figures to pounds and write 'unit: £' (or '£k' or '£m' for thousands or "
            "millions of pounds)",
            value=text.strip(),
        )
    if not _BARE_NUMBER.match(text.strip()):
        return None
    return Message(
        "'{value}' is a number, but a unit says what is counted: write it in words, "
        "e.g. 'patients', 'bed days' or '%'",
        value=text.strip(),
    )


def _measure_words(value: Any) -> Any:
    problem = measure_problem(value) if isinstance(value, str) else None
    if problem is not None:
        raise ValueError(problem)
    return value


def _unit_words(value: Any) -> Any:
    problem = unit_problem(value) if isinstance(value, str) else None
    if problem is not None:
        raise ValueError(problem)
    return value


#: What the lead may write as an impact's ``value.payer``: the words the measure cannot say
#: ("paid by the trust", "the ICB's"), each with the 'whose budget' member it names in the
#: measure map (:mod:`pitchkit.recast.whose` reads them), in English or Welsh. ``own`` is
#: the project's own organisation's, whatever its kind. A "commissioner" is whoever buys the
#: care from the provider: for an English trust its ICB; for a Welsh health board, which
#: commissions as well as provides, itself (:func:`pitchkit.recast.whose.payer`). NHS
#: England (specialised commissioning's high-cost drugs and services) and the Welsh
#: Government are bodies only a lead names: no measure's words are read as theirs.
PAYERS: dict[str, str] = {
    "trust": "trust",
    "provider": "trust",
    "ymddiriedolaeth": "trust",
    "darparwr": "trust",
    "icb": "ICB",
    "integrated care board": "ICB",
    "bwrdd gofal integredig": "ICB",
    "commissioner": "ICB",
    "commissioners": "ICB",
    "comisiynydd": "ICB",
    "comisiynwyr": "ICB",
    "council": "council",
    "local authority": "council",
    "cyngor": "council",
    "awdurdod lleol": "council",
    "cancer alliance": "Cancer Alliance",
    "cynghrair canser": "Cancer Alliance",
    "nhs england": "NHS England",
    "nhse": "NHS England",
    "specialised commissioning": "NHS England",
    "nhs england specialised commissioning": "NHS England",
    "gig lloegr": "NHS England",
    "health board": "health board",
    "local health board": "health board",
    # The NHS Wales Joint Commissioning Committee (formerly WHSSC) commissions specialised
    # services for the health boards out of their own allocations: their money (fixpay28).
    "jcc": "health board",
    "joint commissioning committee": "health board",
    "nhs wales joint commissioning committee": "health board",
    "whssc": "health board",
    "welsh health specialised services committee": "health board",
    "cyd-bwyllgor comisiynu": "health board",
    "cyd-bwyllgor comisiynu gig cymru": "health board",
    "lhb": "health board",
    "bwrdd iechyd": "health board",
    "bwrdd iechyd lleol": "health board",
    "welsh government": "Welsh Government",
    "llywodraeth cymru": "Welsh Government",
    "own": "own",
    "ein hunain": "own",
}

#: How the refusal lists :data:`PAYERS`: English first, by body, then Welsh, each written as
#: a lead would write it (the keys are lower case), plurals and long forms left out.
_PAYERS_SHOWN = (
    "trust", "provider", "ICB", "integrated care board", "commissioner", "council",
    "local authority", "Cancer Alliance", "NHS England", "NHSE", "specialised commissioning",
    "health board", "local health board", "LHB", "JCC", "WHSSC", "Welsh Government", "own",
    "ymddiriedolaeth", "darparwr", "bwrdd gofal integredig", "comisiynydd", "cyngor",
    "awdurdod lleol", "Cynghrair Canser", "GIG Lloegr", "bwrdd iechyd", "bwrdd iechyd lleol",
    "Llywodraeth Cymru", "ein hunain",
)  # fmt: skip

#: Words around a payer that do not change whose it is: "the ICB", "NHS England's", "our own",
#: "y bwrdd iechyd".
_PAYER_ASIDE = re.compile(r"^(?:the|our|y|yr)\s+|(?:'s|’s|s'|s’)$")


def payer_key(text: str) -> str:
    """``text`` as a key of :data:`PAYERS`: lower case, one space, no "the" or "'s"."""
    words = " ".join(text.replace("’", "'").lower().split())
    return _PAYER_ASIDE.sub("", words).strip()


def _payer(value: Any) -> Any:
    """Accept whose budget an impact's money is in, as a word of :data:`PAYERS`."""
    if isinstance(value, str) and payer_key(value) in PAYERS:
        return value.strip()
    raise ValueError(
        Message(
            "'payer' says whose budget the money is in: write one of {names}, not '{value}'",
            names=", ".join(_PAYERS_SHOWN),
            value=value,
        )
    )


def _pounds(value: Any) -> Any:
    """Accept pounds sterling however written, as ``GBP``; refuse any other currency.

    Every sum in a note (payback, totals, shares of a target) is in pounds: an
    amount in euros or dollars would be added to them as if it were pounds.
    """
    if value is None:
        return "GBP"
    if isinstance(value, str) and pounds_scale(value) == 1:
        return "GBP"
    if isinstance(value, str):
        raise ValueError(
            Message(
                "pitchkit's notes are in pounds sterling, so '{value}' cannot be used: "
                "convert the amount to pounds and write 'currency: GBP', or leave "
                "'currency' out",
                value=value.strip(),
            )
        )
    return value


#: The fields whose items may name the directors they are for (schema 1.1).
TARGETED_FIELDS = ("asks", "advice", "offer")
#: The keys a targeted item may have: ``{text: ..., for: [cn, md]}``.
TARGETED_KEYS = ("text", "for")


def _item_text(item: Any) -> Any:
    """A targeted item's text (its audience is kept apart, see :meth:`Facts.audience`).

    A malformed one becomes empty text: :func:`audience_problems` says what is wrong
    with it, where.
    """
    if isinstance(item, dict):
        text = item.get("text")
        return text if isinstance(text, str) else ""
    return item


def _items(value: Any) -> Any:
    """Plain strings, or ``{text:, for:}`` items, or one of either."""
    value = _as_list(value)
    return [_item_text(item) for item in value] if isinstance(value, list) else value


def _audience_of(item: Any) -> tuple[str, ...]:
    """Whom a raw item is for: ``()`` for everyone."""
    if not isinstance(item, dict):
        return ()
    targets = _as_list(item.get("for"))
    if not isinstance(targets, list):
        return ()
    return tuple(str(t).strip() for t in targets if isinstance(t, str | int) and str(t).strip())


def _uk_date(value: Any) -> Any:
    """A date day first, ``01/04/2026``, as in the UK (:func:`~pitchkit.datewords.uk_date`).

    Anything else is left for pydantic, which reads ``2026-04-01`` (newuser35 #11).
    """
    from pitchkit.datewords import is_day_first, uk_date

    if isinstance(value, str) and is_day_first(value):
        return uk_date(value)
    return value


def _change_dates(value: Any) -> Any:
    """One date or a list; a month (``2027-06``) stands for its first day."""
    items = [] if value is None else value if isinstance(value, list) else [value]
    dates = []
    for item in items:
        if isinstance(item, dt.datetime):
            item = item.date()
        if isinstance(item, dt.date):
            dates.append(item)
            continue
        text = str(item).strip()
        from pitchkit.datewords import is_day_first, uk_date

        if is_day_first(text):
            dates.append(uk_date(text))  # 01/06/2027, as in the UK (newuser35 #11)
            continue
        month = re.fullmatch(r"(\d{4})-(0[1-9]|1[0-2])", text)
        try:
            dates.append(
                dt.date(int(month[1]), int(month[2]), 1) if month else dt.date.fromisoformat(text)
            )
        except ValueError:
            raise ValueError(
                Message(
                    "{value} is not a date: write the day the change took effect as "
                    "YYYY-MM-DD (2027-06-01) or its month as YYYY-MM, or a list of them",
                    value=repr(text),
                )
            ) from None
    return sorted(set(dates))


def _plain(number: float) -> str:
    """A figure as the user wrote it: 12 rather than 12.0."""
    whole = float(number).is_integer() and abs(number) < 1e15
    return str(int(number)) if whole else f"{number:g}"


#: Titles a director's name may start with, as a letter greets them: "Dr Raman".
_TITLES = frozenset(
    {"dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "yr athro", "revd"}
)
#: Titles that go with the first name: "Dame Jane", "Sir John".
_FIRST_NAME_TITLES = frozenset({"sir", "dame"})


def greeting_from_name(name: str) -> str:
    """How a letter greets someone known only by ``name``, when no salutation is given.

    A name that starts with a title keeps it with the surname ("Dr Priya Raman" is
    "Dr Raman", "Professor Ann Lee" "Professor Lee"; "Sir John Smith" is "Sir John"),
    as a formal letter does; a plain name gives the first name ("Margaret Oduya" is
    "Margaret"), as colleagues in the NHS write to each other. Post-nominals after a
    comma ("Jane Cole, MBE") are left off.
    """
    words = name.split(",")[0].split()
    if len(words) < 2:
        return name.strip()
    first = words[0].lower().rstrip(".")
    if first in _FIRST_NAME_TITLES:  # "Sir John Smith" and "Sir John" alike: "Sir John"
        return f"{words[0]} {words[1]}"
    two = " ".join(words[:2]).lower()
    if two in _TITLES and len(words) >= 3:  # "Yr Athro Siân Jones"
        return f"{words[0]} {words[1]} {words[-1]}"
    if first in _TITLES:
        return f"{words[0]} {words[-1]}"
    return words[0]
