"""What a run writes: never over its inputs, never half a file, one error line when it cannot."""

import json
import os
import stat
import subprocess
import sys

import pytest

from aligncheck._runtime import safe_write
from aligncheck.errors import InputError
from aligncheck.findings.baseline import write_baseline
from aligncheck.model import Document
from aligncheck.read.multilingual import write_split

EN = "The ferry leaves at 7 from pier 4.\n\nTickets cost 12 euros.\n"
DE = "Die Fähre fährt um 7 Uhr von Pier 4 ab.\n\nFahrkarten kosten 12 Euro.\n"


def aligncheck(*args, cwd, stdout=subprocess.PIPE):
    return subprocess.run(
        [sys.executable, "-m", "aligncheck", *map(str, args)],
        cwd=cwd,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
    )


def assert_one_line_error(proc, *needles):
    assert proc.returncode == 2, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    for needle in needles:
        assert needle in lines[0]


@pytest.fixture
def release(tmp_path):
    folder = tmp_path / "rel"
    folder.mkdir()
    (folder / "en.txt").write_text(EN, encoding="utf-8")
    (folder / "de.txt").write_text(DE, encoding="utf-8")
    return folder


def check(release, *args, **kwargs):
    return aligncheck(
        "check", release, "--select", "NU01", "-q", *args, cwd=release.parent, **kwargs
    )


@pytest.mark.parametrize("output", ["rel/de.txt", "rel/../rel/de.txt", "link.txt"])
def test_a_report_never_overwrites_a_translation(release, output):
    (release.parent / "link.txt").symlink_to(release / "de.txt")
    proc = check(release, "--format", "json", "--output", output)
    assert_one_line_error(proc, "would overwrite the input", "de.txt")
    assert (release / "de.txt").read_text(encoding="utf-8") == DE


def test_baseline_glossary_and_config_are_inputs_too(release):
    root = release.parent
    (root / "terms.tsv").write_text("en\tde\nferry\tFähre\n", encoding="utf-8")
    (root / "aligncheck.toml").write_text('fail_on = "never"\n')
    (root / "known.json").write_text('{"aligncheck_baseline": 1, "findings": []}\n')
    saved = {p: p.read_bytes() for p in root.iterdir() if p.is_file()}
    assert_one_line_error(
        check(release, "--glossary", "terms.tsv", "--write-baseline", "terms.tsv"), "terms.tsv"
    )
    assert_one_line_error(
        check(
            release,
            "--config",
            "aligncheck.toml",
            "--format",
            "sarif",
            "--output",
            "aligncheck.toml",
        ),
        "aligncheck.toml",
    )
    assert_one_line_error(
        check(release, "--baseline", "known.json", "--write-baseline", "./known.json"), "known.json"
    )
    assert_one_line_error(
        aligncheck("glossary", "extract", release, "--out", "rel/en.txt", cwd=root), "en.txt"
    )
    assert {p: p.read_bytes() for p in root.iterdir() if p.is_file()} == saved


def test_two_outputs_naming_one_file_are_refused(release):
    proc = check(
        release,
        "--format",
        "json",
        "--format",
        "sarif",
        "--output",
        "out.json",
        "--output",
        "./out.json",
    )
    assert_one_line_error(proc, "name the same file")
    assert not (release.parent / "out.json").exists()
    proc = check(release, "--format", "json", "--write-baseline", "b.json", "--output", "b.json")
    assert_one_line_error(proc, "name the same file")


