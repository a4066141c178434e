"""fixleft30: what session 30's fixers left undone.

1. A concern the lead's confirmed link serves is listed under "Your concerns it
   addresses" (newuser39: the operations director's "Pathway of care delays").
2. In a batch, a director with an ask written ``for:`` them is asked to sponsor
   only when the ranking puts them first or the meeting is with them.
3. "the benefit delivered and forecast" only when some benefit is delivered.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from typer.testing import CliRunner

from pitchkit.cli import app

DATA = Path(__file__).resolve().parent / "data"
NU39 = DATA / "newuser39"
TODAY = "2026-12-07"


def run(*args: str, code: int = 0) -> str:
    """What ``pitchkit`` prints, both streams together, on one line."""
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == code, result.output
    return " ".join(result.output.split())


def document_text(path: Path) -> str:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(p.text for p in document.paragraphs).split())


# --- 1: a concern named by an objective the lead linked ----------------------------------


def test_a_concern_the_confirmed_objective_names_is_listed(tmp_path: Path) -> None:
    # Andrew Carruthers's concerns (team.xlsx): "Pathway of care delays; Escalation beds
    # open in winter". The lead linked the bed days to his objective "Reduce pathway of
    # care delays to under 250 …": the map has no chain to the concern, the lead's link does.
    out = tmp_path / "doo.docx"
    run(
        "brief", str(NU39 / "facts.yaml"), "--directors", str(NU39 / "team.xlsx"),
        "-d", "doo", "--out", str(out), "--today", TODAY,
    )  # fmt: skip
    text = document_text(out)
    assert "Your concerns it addresses: Pathway of care delays." in text
    # The map's chain to escalation beds runs through a likely cause, and no objective the
    # lead linked names them: still not claimed.
    assert "scalation beds open in winter" not in text


# --- 2: a batch asks the others what was written for them, without the sponsor's words ---

NU38C = DATA / "newuser38c"
ASKS = """asks:
  - Sign the executive sponsor section of our UEC fund bid by 29 January 2027
"""
OWN_ASKS = """asks:
  - {text: Agree that ward nurses can start the discharge checklist at 8am, for: [cn]}
  - {text: Be our executive sponsor for the finance case, for: [cfo]}
  - Sign the executive sponsor section of our UEC fund bid by 29 January 2027
"""


def batch_notes(tmp: Path, *locale: str) -> dict[str, str]:
    """newuser38c's batch with an ask for the chief nurse and one for the finance director."""
    text = (NU38C / "facts.yaml").read_text(encoding="utf-8")
    assert ASKS in text
    facts = tmp / "facts.yaml"
    facts.write_text(text.replace(ASKS, OWN_ASKS), encoding="utf-8")
    (tmp / "figures.csv").write_bytes((NU38C / "figures.csv").read_bytes())
    out = tmp / "pack"
    run(
        "batch", str(facts), "--directors", str(NU38C / "team.csv"), "--out", str(out),
        "--today", "2026-12-01", *locale,
    )  # fmt: skip
    return {path.stem.rsplit(" - ", 1)[1]: document_text(path) for path in out.glob("*.docx")}


def test_a_batch_asks_a_director_it_does_not_choose_only_their_own_ask(tmp_path: Path) -> None:
    notes = batch_notes(tmp_path)
    # The COO is the meeting's and the ranking's first: asked to sponsor, as before.
    assert "We would like you to sponsor this project and to sign" in notes["Marcus Bell"]
    # The chief nurse, ranked below, is asked what the lead wrote for her, and only that.
    nurse = notes["Claire Whitmore"]
    assert "We would like you to agree that ward nurses can start the discharge checklist" in nurse
    assert "sponsor this project" not in nurse
    assert "Sign the executive sponsor section" not in nurse
    # The finance director's only ask of his own is to sponsor: he is asked for his advice.
    finance = notes["Rajesh Patel"]
    assert "We are not asking you to sponsor this project: we would value 20 minutes" in finance
    assert "Be our executive sponsor" not in finance


