"""A conversion into a director's own units, worded: the phrase and its small print."""

from __future__ import annotations

from pitchkit.i18n import fmt
from pitchkit.i18n.fmt import quoted
from pitchkit.i18n.translation import Language
from pitchkit.notes.foreign import foreign
from pitchkit.notes.wording import lower_measure, per_phrase
from pitchkit.recast.conversions import Conversion
from pitchkit.recast.money import PER_YEAR


def _about(value: float, lang: Language) -> str:
    """A converted figure as "about" says it (:func:`pitchkit.i18n.fmt.about`)."""
    return fmt.about(value, lang)


def conversion_phrase(conversion: Conversion, lang: Language, per: str | None = None) -> str:
    """A conversion as a phrase: ``about 2.4 beds``, ``about 3 WTE``.

    A flow (clinic sessions, CO2e) is given for the impact's own period
    ``per`` (default a year), so that it sits in one clause with the gain and
    its worth: "800 fewer a month, worth £38,000 a month in capacity, about 67
    clinic sessions a month", not a month and a year side by side.
    """
    value = conversion.value
    if conversion.kind == "beds":
        return lang.gettext("about {beds}").format(
            beds=fmt.counted(_about(value, lang), "beds", lang)
        )
    if conversion.kind == "expected-deaths":
        expected = fmt.number(fmt.whole(conversion.factor), lang)
        return lang.gettext("{share} of the {deaths} expected a year").format(
            share=fmt.percent(value, lang, decimals=1 if value < 0.095 else 0),
            deaths=fmt.counted(expected, "deaths", lang),
        )
    if conversion.kind == "wte":
        return lang.gettext("about {wte} WTE").format(wte=_about(value, lang))
    period = per if per in PER_YEAR else "year"
    value /= PER_YEAR[period]
    words = per_phrase(period, lang)
    if conversion.kind == "sessions":
        return lang.gettext("about {sessions} {per}").format(
            sessions=fmt.counted(_about(value, lang), "clinic sessions", lang), per=words
        )
    if value >= 10_000:
        return lang.gettext("about {tonnes} CO2e {per}").format(
            tonnes=fmt.counted(_about(value / 1000, lang), "tonnes", lang), per=words
        )
    return lang.gettext("about {kg} kg CO2e {per}").format(kg=_about(value, lang), per=words)


def conversion_note(conversion: Conversion, lang: Language) -> str:
    """The assumption behind a conversion, for the note's small print."""
    default = lang.gettext(" (assumed)")
    factor = conversion.factor
    if conversion.kind == "beds":
        # Inside the brackets already: ", assumed", not a second pair "(assumed))".
        inside = lang.gettext(", assumed")
        if conversion.named_by:
            return lang.gettext(
                "Beds: bed days a year ÷ (365 days × {occupancy} occupancy, as the {role}'s "
                "objective names it)."
            ).format(occupancy=fmt.percent(factor / 100, lang), role=conversion.named_by)
        return lang.gettext(
            "Beds: bed days a year ÷ (365 days × {occupancy} occupancy{default})."
        ).format(
            occupancy=fmt.percent(factor / 100, lang), default=inside if conversion.default else ""
        )
    if conversion.kind == "expected-deaths":
        return lang.gettext(
            "Expected deaths: {expected} a year behind the mortality ratio."
        ).format(expected=fmt.number(factor, lang))
    if conversion.kind == "wte":
        return lang.gettext(
            "WTE: shifts a year × {hours} hours{default} ÷ {year} paid hours a year per WTE"
            "{year_default}, with no allowance for leave."
        ).format(
            hours=fmt.number(factor, lang),
            default=default if conversion.default else "",
            year=fmt.number(conversion.second_factor or 0, lang),
            year_default=default if conversion.second_default else "",
        )
    if conversion.kind == "sessions":
        return lang.gettext("Clinic sessions: {slots} appointments a session{default}.").format(
            slots=fmt.number(factor, lang), default=default if conversion.default else ""
        )
    return lang.gettext("CO2e: {kg} kg a journey.").format(kg=fmt.number(factor, lang))


def named_conversion_note(note: str, measure: str, lang: Language) -> str:
    """``note`` naming the measure it converts: ``WTE for registered nurse shifts: …``.

    For a note beside another of its kind (two WTE notes, at 12 and 7.5
    hours a shift), which would otherwise not say which figure each is for.
    """
    label, colon, rest = note.partition(": ")
    if not colon:
        return note
    # A measure written only in English is quoted as written on a Welsh note.
    named = quoted(measure) if foreign(measure, lang) else lower_measure(measure)
    return lang.gettext("{label} for {measure}: {rest}").format(
        label=label, measure=named, rest=rest
    )
