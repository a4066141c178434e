"""NHS Wales bodies: Wales's standards in ``init``, their Welsh names in Welsh documents.

newuser31 #2: a Hywel Dda University Health Board's Chief Operating Officer
was offered England's 18 weeks and four-hour standard. Each test runs the
command as a user would and reads back what it printed or wrote.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pitchkit.cli import app
from pitchkit.facts.orgkind import kind_of
from pitchkit.facts.schema import load_facts

MEETING = dt.date.today() + dt.timedelta(days=40)


def interview(organisation: str, role: str, picked: str) -> str:
    """Answers to ``pitchkit init``: an ear care project, one impact, one director."""
    lines = [
        "Community ear care",
        organisation,
        "Rhian Owen",
        "Improvement Lead",
        "",  # no email
        "Adults wait months in ENT outpatients to have earwax removed",
        "Audiology-led microsuction clinics in four towns",
        "",  # no strategy
        "",  # no evidence
        "",  # start
        "",  # end
        "",  # no funding
        "Routine ENT referrals for earwax",
        "referrals",
        "3",  # a month
        "140",
        "40",
        "",  # no money value
        "ENT referral logs",
        "no",  # no more impacts
        role,
        "Andrew Carruthers",
        "",  # default id
        picked,
        "",  # none of their own
        "",  # no concerns
        "no",  # no more directors
        "Agree recurrent funding for the clinics",
        "",
        "",
        "",
        MEETING.isoformat(),
    ]
    return "".join(f"{line}\n" for line in lines)


def test_nhs_wales_bodies_are_read_as_welsh() -> None:
    assert kind_of("Hywel Dda University Health Board") == "health-board"
    assert kind_of("Bwrdd Iechyd Prifysgol Hywel Dda") == "health-board"
    assert kind_of("Velindre University NHS Trust") == "welsh-trust"
    assert kind_of("Public Health Wales NHS Trust") == "welsh-trust"
    assert kind_of("Welsh Ambulance Services University NHS Trust") == "ambulance"
    assert kind_of("Example NHS Foundation Trust") is None


@pytest.mark.parametrize(
    "organisation",
    ["Hywel Dda University Health Board", "Velindre University NHS Trust"],
)
def test_a_welsh_coo_is_offered_wales_standards(tmp_path: Path, organisation: str) -> None:
    facts = tmp_path / "facts.yaml"
    feed = interview(organisation, "Chief Operating Officer", "1,2,3")
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed)
    assert result.exit_code == 0, result.output
    shown = " ".join(result.output.split())
    assert "18 weeks" not in shown
    assert "four-hour standard" not in shown
    assert "ambulance handover" in shown
    [director] = load_facts(facts).facts.directors
    assert [o.text for o in director.objectives] == [
        "Meet the 4-hour and 12-hour waiting targets in emergency departments",
        "Treat patients within 36 weeks of referral, with no one waiting over 104 weeks",
        "Deliver the Six Goals for Urgent and Emergency Care",
    ]
    assert [o.id for o in director.objectives] == ["four-hour", "rtt", "six-goals"]


def test_an_english_trusts_coo_keeps_englands(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    feed = interview("Severnside Hospitals NHS Foundation Trust", "Chief Operating Officer", "2")
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed)
    assert result.exit_code == 0, result.output
    [director] = load_facts(facts).facts.directors
    assert [o.text for o in director.objectives] == [
        "Treat more patients within 18 weeks of referral"
    ]


@pytest.mark.parametrize(
    ("role", "picked", "expected", "england"),
    [
        (
            "Chief Executive",
            "2,3",
            [
                "Break even and have an approved Integrated Medium Term Plan (IMTP)",
                "Show Healthcare Inspectorate Wales a safe, well-run organisation",
            ],
            "across the system",
        ),
        (
            "Director of Strategy",
            "1,4",
            [
                "Deliver the organisation's Integrated Medium Term Plan (IMTP)",
                "Build lasting partnerships through the regional partnership board",
            ],
            "system plan",
        ),
        (
            "Medical Director",
            "2",
            ["Improve clinical effectiveness against national clinical audits"],
            "GIRFT",
        ),
        (
            "Chief Digital Officer",
            "2",
            ["Raise the organisation's digital maturity"],
            "What Good Looks Like",
        ),
    ],
)
def test_other_roles_in_a_health_board_are_offered_no_englands_names(
    tmp_path: Path, role: str, picked: str, expected: list[str], england: str
) -> None:
    facts = tmp_path / "facts.yaml"
    feed = interview("Hywel Dda University Health Board", role, picked)
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed)
    assert result.exit_code == 0, result.output
    assert england not in " ".join(result.output.split())
    [director] = load_facts(facts).facts.directors
    assert [o.text for o in director.objectives] == expected


def test_the_welsh_interview_offers_wales_standards_in_welsh(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    feed = interview("Bwrdd Iechyd Prifysgol Hywel Dda", "Prif Swyddog Gweithredu", "1,2,3")
    result = CliRunner().invoke(app, ["init", str(facts), "--locale", "cy_GB"], input=feed)
    assert result.exit_code == 0, result.output
    shown = " ".join(result.output.split())
    assert "18 wythnos" not in shown
    assert "Lleihau oedi wrth drosglwyddo cleifion o ambiwlansys" in shown
    [director] = load_facts(facts, lang="cy").facts.directors
    assert [o.text for o in director.objectives] == [
        "Cyrraedd y targedau aros 4 awr a 12 awr yn yr Adran Achosion Brys",
        "Trin cleifion o fewn 36 wythnos i'w hatgyfeirio, heb i neb aros mwy na 104 wythnos",
        "Cyflawni'r Chwe Nod ar gyfer Gofal Brys ac Argyfwng",
    ]


def facts_file(path: Path, organisation: str) -> Path:
    """A Welsh facts file for a podiatry project, every text in Welsh but the organisation."""
    path.write_text(
        f"""settings:
  locale: cy_GB
