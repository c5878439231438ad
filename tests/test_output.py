from pathlib import Path

import pytest

from aligncheck.app.outputs import plan_outputs
from aligncheck.errors import InputError
from aligncheck.model import RunResult

RESULT = RunResult(model="m", unit="paragraph", releases=())
OUT = Path("reports")


def test_nth_output_belongs_to_nth_format():
    plan = plan_outputs(
        RESULT, ["sarif", "markdown", "github"], [Path("a.sarif"), Path("s.md")], OUT
    )
    assert plan == [("sarif", Path("a.sarif")), ("markdown", Path("s.md")), ("github", None)]


def test_file_formats_without_path_go_to_reports():
    plan = plan_outputs(RESULT, ["json", "html", "junit"], [], OUT)
    assert plan == [
        ("json", None),
        ("html", OUT / "aligncheck.html"),
        ("junit", OUT / "aligncheck.xml"),
    ]


def test_only_one_format_takes_stdout():
    plan = plan_outputs(RESULT, ["text", "json"], [], OUT)
    assert plan == [("text", None), ("json", OUT / "aligncheck.json")]


def test_dash_is_stdout():
    assert plan_outputs(RESULT, ["sarif"], [Path("-")], OUT) == [("sarif", None)]


def test_more_outputs_than_formats_is_an_input_error():
    with pytest.raises(InputError):
        plan_outputs(RESULT, ["json"], [Path("a"), Path("b")], OUT)
