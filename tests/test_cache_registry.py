"""The cache registry names every file aligncheck writes; `aligncheck cache` lists and clears it."""

import fnmatch
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aligncheck._runtime.cache_registry import REGISTRY, owner
from aligncheck._runtime.cachefiles import cache_dir

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpora" / "steppe-rivers"
LANGS = ["en", "ru", "kk", "az", "tk"]


def aligncheck(cache: Path, *args, **env):
    env = {**os.environ, "ALIGNCHECK_CACHE_DIR": str(cache), **env}
    return subprocess.run(
        [sys.executable, "-m", "aligncheck", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=600,
    )


def _globs(entry) -> list[str]:
    """The entry's path templates as globs: every field but the version is a wildcard."""
    found = []
    for template in entry.files.values():
        wild = template.replace("{version}", str(entry.version))
        while "{" in wild:
            start = wild.index("{")
            wild = wild[:start] + "*" + wild[wild.index("}", start) + 1 :]
        found += [wild, f"{wild}-*", f"{wild}/*"]
    return found


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> Path:
    """A cache written from nothing by a check of the sample release, one of it as a single
    multilingual file, and the bytecode cache (only the built model is borrowed)."""
    tmp = tmp_path_factory.mktemp("registry")
    cache = tmp / "cache"
    cache.mkdir()
    if (cache_dir() / "models").is_dir():
        (cache / "models").symlink_to(cache_dir() / "models", target_is_directory=True)
    one = tmp / "release.md"
    one.write_text(
        "\n\n".join((SAMPLE / f"{lang}.md").read_text(encoding="utf-8").strip() for lang in LANGS)
        + "\n",
        encoding="utf-8",
    )
    glossary = ROOT / "glossaries" / "steppe-rivers.tsv"
    for target in (SAMPLE, one):
        proc = aligncheck(
            cache,
            "check",
            target,
            "--langs",
            ",".join(LANGS),
            "--glossary",
            glossary,
            "--format",
            "json",
            "--output",
            tmp / "report.json",
            "-q",
            "--fail-on",
            "never",
            ALIGNCHECK_BYTECODE_CACHE="1",
            PYTHONDONTWRITEBYTECODE="1",
        )
        assert proc.returncode == 0, proc.stderr
    return cache


def test_every_name_a_run_writes_in_the_cache_root_is_a_registry_entry(filled):
    names = sorted(os.listdir(filled))
    assert [name for name in names if name != "CACHEDIR.TAG" and owner(name) is None] == []
    assert {"embeddings", "langid", "months", "numwords", "glossary", "split"} <= {
        owner(name).name for name in names if owner(name)
    }


def test_every_file_a_run_writes_matches_its_entry_template(filled):
    unmatched = []
    for path in filled.rglob("*"):
        relative = path.relative_to(filled).as_posix()
        entry = owner(relative.split("/")[0])
        if (
            path.is_file()
            and entry
            and not any(fnmatch.fnmatchcase(relative, glob) for glob in _globs(entry))
        ):
            unmatched.append(relative)
    assert unmatched == []


def test_clear_by_name_deletes_that_entry_only(tmp_path):
    for name in ("months", "numbers"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.json").write_text("{}")
    proc = aligncheck(tmp_path, "cache", "--clear", "months")
    assert proc.returncode == 0, proc.stderr
    assert not (tmp_path / "months").exists() and (tmp_path / "numbers" / "x.json").exists()


def test_a_damaged_embedding_store_set_aside_is_listed_and_cleared(tmp_path):
    aside = tmp_path / "embeddings.sqlite3.corrupt-20260101T000000Z"
    aside.write_bytes(b"not a database" * 1000)
    (tmp_path / "embeddings.sqlite3.corrupt-20260101T000000Z-wal").write_bytes(b"")
    listed = aligncheck(tmp_path, "cache").stdout
    assert "shared with other files" not in listed
    [line] = [line for line in listed.splitlines() if line.strip().startswith("embeddings")]
    assert aside.name in line
    assert aligncheck(tmp_path, "cache", "--clear", "embeddings").returncode == 0
    assert not list(tmp_path.glob("embeddings*"))


def test_entries_lists_the_registry(tmp_path):
    proc = aligncheck(tmp_path, "cache", "--entries")
    assert proc.returncode == 0, proc.stderr
    assert [line.split()[0] for line in proc.stdout.splitlines()] == list(REGISTRY)
