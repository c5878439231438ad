"""`aligncheck cache --clear` deletes only what aligncheck put in a cache root that is its own."""

import os
import subprocess
import sys

import pytest

from aligncheck._runtime import cachefiles


def aligncheck(cache, *args):
    env = {**os.environ, "ALIGNCHECK_CACHE_DIR": str(cache)}
    return subprocess.run(
        [sys.executable, "-m", "aligncheck", *args], capture_output=True, text=True, env=env
    )


def assert_one_line_error(proc, *needles):
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    for needle in needles:
        assert needle in lines[0]


def files_under(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if "bytecode" not in p.parts)


def test_a_project_directory_named_as_cache_is_never_emptied(tmp_path):
    project = tmp_path / "project"
    (project / "src").mkdir(parents=True)
    (project / "src" / "main.py").write_text("print('kept')\n")
    (project / "models").mkdir()
    (project / "models" / "trained.bin").write_bytes(b"weights")
    (project / "embeddings.sqlite3").write_bytes(b"the project's own database")
    before = files_under(project)
    for part in ("all", "models", "embeddings"):
        assert_one_line_error(
            aligncheck(project, "cache", "--clear", part),
            "not an aligncheck cache directory",
            "src",
            "nothing deleted",
        )
    assert files_under(project) == before
    assert not (project / "CACHEDIR.TAG").exists()


def test_a_shared_cache_folder_keeps_other_programs_data(tmp_path):
    shared = tmp_path / "dot-cache"
    (shared / "pip" / "http").mkdir(parents=True)
    (shared / "pip" / "http" / "blob").write_bytes(b"x" * 100)
    (shared / "fontconfig").mkdir()
    before = files_under(shared)
    assert_one_line_error(aligncheck(shared, "cache", "--clear", "all"), "fontconfig, pip")
    assert files_under(shared) == before
    assert "--clear refuses" in aligncheck(shared, "cache").stdout


def test_another_programs_cache_tag_is_not_taken_over(tmp_path):
    root = tmp_path / "c"
    root.mkdir()
    tag = "Signature: 8a477f597d28d172789f06886806bc55\n# created by another tool\n"
    (root / "CACHEDIR.TAG").write_text(tag)
    (root / "models").mkdir()
    assert_one_line_error(
        aligncheck(root, "cache", "--clear", "models"), "another program's CACHEDIR.TAG"
    )
    assert (root / "models").is_dir() and (root / "CACHEDIR.TAG").read_text() == tag


def test_a_regular_file_as_cache_dir_is_refused_and_kept(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("precious\n")
    assert_one_line_error(aligncheck(path, "cache", "--clear", "all"), str(path), "is a file")
    assert_one_line_error(aligncheck(path, "cache"), "is a file")
    assert_one_line_error(aligncheck(path / "sub", "cache", "--clear", "all"), f"inside {path}")
    assert path.read_text() == "precious\n"


def test_a_check_run_with_a_file_as_cache_dir_is_one_line(tmp_path):
    (tmp_path / "rel").mkdir()
    (tmp_path / "rel" / "en.txt").write_text("The bridge opened in 1931.\n")
    (tmp_path / "rel" / "de.txt").write_text("Die Brücke wurde 1931 eröffnet.\n")
    (tmp_path / "cachefile").write_text("x")
    assert_one_line_error(
        aligncheck(tmp_path / "cachefile", "check", tmp_path / "rel", "--select", "NU01", "-q"),
        "cannot be the cache directory",
    )


def test_clear_all_in_a_tagged_root_keeps_unknown_entries_and_the_tag(tmp_path):
    root = tmp_path / "c"
    root.mkdir()
    assert cachefiles.claim(root) and cachefiles.is_tagged(root)
    (root / "numbers").mkdir()
    (root / "numbers" / "symbols.json").write_text("{}")
    (root / "embeddings.sqlite3").write_bytes(b"y" * 1000)
    (root / "my-notes.txt").write_text("not aligncheck's\n")
    proc = aligncheck(root, "cache", "--clear", "all")
    assert proc.returncode == 0, proc.stderr
    assert "kept what aligncheck did not create: my-notes.txt" in proc.stdout
    assert sorted(p.name for p in root.iterdir()) == ["CACHEDIR.TAG", "my-notes.txt"]


def test_an_untagged_cache_of_an_earlier_aligncheck_is_adopted_and_removed(tmp_path):
    root = tmp_path / "old"
    (root / "models" / "built").mkdir(parents=True)
    (root / "models" / "built" / "w.bin").write_bytes(b"z" * 3000)
    (root / "langid").mkdir()
    proc = aligncheck(root, "cache", "--clear", "all")
    assert proc.returncode == 0, proc.stderr
    assert not root.exists()


def test_a_symlinked_entry_is_unlinked_not_followed(tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "keep.bin").write_bytes(b"k")
    root = tmp_path / "c"
    root.mkdir()
    cachefiles.claim(root)
    (root / "models").symlink_to(outside, target_is_directory=True)
    proc = aligncheck(root, "cache", "--clear", "models")
    assert proc.returncode == 0, proc.stderr
    assert not (root / "models").is_symlink() and (outside / "keep.bin").read_bytes() == b"k"


def test_cache_dir_tags_a_new_root_but_never_a_shared_one(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGNCHECK_CACHE_DIR", str(tmp_path / "new"))
    assert cachefiles.cache_dir() == tmp_path / "new"
    assert cachefiles.is_tagged(tmp_path / "new")
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "report.docx").write_bytes(b"doc")
    monkeypatch.setenv("ALIGNCHECK_CACHE_DIR", str(shared))
    assert cachefiles.cache_dir() == shared
    assert not (
        shared / "CACHEDIR.TAG"
    ).exists()  # a tag there would make backup tools skip the folder


@pytest.mark.parametrize("part", ["embeddings", "models"])
def test_clearing_one_part_leaves_the_other(tmp_path, part):
    root = tmp_path / "c"
    (root / "models" / "m").mkdir(parents=True)
    (root / "embeddings.sqlite3").write_bytes(b"e")
    assert aligncheck(root, "cache", "--clear", part).returncode == 0
    assert (root / "embeddings.sqlite3").exists() == (part == "models")
    assert (root / "models").exists() == (part == "embeddings")
    assert cachefiles.is_tagged(root)
