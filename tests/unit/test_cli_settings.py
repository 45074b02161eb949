from pathlib import Path

from cablegram.cli import main
from cablegram.cli.settings import markdown_table

DOCS = Path(__file__).resolve().parents[2] / "docs" / "settings.md"


def test_settings_docs_are_generated_from_the_table():
    assert DOCS.read_text("utf-8") == markdown_table(), "run: cablegram settings --markdown > docs/settings.md"


def test_settings_command_shows_overrides(capsys):
    assert main(["--setting", "batch_size=7", "settings"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("batch_size"))
    assert " 7 " in line


def test_bad_setting_exits_2_with_coded_message(capsys):
    assert main(["--setting", "batch_size=lots", "settings"]) == 2
    assert "E502" in capsys.readouterr().err
