"""Hostile and careless input to the reader: devices, FIFOs, huge or bomb files, symlinks
leaving a release directory, odd entries, fallback encodings (issue 10)."""

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from aligncheck.errors import InputError
from aligncheck.read import DEFAULT_MAX_INPUT_MB, discover_releases, parse_encodings, read_document

EN = "The bridge opens on Friday morning.\n\nTolls stay the same for buses.\n"
RU = "Мост откроют в пятницу утром.\n\nПлата для автобусов не изменится.\n"
UK = "Міст відкриють у пʼятницю вранці.\n\nПлата для автобусів не зміниться.\n"
needs_posix = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and symlinks: POSIX")


def release_dir(tmp_path: Path, **texts: str) -> Path:
    directory = tmp_path / "release"
    directory.mkdir(parents=True, exist_ok=True)
    for lang, text in texts.items():
        (directory / f"{lang}.txt").write_text(text, encoding="utf-8")
    return directory


def run_python(code: str, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    """`code` in a child with 2 GB of address space and a minute: a reader that hangs or eats
    memory fails the test instead of the machine."""

    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
        preexec_fn=limit,
    )


def aligncheck(cwd: Path, *args) -> subprocess.CompletedProcess:
    """The CLI run from `cwd` (not the checkout, so PYTHONPATH decides which code runs)."""
    return subprocess.run(
        [sys.executable, "-m", "aligncheck", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def one_line_error(proc: subprocess.CompletedProcess) -> str:
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 2, proc.stderr
    assert len(lines) == 1 and lines[0].startswith("aligncheck: error: "), proc.stderr
    return lines[0]


READ_RU = (
    "import sys\nfrom aligncheck.errors import InputError\n"
    "from aligncheck.read import read_document\n"
    "try:\n    read_document(sys.argv[1], 'ru')\nexcept InputError as error:\n"
    "    print(error)\n    sys.exit(2)\n"
)


# --- item 6: non-regular files and the size cap ---------------------------------------------


@needs_posix
def test_fifo_is_refused_without_opening_it(tmp_path):
    fifo = tmp_path / "ru.txt"
    os.mkfifo(fifo)
    proc = run_python(READ_RU, tmp_path, str(fifo))
    assert proc.returncode == 2, proc.stderr
    assert "named pipe (FIFO), not a regular file" in proc.stdout


@needs_posix
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_symlink_to_a_device_is_refused(tmp_path):
    link = tmp_path / "ru.md"
    link.symlink_to("/dev/zero")
    proc = run_python(READ_RU, tmp_path, str(link))
    assert proc.returncode == 2, proc.stderr
    assert f"{link}: is a character device, not a regular file" in proc.stdout


@needs_posix
def test_fifo_given_to_check_is_one_line(tmp_path):
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    os.mkfifo(tmp_path / "ru.txt")
    line = one_line_error(aligncheck(tmp_path, "check", tmp_path / "en.txt", tmp_path / "ru.txt"))
    assert "ru.txt: is a named pipe (FIFO)" in line


def test_file_over_the_cap_is_refused_naming_the_limit_and_the_key(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_text(RU * 300, encoding="utf-8")  # ~30 KB
    with pytest.raises(InputError) as error:
        read_document(path, "ru", max_input_mb=0.01)
    message = str(error.value)
    assert "over the input limit of 10.2 KB" in message
    assert f"default {DEFAULT_MAX_INPUT_MB} MB" in message and "max_input_mb" in message
    assert read_document(path, "ru", max_input_mb=1).text == (RU * 300).rstrip("\n") + "\n"


def test_default_cap_refuses_a_file_over_50_mb_before_reading_it(tmp_path):
    path = tmp_path / "ru.txt"
    with open(path, "wb") as handle:  # sparse: no disk used, nothing to read
        handle.truncate((DEFAULT_MAX_INPUT_MB + 1) * 1024 * 1024)
    with pytest.raises(InputError, match=r"is 51 MB, over the input limit of 50 MB"):
        read_document(path, "ru")


def docx_bytes(text: str, extra: dict[str, bytes] | None = None) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    if not extra:
        return buffer.getvalue()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for name in source.namelist():
            target.writestr(name, source.read(name))
        for name, data in extra.items():
            target.writestr(name, data)
    return out.getvalue()


def test_docx_bomb_is_refused_by_the_unpacked_size(tmp_path):
    path = tmp_path / "ru.docx"
    path.write_bytes(docx_bytes("Мост открыт.", {"word/media/padding.bin": bytes(3 * 1024 * 1024)}))
    assert path.stat().st_size < 1024 * 1024  # small on disk, 3 MB unpacked
    with pytest.raises(
        InputError, match=r"ru.docx: unpacks to 3\.\d MB, over the input limit of 1 MB"
    ):
        read_document(path, "ru", max_input_mb=1)
    assert read_document(path, "ru", max_input_mb=8).text == "Мост открыт."


def damaged_docx() -> bytes:
    """A .docx whose document.xml no longer inflates (zlib fails inside python-docx)."""
    data = docx_bytes("Мост открыт в пятницу.")
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    damaged = bytearray(data)
    for index in range(start + 8, start + info.compress_size - 8):
        damaged[index] ^= 0x5A
    return bytes(damaged)


@pytest.mark.parametrize("kind", ["truncated", "not-docx", "damaged-member", "not-zip"])
def test_malformed_docx_is_an_input_error(tmp_path, kind):
    good = docx_bytes("Мост открыт в пятницу.")
    data = {
        "truncated": good[: len(good) // 2],
        "damaged-member": damaged_docx(),
        "not-zip": b"plain words, not a zip archive at all\n",
    }.get(kind)
    if data is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("notes.txt", "just a zip")
        data = buffer.getvalue()
    path = tmp_path / "ru.docx"
    path.write_bytes(data)
    with pytest.raises(InputError, match=r"ru.docx: cannot be opened as a Word .docx file"):
        read_document(path, "ru")


def test_malformed_docx_exits_2_through_the_cli(tmp_path):
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "ru.docx").write_bytes(damaged_docx())
    assert "ru.docx: cannot be opened" in one_line_error(aligncheck(tmp_path, "check", tmp_path))


# --- item 8: symlinks leaving the release directory -------------------------------------------


@needs_posix
def test_symlink_leaving_the_release_is_skipped_with_a_note(tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text("the vault code is 7781\n", encoding="utf-8")
    directory = release_dir(tmp_path, en=EN, uk=UK)
    (directory / "ru.md").symlink_to(secret)
    (release,) = discover_releases([directory])
    assert [doc.lang for doc in release.targets] == ["uk"]
    assert all("vault" not in doc.text for doc in release.targets)
    err = capsys.readouterr().err
    assert f"aligncheck: note: skipped {directory / 'ru.md'}: a symlink to {secret}" in err
    assert "--follow-symlinks" in err
    (release,) = discover_releases([directory], follow_symlinks=True)
    assert [doc.lang for doc in release.targets] == ["ru", "uk"]


@needs_posix
def test_symlink_inside_the_release_is_read(tmp_path, capsys):
    directory = release_dir(tmp_path, en=EN)
    (directory / "drafts").mkdir()
    (directory / "drafts" / "final-ru.txt").write_text(RU, encoding="utf-8")
    (directory / "ru.txt").symlink_to(directory / "drafts" / "final-ru.txt")
    (release,) = discover_releases([directory])
    assert release.targets[0].text.startswith("Мост")
    assert "note" not in capsys.readouterr().err


@needs_posix
def test_release_subdirectory_linked_from_outside_is_skipped(tmp_path, capsys):
    outside = tmp_path / "elsewhere"
    release_dir(outside, en=EN, ru=RU)
    top = tmp_path / "releases"
    release_dir(top, en=EN, uk=UK).rename(top / "2025")
    (top / "2026").symlink_to(outside / "release")
    releases = discover_releases([top])
    assert [r.name for r in releases] == ["2025"]
    assert f"skipped {top / '2026'}: a symlink to" in capsys.readouterr().err
    assert [r.name for r in discover_releases([top], follow_symlinks=True)] == ["2025", "2026"]


@needs_posix
def test_follow_symlinks_option_reaches_the_reader(tmp_path):
    directory = release_dir(tmp_path, en=EN)
    (tmp_path / "blank.txt").write_text("   \n", encoding="utf-8")
    (directory / "ru.txt").symlink_to(tmp_path / "blank.txt")
    skipped = aligncheck(tmp_path, "check", directory)
    assert (
        "note: skipped" in skipped.stderr
        and "needs at least two language versions" in skipped.stderr
    )
    assert "ru.txt: is empty" in one_line_error(
        aligncheck(tmp_path, "check", directory, "--follow-symlinks")
    )
    (directory / "aligncheck.toml").write_text("follow_symlinks = true\n", encoding="utf-8")
    assert "ru.txt: is empty" in one_line_error(aligncheck(tmp_path, "check", directory))


# --- item 13: entries that are skipped are named; unreadable explicit paths -----------------------


@needs_posix
def test_loop_broken_link_directory_and_fifo_entries_are_named(tmp_path, capsys):
    directory = release_dir(tmp_path, en=EN, ru=RU)
    (directory / "kk.txt").symlink_to(directory / "kk.txt")
    (directory / "tk.txt").symlink_to(directory / "gone.txt")
    (directory / "uk.md").mkdir()
    os.mkfifo(directory / "az.txt")
    (release,) = discover_releases([directory])
    assert [doc.lang for doc in release.targets] == ["ru"]
    err = capsys.readouterr().err
    assert f"skipped {directory / 'kk.txt'}: a symlink loop" in err
    assert f"skipped {directory / 'tk.txt'}: a broken symlink" in err
    assert f"skipped {directory / 'uk.md'}/: a directory, not a language file" in err
    assert f"skipped {directory / 'az.txt'}: a named pipe (FIFO), not a regular file" in err


@needs_posix
def test_explicit_loop_and_directory_are_named(tmp_path):
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "ru.txt").symlink_to(tmp_path / "ru.txt")
    (tmp_path / "kk.md").mkdir()
    with pytest.raises(InputError, match=r"ru.txt: is a symlink loop"):
        discover_releases([tmp_path / "en.txt", tmp_path / "ru.txt"])
    with pytest.raises(InputError, match=r"kk.md is a directory"):
        discover_releases([tmp_path / "en.txt", tmp_path / "kk.md"])


def test_missing_explicit_path_is_one_line(tmp_path):
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    line = one_line_error(aligncheck(tmp_path, "check", tmp_path / "en.txt", tmp_path / "ru.txt"))
    assert (
        line
        == f"aligncheck: error: {tmp_path / 'ru.txt'}: no such file or directory; check the path"
    )


def test_permission_denied_explicit_path(tmp_path, monkeypatch):
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    locked = tmp_path / "ru.txt"
    locked.write_text(RU, encoding="utf-8")
    real_stat = os.stat

    def denying_stat(path, *args, **kwargs):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", denying_stat)
    with pytest.raises(InputError) as error:
        discover_releases([tmp_path / "en.txt", locked])
    assert str(error.value) == f"{locked}: permission denied; check the file's permissions"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_permission_denied_through_the_cli(tmp_path):
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "ru.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "ru.txt").chmod(0)
    assert "ru.txt: permission denied" in one_line_error(
        aligncheck(tmp_path, "check", tmp_path / "en.txt", tmp_path / "ru.txt")
    )


def test_usage_error_is_one_line(tmp_path):
    line = one_line_error(aligncheck(tmp_path, "check", "--no-such-option", "x"))
    assert "--no-such-option" in line and "aligncheck check -h" in line


# --- item 9: --encoding only for files that are not UTF-8, and per language ----------------------


def test_encoding_leaves_utf8_files_alone_and_names_the_files_it_decoded(tmp_path, capsys):
    directory = release_dir(tmp_path, en="Café naïve — the façade opens on Friday.\n")
    (directory / "ru.txt").write_bytes(RU.encode("cp1251"))
    (release,) = discover_releases([directory], encoding="cp1251")
    assert release.source.text == "Café naïve — the façade opens on Friday.\n"
    assert release.targets[0].text == RU
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"aligncheck: note: --encoding applied to files that are not UTF-8/UTF-16: "
        f"{directory / 'ru.txt'} (cp1251)"
    ]


def test_encoding_per_language(tmp_path, capsys):
    directory = release_dir(tmp_path, en=EN)
    (directory / "ru.txt").write_bytes(RU.encode("cp1251"))
    (directory / "uk.txt").write_bytes(UK.replace("ʼ", "'").encode("koi8-u"))
    (release,) = discover_releases([directory], encoding=["ru=cp1251", "uk=koi8-u"])
    assert [doc.text for doc in release.targets] == [RU, UK.replace("ʼ", "'")]
    assert "ru.txt (cp1251)" in capsys.readouterr().err
    with pytest.raises(InputError, match=r"uk.txt: is not UTF-8"):
        discover_releases([directory], encoding="ru=cp1251")


def test_encoding_spec_forms_agree():
    joined = parse_encodings("cp1251, uk=koi8-u,ru=cp866")
    assert joined == parse_encodings(["cp1251", "uk=koi8-u", "ru=cp866"])
    assert [joined.for_lang(lang) for lang in ("ru", "uk", "kk")] == ["cp866", "koi8-u", "cp1251"]
    assert parse_encodings("auto") == parse_encodings(()) == parse_encodings(None)
    for bad in ("ru=cp1251,ru=koi8-r", "cp1251,koi8-r", "zz9=cp1251", ""):
        with pytest.raises(ValueError):
            parse_encodings(bad)


@pytest.mark.parametrize(
    "name, reason",
    [
        ("base64", "is not a text encoding"),
        ("rot13", "is not a text encoding"),
        ("hex", "is not a text encoding"),
        ("zlib", "is not a text encoding"),
        ("no-such-codec", "unknown encoding"),
    ],
)
def test_bad_encoding_is_one_line(tmp_path, name, reason):
    directory = release_dir(tmp_path, en=EN, ru=RU)
    line = one_line_error(aligncheck(tmp_path, "check", directory, "--encoding", name))
    assert (
        line.startswith("aligncheck: error: --encoding: ")
        and f"'{name}'" in line
        and reason in line
    )
    with pytest.raises(InputError, match=reason):
        read_document(directory / "ru.txt", "ru", encoding=name)
