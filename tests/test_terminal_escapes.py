"""Control characters, bidi overrides and rich markup from the checked texts never reach a
terminal raw: terminal-facing formats show them as escapes, file formats keep them exactly."""

import json
import re
import subprocess
import sys

import pytest

from aligncheck.model import (
    Document,
    Finding,
    Link,
    Location,
    ReleaseResult,
    RunResult,
    Segment,
    Segmentation,
    Severity,
    Span,
    TargetResult,
)
from aligncheck.report import render
from aligncheck.report.text_alignment import render_alignment
from aligncheck.report.visible import one_line, visible

ATTACK = "\x1b[2J\x1b]0;pwned\x07"
MARKUP = "[red]x[/red]"
BIDI = "\u202e"
SOURCE = "The ferry leaves the harbour at 7 in the morning."
TARGET = f"Паром отходит из гавани в 8 утра. {ATTACK}{MARKUP} {BIDI}kcatta\u202c\rhidden"
SGR = re.compile(r"\x1b\[[0-9;]*m")


def _seg(path: str, lang: str, text: str) -> Segmentation:
    return Segmentation(Document(path, lang, text), "paragraph", (Segment(0, text, 0, 1, 1),))


def _result() -> RunResult:
    source = _seg(f"docs/en{ATTACK}.txt", "en", SOURCE)
    target = _seg("docs/ru.txt", "ru", TARGET)
    start = TARGET.index("\x1b")
    finding = Finding(
        rule="NU01",
        category="number",
        severity=Severity.ERROR,
        lang="ru",
        source_segments=(0,),
        target_segments=(0,),
        source_text=SOURCE,
        target_text=TARGET,
        message=f"7 in the source, 8 in the target: {ATTACK}{MARKUP}\nsecond line",
        source_location=Location(source.path, 1, 1),
        target_location=Location(target.path, 1, start + 1),
        fingerprint="f1",
        target_span=Span(0, start, start + len(ATTACK) + len(MARKUP)),
    )
    release = ReleaseResult(
        f"rel{ATTACK}{MARKUP}",
        source,
        (TargetResult(target, (Link((0,), (0,), 0.9),)),),
        (finding,),
    )
    return RunResult("test-model", "paragraph", (release,), warnings=(f"warned {ATTACK}",))


def _assert_no_raw_controls(out: str) -> None:
    assert "\x07" not in out and "\r" not in out and BIDI not in out and "\u202c" not in out
    assert "\x1b" not in SGR.sub("", out), "an escape sequence other than rich's own SGR"


def test_visible_escapes_controls_and_bidi_but_keeps_tab_and_newline():
    assert visible("a\tb\nc\x1b[2J\x07\x9b\u2066\x7f") == "a\tb\nc\\x1b[2J\\x07\\x9b\\u2066\\x7f"
    assert one_line("one\r\ntwo\nthree") == "one two three"
    assert visible("Привет, мир: «ok» — 50%") == "Привет, мир: «ok» — 50%"


@pytest.mark.parametrize("fmt", ["text", "rich", "github", "markdown"])
def test_terminal_formats_show_controls_as_escapes(fmt):
    out = render(fmt, _result(), (), color=True)
    _assert_no_raw_controls(out)
    if fmt == "markdown":
        out = re.sub(r"\\(.)", r"\1", out)  # Markdown's own backslash escapes
    assert "\\x1b[2J\\x1b]0;pwned\\x07" in out and "\\u202e" in out


def test_rich_prints_markup_from_texts_literally_and_only_its_own_sgr():
    out = render("rich", _result(), (), color=True, width=400)
    assert SGR.search(out), "colour is on: rich's own styles are expected"
    _assert_no_raw_controls(out)
    plain = SGR.sub("", out)
    assert MARKUP in plain  # in the message and in the marked span, not parsed as a style
    name = f"rel{visible(ATTACK)}{MARKUP}"
    assert plain.count(name) == 2  # in the rule and in the summary table


def test_text_keeps_one_line_per_item():
    lines = render("text", _result(), ()).splitlines()
    head = [line for line in lines if " NU01 " in line]
    assert len(head) == 1 and head[0].endswith("second line")
    assert not any(line.startswith("second line") for line in lines)


def test_github_keeps_the_workflow_command_escaping():
    out = render("github", _result(), ())
    assert out.count("\n") == 1 and out.startswith("::error ")
    assert "%0A" in out and "%0D" in out  # newline of the message, CR of the target text


def test_file_formats_keep_the_exact_text():
    data = json.loads(render("json", _result(), ()))
    (finding,) = _findings(data)
    assert finding["target_text"] == TARGET and finding["message"].startswith("7 in the source")
    assert ATTACK in finding["message"] and "\\x1b" not in json.dumps(data)


def _findings(data):
    if isinstance(data, dict):
        if "target_text" in data:
            yield data
        for value in data.values():
            yield from _findings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _findings(value)


def test_alignment_listing_shows_controls_as_escapes():
    source = _seg(f"en{ATTACK}.txt", "en", SOURCE)
    target = _seg("ru.txt", "ru", TARGET)
    out = render_alignment(source, target, [Link((0,), (0,), 0.91)])
    _assert_no_raw_controls(out)
    assert "en\\x1b[2J" in out and out.count("\n") == 2


def test_progress_shows_a_release_name_literally():
    from rich.progress import TextColumn

    from aligncheck._runtime.progress import Progress

    with Progress(enabled=True) as progress:
        progress.step(f"checking rel{ATTACK}{MARKUP}", 1, 2)
        (task,) = progress._bar.tasks
        shown = TextColumn("{task.description}").render(task)
    assert shown.plain == f"checking rel{visible(ATTACK)}{MARKUP}" and not shown.spans


def _aligncheck(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "aligncheck", *map(str, args)], capture_output=True, cwd=cwd
    )


def test_cli_check_and_align_print_no_raw_controls(tmp_path):
    source, target = tmp_path / "en.txt", tmp_path / f"ru{ATTACK}.txt"
    source.write_text(f"{SOURCE}\n\nThe ticket office opens an hour earlier.\n", encoding="utf-8")
    target.write_text(
        f"{TARGET.replace(chr(13), '')}\n\nКасса открывается на час раньше.\n", encoding="utf-8"
    )
    check = _aligncheck(
        "check",
        source,
        target,
        "--langs",
        "en,ru",
        "--format",
        "text",
        "--format",
        "json",
        "--output",
        "-",
        "--output",
        tmp_path / f"r{ATTACK}.json",
        "-q",
        cwd=tmp_path,
    )
    assert check.returncode == 1, check.stderr
    for stream in (check.stdout, check.stderr):
        _assert_no_raw_controls(stream.decode("utf-8"))
    assert "\\x1b[2J" in check.stdout.decode("utf-8")
    assert "r\\x1b[2J" in check.stderr.decode("utf-8")  # "wrote json report to ..."
    kept = json.loads((tmp_path / f"r{ATTACK}.json").read_text(encoding="utf-8"))
    assert {f["target_location"]["path"] for f in _findings(kept)} == {str(target)}
    align = _aligncheck("align", source, target, "--langs", "en,ru", cwd=tmp_path)
    assert align.returncode == 0, align.stderr
    _assert_no_raw_controls(align.stdout.decode("utf-8"))
    assert "\\x1b]0;pwned\\x07" in align.stdout.decode("utf-8")