project:
  title: Clinig wlserau coes yn y gymuned
  organisation: {organisation}
  lead:
    name: Gwenllian Price
    role: Pennaeth Nyrsio Cymunedol
  problem: >-
    Mae cleifion ag wlserau coes yn aros wythnosau am ofal arbenigol, ac mae
    nyrsys ardal yn treulio oriau yn eu gorchuddio gartref.
  change: >-
    Clinig wythnosol dan arweiniad nyrsys hyfedr ym mhob clwstwr, gyda
    rhwymynnau cywasgu a chynllun gofal i bob claf.
  start: 2027-04-01
impacts:
  - id: home-visits
    measure: Ymweliadau nyrsys ardal i orchuddio wlserau coes
    unit: {{en: visits, cy: ymweliad}}
    per: month
    baseline: 620
    target: 400
    better: lower
    source: System amserlennu nyrsys ardal, 2026/27
    supports: [dn.harm]
directors:
  - id: dn
    name: Mandy Rees
    role: Cyfarwyddwr Nyrsio
    objectives:
      - id: harm
        text: Lleihau niwed y gellir ei osgoi
asks:
  - Cytuno i dreialu'r clinig mewn dau glwstwr
""",
        encoding="utf-8",
    )
    return path


def header_of(docx: Path) -> str:
    """The text of a Word document, headers included (as python-docx reads it)."""
    from docx import Document

    document = Document(str(docx))
    parts = [p.text for p in document.paragraphs]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_a_known_health_boards_welsh_name_heads_a_welsh_note(tmp_path: Path) -> None:
    facts = facts_file(tmp_path / "facts.yaml", "Swansea Bay University Health Board")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["brief", str(facts), "-d", "dn", "--strict", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "project.organisation" not in result.output
    [docx] = out.glob("*.docx")
    text = header_of(docx)
    assert "Bwrdd Iechyd Prifysgol Bae Abertawe" in text
    assert "Swansea Bay" not in text
    # The English note keeps the English name.
    english = CliRunner().invoke(
        app, ["brief", str(facts), "-d", "dn", "--locale", "en_GB", "-o", str(tmp_path / "en")]
    )
    assert english.exit_code == 0, english.output
    [docx] = (tmp_path / "en").glob("*.docx")
    assert "Swansea Bay University Health Board" in header_of(docx)


def test_an_unknown_english_organisation_is_named_with_its_fix(tmp_path: Path) -> None:
    facts = facts_file(tmp_path / "facts.yaml", "Swansea Bay Community Services")
    out = tmp_path / "out"
    strict = CliRunner().invoke(app, ["brief", str(facts), "-d", "dn", "--strict", "-o", str(out)])
    assert strict.exit_code == 1
    shown = " ".join(strict.output.split())
    assert f"{facts}:5:17 project.organisation" in shown
    assert "{en: ..., cy: ...}" in shown
    assert not out.exists() or list(out.iterdir()) == []
    warned = CliRunner().invoke(app, ["brief", str(facts), "-d", "dn", "-o", str(out)])
    assert warned.exit_code == 0, warned.output
    assert "(project.organisation)" in " ".join(warned.output.split())
    updated = CliRunner().invoke(
        app, ["update", str(facts), "-d", "dn", "--period", "2027-05", "--strict", "-o", f"{out}/"]
    )
    assert "project.organisation" in " ".join(updated.output.split())


LINKED = """\
project:
  title: Orthopaedic virtual physiotherapy triage
  organisation: Betsi Cadwaladr University Health Board
  lead: {name: Owain Jones, role: Clinical Lead Physiotherapist}
  problem: Patients with knee pain wait over a year for an orthopaedic opinion.
  change: Advanced practice physiotherapists triage new orthopaedic referrals by video.
  start: 2027-01-04