def test_reports_to_a_full_device_or_closed_stdout_are_one_line(release, tmp_path):
    assert_one_line_error(
        check(release, "--format", "json", "--output", "/dev/full"), "No space left"
    )
    with open("/dev/full", "w") as full:
        assert_one_line_error(check(release, stdout=full), "standard output", "No space left")
    closed = subprocess.run(
        [sys.executable, "-m", "aligncheck", "check", release, "--select", "NU01", "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: os.close(1),
    )
    assert_one_line_error(closed, "standard output is closed")
    (tmp_path / "plain").write_text("x")
    assert_one_line_error(
        check(release, "--format", "json", "--output", tmp_path / "plain" / "r.json"),
        "not a directory",
    )


def test_a_reader_that_left_the_pipe_ends_the_run_quietly(release):
    reader, writer = os.pipe()
    os.close(reader)
    try:
        proc = check(release, stdout=writer)
    finally:
        os.close(writer)
    assert proc.returncode == 141 and proc.stderr == "", proc.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
def test_a_report_into_a_read_only_directory_is_one_line(release, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert_one_line_error(
            check(release, "--format", "json", "--output", locked / "r.json"), "Permission denied"
        )
    finally:
        locked.chmod(0o700)


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    report = tmp_path / "report.json"
    report.write_text('{"valid": true}\n')

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(InputError, match="No space left"):
        safe_write.write_text(report, '{"new": ', what="the json report", option="--output")
    with pytest.raises(InputError, match="--write-baseline"):
        write_baseline(report, [])
    assert report.read_text() == '{"valid": true}\n'
    assert os.listdir(tmp_path) == ["report.json"]


def test_the_new_file_replaces_the_old_keeping_its_mode(tmp_path):
    kept = tmp_path / "kept.json"
    kept.write_text("old")
    kept.chmod(0o600)
    write_baseline(kept, [])
    assert json.loads(kept.read_text())["findings"] == []
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    old_mask = os.umask(0o027)
    try:
        safe_write.write_text(tmp_path / "sub" / "new.json", "{}", what="x", option="--output")
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE((tmp_path / "sub" / "new.json").stat().st_mode) == 0o640


def test_writing_through_a_symlink_keeps_the_link(tmp_path):
    (tmp_path / "real.json").write_text("old")
    (tmp_path / "latest.json").symlink_to("real.json")
    safe_write.write_text(tmp_path / "latest.json", "new", what="x", option="--output")
    assert (tmp_path / "latest.json").is_symlink() and (tmp_path / "real.json").read_text() == "new"


def test_hard_links_and_dotdot_name_the_same_file(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("x")
    os.link(tmp_path / "a" / "x.txt", tmp_path / "hard.txt")
    assert safe_write.same_file(tmp_path / "hard.txt", tmp_path / "a" / "x.txt")
    assert safe_write.same_file(tmp_path / "a" / ".." / "a" / "x.txt", tmp_path / "a" / "x.txt")
    assert not safe_write.same_file(tmp_path / "a" / "y.txt", tmp_path / "a" / "x.txt")


def test_split_never_writes_over_its_input(tmp_path):
    source = tmp_path / "both.txt"
    source.write_text(EN + "\n" + DE, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "both.de.txt").symlink_to(source)
    docs = [
        Document(path=str(source), lang="en", text=EN, format="txt"),
        Document(path=str(source), lang="de", text=DE, format="txt"),
    ]
    with pytest.raises(InputError, match="would overwrite the input"):
        write_split(docs, out, "both")
    assert source.read_text(encoding="utf-8") == EN + "\n" + DE
    assert not (out / "both.en.txt").exists()
    (out / "both.de.txt").unlink()
    assert [p.name for p in write_split(docs, out, "both")] == ["both.en.txt", "both.de.txt"]
    assert (out / "both.de.txt").read_text(encoding="utf-8") == DE


def test_any_command_printing_to_a_full_device_is_one_line(tmp_path):
    with open("/dev/full", "w") as full:
        assert_one_line_error(aligncheck("rules", cwd=tmp_path, stdout=full), "No space left")


@pytest.mark.parametrize("args", [["rules"], ["rules", "NU01"], ["config"], ["cache"]])
def test_every_command_ends_quietly_when_its_reader_left(args, tmp_path):
    reader, writer = os.pipe()
    os.close(reader)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "aligncheck", *args],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
        )
    finally:
        os.close(writer)
    assert proc.returncode == 141 and proc.stderr == "", proc.stderr
