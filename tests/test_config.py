"""``pitchkit config``: each user's own defaults, and options that still win over them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from pitchkit.cli.userconfig import load_config, set_value
from pitchkit.output.pdf import SOFFICE_ENV

ROOT = Path(__file__).resolve().parent.parent
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run pitchkit in a real process, with the test's own settings file."""
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pitchkit", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )


@pytest.fixture
def settings() -> Path:
    return Path(os.environ["PITCHKIT_CONFIG"])


def test_config_with_no_file_says_where_it_would_be(settings: Path, tmp_path: Path) -> None:
    result = run("config", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert f"You have no settings file yet; it would be {settings}" in result.stdout
    assert "template = (not set)" in result.stdout
    assert not settings.exists()


def test_config_set_writes_the_file_and_config_shows_it(settings: Path, tmp_path: Path) -> None:
    result = run("config", "set", "out", "~/Sponsor notes", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert settings.read_text(encoding="utf-8").endswith('out = "~/Sponsor notes"\n')
    shown = run("config", cwd=tmp_path)
    assert f"Your settings file: {settings}" in shown.stdout
    assert "out = ~/Sponsor notes" in shown.stdout


def test_config_set_keeps_a_windows_files_line_endings(settings: Path, tmp_path: Path) -> None:
    settings.write_bytes(b'# mine\r\n\r\nlocale = "cy_GB"\r\nout = "a"\r\n')

    result = run("config", "set", "out", "b", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert settings.read_bytes() == b'# mine\r\n\r\nlocale = "cy_GB"\r\nout = "b"\r\n'


def test_config_set_keeps_a_byte_order_mark(settings: Path, tmp_path: Path) -> None:
    # review13 L6: Notepad's "UTF-8 with BOM" and CRLF; only the changed line differs.
    settings.write_bytes(b'\xef\xbb\xbf# mine\r\nlocale = "cy_GB"\r\nout = "a"\r\n')

    result = run("config", "set", "out", "b", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert settings.read_bytes() == b'\xef\xbb\xbf# mine\r\nlocale = "cy_GB"\r\nout = "b"\r\n'
    assert run("config", "unset", "out", cwd=tmp_path).returncode == 0
    assert settings.read_bytes() == b'\xef\xbb\xbf# mine\r\nlocale = "cy_GB"\r\n'


def test_config_set_keeps_comments_and_other_settings(settings: Path, tmp_path: Path) -> None:
    settings.write_text('# mine\nlocale = "cy_GB"  # Welsh please\nout = "a"\n', encoding="utf-8")

    result = run("config", "set", "out", "b", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert settings.read_text(encoding="utf-8") == (
        '# mine\nlocale = "cy_GB"  # Welsh please\nout = "b"\n'
    )
    assert run("config", "unset", "out", cwd=tmp_path).returncode == 0
    assert settings.read_text(encoding="utf-8") == '# mine\nlocale = "cy_GB"  # Welsh please\n'


def test_an_unknown_setting_is_refused_with_a_suggestion(settings: Path, tmp_path: Path) -> None:
    result = run("config", "set", "templte", "x.docx", cwd=tmp_path)

    assert result.returncode == 1
    # fixnu38c (newuser38 #12): no "?;" after "did you mean"; "? The settings are ...".
    assert result.stderr.strip() == (
        "error: there is no setting called 'templte': did you mean 'template'? The settings "
        "are template, update_template, out, locale, libreoffice"
    )
    assert not settings.exists()


def test_a_bad_locale_is_refused_before_it_is_kept(settings: Path, tmp_path: Path) -> None:
    result = run("config", "set", "locale", "fr_FR", cwd=tmp_path)

    assert result.returncode == 1
    # The setting and the fix, never the temporary file the value was tried in.
    assert result.stderr == (
        "error: locale: 'fr_FR' is not a language pitchkit writes in: "
        "use en_GB (English) or cy_GB (Welsh)\n"
    )
    assert not settings.exists()


def test_a_hand_edited_bad_locale_names_the_line_and_the_fix(
    settings: Path, tmp_path: Path
) -> None:
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('out = "notes"\nlocale = "fr"\n', encoding="utf-8")
    result = run("brief", str(FRAILTY), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        f"error: {settings}:2:1: 'fr' is not a language pitchkit writes in: "
        "use en_GB (English) or cy_GB (Welsh)\n"
    )


def test_an_empty_value_asks_for_one(settings: Path, tmp_path: Path) -> None:
    result = run("config", "set", "out", " ", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("error: out: give a value, such as: pitchkit config set out")
    assert not settings.exists()


def test_a_broken_settings_file_is_located_and_does_not_block_mending_it(
    settings: Path, tmp_path: Path
) -> None:
    settings.write_text('locale = "cy_GB"\nout = Sponsor notes\n', encoding="utf-8")

    result = run("brief", str(FRAILTY), "--out", str(tmp_path), cwd=tmp_path)

    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {settings}:2:")
    assert 'write NAME = "VALUE", with the value in double quotes' in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []
    assert run("config", "set", "out", "Sponsor notes", cwd=tmp_path).returncode == 0
    assert load_config(settings).get("out") == "Sponsor notes"


def test_a_value_that_is_not_text_is_located(settings: Path) -> None:
    settings.write_text("\n\nout = 3\n", encoding="utf-8")

    with pytest.raises(Exception, match=r":3:1: out must be text in quotes"):
        load_config(settings)


def test_the_out_setting_is_used_when_no_out_is_given(settings: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    settings.write_text(f"out = {str(notes)!r}\n".replace("'", '"'), encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()

    result = run("brief", str(FRAILTY), "-q", cwd=work)

    assert result.returncode == 0, result.stderr
    assert [p.suffix for p in notes.iterdir()] == [".docx"]
    assert list(work.iterdir()) == []


def test_an_option_wins_over_the_setting(settings: Path, tmp_path: Path) -> None:
    settings.write_text('out = "from-settings"\n', encoding="utf-8")
    chosen = tmp_path / "chosen"

    result = run("brief", str(FRAILTY), "--out", str(chosen), "-q", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert len(list(chosen.iterdir())) == 1
    assert not (tmp_path / "from-settings").exists()


def test_relative_paths_are_read_from_the_settings_files_folder(settings: Path) -> None:
    settings.write_text('template = "house.docx"\nout = "~/notes"\n', encoding="utf-8")

    config = load_config(settings)

    assert config.path_for("template") == settings.parent / "house.docx"
    assert config.path_for("out") == Path.home() / "notes"


def test_the_template_setting_is_used_for_briefs_only(settings: Path, tmp_path: Path) -> None:
    house = tmp_path / "house.docx"
    document = Document()
    document.add_paragraph("House brief for {{ director.name }}")
    document.save(house)
    settings.write_text(f'template = "{house}"\n', encoding="utf-8")

    brief = run("brief", str(FRAILTY), "--out", str(tmp_path / "b.docx"), "-q", cwd=tmp_path)
    update = run("update", str(FRAILTY), "--out", str(tmp_path / "u.docx"), "-q", cwd=tmp_path)

    assert brief.returncode == 0, brief.stderr
    assert Document(str(tmp_path / "b.docx")).paragraphs[0].text.startswith("House brief for ")
    assert update.returncode == 0, update.stderr
    assert "House brief" not in "\n".join(
        p.text for p in Document(str(tmp_path / "u.docx")).paragraphs
    )


def test_the_locale_setting_applies_when_the_facts_name_no_language(
    settings: Path, tmp_path: Path
) -> None:
    settings.write_text('locale = "cy_GB"\n', encoding="utf-8")
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        FRAILTY.read_text(encoding="utf-8").replace("  locale: en_GB\n", ""), encoding="utf-8"
    )

    welsh = run("brief", str(facts), "--out", str(tmp_path / "cy.docx"), cwd=tmp_path)
    english = run("brief", str(FRAILTY), "--out", str(tmp_path / "en.docx"), cwd=tmp_path)

    assert welsh.returncode == 0, welsh.stderr
    assert english.returncode == 0, english.stderr
    headings = {
        name: [
            p.text
            for p in Document(str(tmp_path / name)).paragraphs
            if p.style is not None and p.style.name.startswith("Heading")
        ]
        for name in ("cy.docx", "en.docx")
    }
    assert "What we are asking" in headings["en.docx"]  # the file's own en_GB wins
    assert "Beth rydym yn ei ofyn" in headings["cy.docx"]


def test_batch_without_out_says_how_to_give_one(tmp_path: Path) -> None:
    result = run("batch", str(FRAILTY), cwd=tmp_path)

    assert result.returncode == 1
    assert result.stderr.strip() == (
        "error: say where to write the notes: --out FOLDER, or keep a default with "
        "pitchkit config set out FOLDER"
    )
    assert list(tmp_path.iterdir()) == []


def test_the_libreoffice_setting_is_used_unless_the_environment_names_one(
    settings: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pitchkit.cli.common import apply_user_defaults

    monkeypatch.setenv(SOFFICE_ENV, "")  # restored after the test, whatever the code sets
    monkeypatch.delenv(SOFFICE_ENV)
    settings.write_text('libreoffice = "/opt/lo/soffice"\n', encoding="utf-8")

    apply_user_defaults("brief", {})
    assert os.environ[SOFFICE_ENV] == "/opt/lo/soffice"

    monkeypatch.setenv(SOFFICE_ENV, "/usr/bin/soffice")
    apply_user_defaults("brief", {})
    assert os.environ[SOFFICE_ENV] == "/usr/bin/soffice"


def test_set_value_adds_a_header_to_a_new_file(tmp_path: Path) -> None:
    text = set_value(tmp_path / "config.toml", "locale", "cy_GB")

    assert text.startswith("# pitchkit settings for you alone")
    assert text.endswith('locale = "cy_GB"\n')


@pytest.mark.parametrize(
    ("xdg", "home"),
    [
        (None, "/home/someone"),
        ("/tmp/xdg-config", "/home/someone"),
        ("/tmp/xdg-config/", "/home/someone/"),
        ("", "/"),
        ("relative/config", "/root"),
        (None, "relative-home"),
        (None, None),
    ],
)
def test_config_folder_is_the_one_platformdirs_gives(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None, home: str | None
) -> None:
    """The Linux shortcut gives platformdirs' folder, or leaves it to platformdirs."""
    from platformdirs import user_config_dir

    from pitchkit.cli.userconfig import config_path

    for name, value in (("XDG_CONFIG_HOME", xdg), ("HOME", home)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    monkeypatch.delenv("PITCHKIT_CONFIG", raising=False)
    expected = Path(user_config_dir("pitchkit", appauthor=False)) / "config.toml"
    assert config_path() == expected