impacts:
  - id: ortho-52
    measure: Orthopaedic patients waiting more than 52 weeks for treatment (RTT)
    unit: patients
    baseline: 900
    target: 600
    better: lower
    source: Welsh Patient Administration System
directors:
  - id: coo
    name: Gareth Morgan
    role: Chief Operating Officer
    objectives:
      - id: rtt
        text: No patient waiting more than 104 weeks for treatment (RTT), and fewer over 52 weeks
asks:
  - Release two physiotherapy sessions a week for the pilot
"""


@pytest.mark.parametrize(
    ("locale", "shown", "typed"),
    [
        ("cy_GB", "h = hepgor, q = stopio [h]:", ["", "h", "s"]),
        ("en_GB", "s = skip, q = stop [s]:", ["", "s"]),
    ],
)
def test_the_link_prompt_shows_the_skip_key_it_lists(
    tmp_path: Path, locale: str, shown: str, typed: list[str]
) -> None:
    facts = tmp_path / "facts.yaml"
    for answer in typed:
        facts.write_text(LINKED, encoding="utf-8")
        result = CliRunner().invoke(
            app, ["link", str(facts), "--locale", locale], input=f"{answer}\n"
        )
        assert result.exit_code == 0, result.output
        assert shown in result.output
        assert "[s]" not in result.output or locale == "en_GB"
        assert facts.read_text(encoding="utf-8") == LINKED  # skipped: nothing written


EAR_CARE = Path(__file__).parent / "data" / "fixnew31a_ear_care.yaml"


def note_text(out: Path) -> str:
    [docx] = out.glob("*.docx")
    return " ".join(header_of(docx).split())


@pytest.mark.parametrize(
    ("locale", "so_far", "against"),
    [
        (
            "en_GB",
            "So far 237 fewer referrals, July to November 2025.",
            "Counted against the average before the change: 140.2 referrals a month.",
        ),
        (
            "cy_GB",
            "Hyd yma, bu 237 atgyfeiriad yn llai, Gorffennaf – Tachwedd 2025.",
            "Cyfrifir o'i gymharu â'r cyfartaledd cyn y newid: 140.2 atgyfeiriad y mis.",
        ),
    ],
)
def test_so_far_says_it_counts_from_the_logs_mean_not_the_plans_140(
    tmp_path: Path, locale: str, so_far: str, against: str
) -> None:
    """The plan says "from 140"; 237 is 5 x 140.17 - 464, so the brief names the 140.2."""
    brief = CliRunner().invoke(
        app, ["brief", str(EAR_CARE), "-d", "coo", "--locale", locale, "-o", str(tmp_path / "b")]
    )
    assert brief.exit_code == 0, brief.output
    text = note_text(tmp_path / "b")
    assert f"{so_far} {against}" in text
    # The finance note gives the same 237 and names the mean once, in its money lines.
    finance = CliRunner().invoke(
        app, ["brief", str(EAR_CARE), "-d", "dof", "--locale", locale, "-o", str(tmp_path / "f")]
    )
    assert finance.exit_code == 0, finance.output
    text = note_text(tmp_path / "f")
    assert so_far in text
    assert against not in text
    assert text.count("140.2") == 1
    # The update counts the same 237 from the same mean.
    args = ["update", str(EAR_CARE), "-d", "coo", "--period", "2025-11", "--locale", locale]
    update = CliRunner().invoke(app, [*args, "-o", f"{tmp_path / 'u'}/"])
    assert update.exit_code == 0, update.output
    text = note_text(tmp_path / "u")
    assert "237" in text
    assert "140.2" in text


def test_so_far_names_no_mean_that_is_the_plans_baseline(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    # January's 141 becomes 140: the log's mean before the change is 140.0, the plan's own.
    text = EAR_CARE.read_text(encoding="utf-8")
    facts.write_text(text.replace("ent-referrals: 141}}", "ent-referrals: 140}}", 1))
    result = CliRunner().invoke(
        app, ["brief", str(facts), "-d", "coo", "--locale", "en_GB", "-o", str(tmp_path / "b")]
    )
    assert result.exit_code == 0, result.output
    shown = note_text(tmp_path / "b")
    assert "So far 236 fewer referrals, July to November 2025." in shown
    assert "log's average" not in shown


COSTED = """\
# newuser31 #8 and #9: two unit costs in one list; appointments a Therapies director
# reads as clinic sessions (12 a session, assumed).
settings: {locale: cy_GB}
project:
  title: {en: Community ear care clinics, cy: Clinigau gofal clust cymunedol}
  organisation: Aneurin Bevan University Health Board
  lead: {name: Sioned Lloyd, role: {en: Head of Audiology, cy: Pennaeth Awdioleg}}
  problem:
    en: Adults wait months in ENT to have earwax removed.
    cy: Mae oedolion yn aros misoedd mewn clinigau ENT i gael tynnu cwyr clust.
  change:
    en: Audiology-led microsuction clinics.
    cy: Clinigau microsugno dan arweiniad awdioleg.
  start: 2027-04-01
