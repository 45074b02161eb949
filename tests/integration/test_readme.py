"""The README's Python examples run as written (docs that cannot drift)."""

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_python_blocks_run(capsys):
    blocks = re.findall(r"```python\n(.*?)```", README.read_text("utf-8"), flags=re.S)
    assert blocks, "README has no python example"
    for block in blocks:
        exec(compile(block, str(README), "exec"), {})
    out = capsys.readouterr().out
    assert "ACCUSE" in out and "RUS" in out


def test_schema_example_matches_the_coder(pipeline):
    """docs/schema.md shows real output: coding its input gives the same record."""
    import json
    from datetime import date

    from cablegram.records import Document

    schema = (README.parent / "docs" / "schema.md").read_text("utf-8")
    shown = json.loads(re.search(r"```json\n(.*?)```", schema, flags=re.S).group(1))
    text = re.search(r'"text": "(.*?)"\}', schema).group(1)
    coded = pipeline.code_document(Document(doc_id="wire-1", text=text, published=date(2012, 2, 3)))
    assert coded.events[0].to_dict() == shown
