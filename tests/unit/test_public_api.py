"""The public API is curated: `__all__` lists exactly what we promise (httpx's habit)."""

import cablegram


def test_all_is_exact():
    public = {name for name in dir(cablegram) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(cablegram, name)).__name__ == "module"}
    assert set(cablegram.__all__) - {"__version__"} == public - modules


def test_all_names_resolve():
    for name in cablegram.__all__:
        assert getattr(cablegram, name) is not None