def test_in_welsh_the_own_ask_takes_the_soft_mutation(tmp_path: Path) -> None:
    text = (NU38C / "facts.yaml").read_text(encoding="utf-8")
    own = OWN_ASKS.replace(
        "Agree that ward nurses can start the discharge checklist at 8am",
        "Cytuno y gall nyrsys y ward ddechrau'r rhestr wirio am 8am",
    )
    facts = tmp_path / "facts.yaml"
    facts.write_text(text.replace(ASKS, own), encoding="utf-8")
    (tmp_path / "figures.csv").write_bytes((NU38C / "figures.csv").read_bytes())
    out = tmp_path / "pack"
    run(
        "batch", str(facts), "--directors", str(NU38C / "team.csv"), "--out", str(out),
        "--today", "2026-12-01", "--locale", "cy", "--only", "cn",
    )  # fmt: skip
    (note,) = out.glob("*.docx")
    said = document_text(note)
    assert "Hoffem i chi gytuno y gall nyrsys y ward ddechrau'r rhestr wirio am 8am." in said
    assert "noddi'r prosiect" not in said


def test_a_thing_asked_for_is_asked_for_without_the_sponsor_s_words() -> None:
    from pitchkit.i18n.translation import language
    from pitchkit.notes.wording import own_ask_sentence

    assert own_ask_sentence(["Funding of £40,000 from the charity"], language("en")) == (
        "We would like to ask you for funding of £40,000 from the charity."
    )
    assert own_ask_sentence(["Cyllid o £40,000 gan yr elusen"], language("cy")) == (
        "Hoffem i chi wneud hyn:\n“Cyllid o £40,000 gan yr elusen”"
    )


# --- 3: a benefit equal to the funding, none of it delivered yet --------------------------


def _nothing_delivered(tmp: Path, funding: int) -> Path:
    """The discharge lounge on 5 August 2026, its funding ``funding``.

    The log has July's figure alone since the change, too few to show it, so
    nothing is counted for July; August to June at the plan's £5,000 a month
    is £55,000, or £54,863 to the pound.
    """
    text = (DATA / "money" / "pays-back-exactly.yaml").read_text(encoding="utf-8")
    since = [f"  - {{period: 2026-{month:02d}, status: green, measures: {{beddays: 150}}}}\n"
             for month in range(8, 12)]  # fmt: skip
    for line in since:
        assert line in text
        text = text.replace(line, "")
    assert "amount: 60000" in text
    path = tmp / f"facts-{funding}.yaml"
    path.write_text(text.replace("amount: 60000", f"amount: {funding}"), encoding="utf-8")
    return path


def _money_lines(tmp: Path, facts: Path, locale: str) -> str:
    said = []
    for director in ("dof", "coo"):
        out = tmp / f"{facts.stem}-{director}-{locale}.docx"
        run(
            "brief", str(facts), "-d", director, "--out", str(out), "--today", "2026-08-05",
            "--locale", locale,
        )  # fmt: skip
        said.append(document_text(out))
    return " ".join(said)


def test_a_benefit_equal_to_the_funding_with_nothing_delivered_is_forecast(tmp_path: Path) -> None:
    exact = _money_lines(tmp_path, _nothing_delivered(tmp_path, 54863), "en_GB")
    assert "nothing counted to the end of July 2026" in exact
    assert exact.count("the benefit forecast pays back the funding exactly, in 12 months") == 2
    rounded = _money_lines(tmp_path, _nothing_delivered(tmp_path, 55000), "en_GB")
    assert rounded.count("the benefit forecast matches the funding to the nearest £1,000") == 2
    for text in (exact, rounded):
        assert "delivered and forecast" not in text
    welsh = _money_lines(tmp_path, _nothing_delivered(tmp_path, 54863), "cy_GB")
    assert welsh.count("mae'r budd a ragwelir yn ad-dalu'r cyllid yn union, mewn 12 mis") == 2
    assert "a gyflawnwyd ac a ragwelir" not in welsh