impacts:
  - id: ent-referrals
    measure:
      en: Routine adult ENT referrals for earwax
      cy: Atgyfeiriadau ENT arferol oedolion am gwyr clust
    unit: {en: referrals, cy: atgyfeiriad}
    per: month
    baseline: 140
    target: 40
    better: lower
    value:
      amount: 165
      source: {en: ENT outpatient costing return, cy: Ffurflen gostio cleifion allanol ENT}
      price_year: 2026/27
    releases: capacity
    supports: [dths.audiology]
  - id: hearing-aid-cancellations
    measure:
      en: Hearing aid appointments cancelled because of earwax
      cy: Apwyntiadau cymorth clyw a ganslwyd oherwydd cwyr
    unit: {en: appointments, cy: apwyntiad}
    per: month
    baseline: 120
    target: 20
    better: lower
    value:
      amount: AMOUNT
      source: {en: Audiology costing return, cy: Ffurflen gostio awdioleg}
      price_year: 2026/27
    releases: capacity
    supports: [dths.audiology]
directors:
  - id: dths
    name: Alison Shakeshaft
    role: Executive Director of Therapies and Health Science
    objectives:
      - id: audiology
        text:
          en: Reduce adult audiology waiting times to 14 weeks
          cy: Lleihau amseroedd aros awdioleg oedolion i 14 wythnos
asks:
  - {en: Agree recurrent funding for the clinics, cy: Cytuno ar gyllid rheolaidd i'r clinigau}
"""


@pytest.mark.parametrize(
    ("amount", "locale", "listed", "not_listed"),
    [
        ("95", "en_GB", ["£165 per referral", "£95 per appointment"], ["£95.00", "£165.00"]),
        ("95", "cy_GB", ["£165 am bob atgyfeiriad", "£95 am bob apwyntiad"], ["£95.00"]),
        ("94.50", "en_GB", ["£165.00 per referral", "£94.50 per appointment"], ["£165 per"]),
        ("94.50", "cy_GB", ["£165.00 am bob atgyfeiriad", "£94.50 am bob apwyntiad"], []),
    ],
)
def test_a_list_of_unit_costs_is_in_one_format(
    tmp_path: Path, amount: str, locale: str, listed: list[str], not_listed: list[str]
) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(COSTED.replace("AMOUNT", amount), encoding="utf-8")
    args = ["brief", str(facts), "-d", "dths", "--locale", locale, "-o", str(tmp_path / "out")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    text = note_text(tmp_path / "out")
    for cost in listed:
        assert cost in text
    for cost in not_listed:
        assert cost not in text


@pytest.mark.parametrize(
    ("locale", "about", "decimal"),
    [
        ("en_GB", "about 8 clinic sessions a month", "8.3"),
        ("cy_GB", "tua 8 sesiwn glinig y mis", "8.3"),
    ],
)
def test_about_says_a_whole_number_of_sessions(
    tmp_path: Path, locale: str, about: str, decimal: str
) -> None:
    """100 fewer appointments a month at 12 a session is 8.3 sessions: "about 8"."""
    facts = tmp_path / "facts.yaml"
    facts.write_text(COSTED.replace("AMOUNT", "95"), encoding="utf-8")
    args = ["brief", str(facts), "-d", "dths", "--locale", locale, "-o", str(tmp_path / "out")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    text = note_text(tmp_path / "out")
    assert about in text
    assert decimal not in text


def test_about_keeps_one_decimal_under_five() -> None:
    from pitchkit.i18n import fmt
    from pitchkit.i18n.translation import language

    english = language("en_GB")
    assert [fmt.about(v, english) for v in (2.44, 4.94, 4.96, 5.54, 8.33, 66.6)] == [
        "2.4",
        "4.9",
        "5",
        "6",
        "8",
        "67",
    ]
