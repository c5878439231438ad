"""aligncheck's own bytecode cache, used where Python writes no .pyc files."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

import aligncheck
from aligncheck._runtime import bytecode


def _loader(tmp_path, source: Path):
    loader = bytecode._CachedSourceLoader("aligncheck.sample_module", str(source))
    loader.root = tmp_path / "cache"
    return loader


@pytest.fixture
def compiles(monkeypatch):
    calls = []
    real = bytecode._CachedSourceLoader.source_to_code

    def counting(self, data, path):
        calls.append(path)
        return real(self, data, path)

    monkeypatch.setattr(bytecode._CachedSourceLoader, "source_to_code", counting)
    return calls


def test_a_module_is_compiled_once_then_read_from_the_cache(tmp_path, compiles):
    source = tmp_path / "sample_module.py"
    source.write_text("ANSWER = 6 * 7\n")
    namespace = {}
    exec(_loader(tmp_path, source).get_code("aligncheck.sample_module"), namespace)
    exec(_loader(tmp_path, source).get_code("aligncheck.sample_module"), namespace)
    assert namespace["ANSWER"] == 42 and len(compiles) == 1
    assert (tmp_path / "cache" / "aligncheck.sample_module.pyc").is_file()


def test_an_edited_or_damaged_entry_is_compiled_again(tmp_path, compiles):
    source = tmp_path / "sample_module.py"
    source.write_text("ANSWER = 1\n")
    _loader(tmp_path, source).get_code("aligncheck.sample_module")
    source.write_text("ANSWER = 22\n")
    namespace = {}
    exec(_loader(tmp_path, source).get_code("aligncheck.sample_module"), namespace)
    assert namespace["ANSWER"] == 22 and len(compiles) == 2
    entry = tmp_path / "cache" / "aligncheck.sample_module.pyc"
    entry.write_bytes(entry.read_bytes()[:30])  # cut short
    exec(_loader(tmp_path, source).get_code("aligncheck.sample_module"), namespace)
    assert namespace["ANSWER"] == 22 and len(compiles) == 3


def test_an_unwritable_cache_only_costs_the_compile(tmp_path, compiles):
    source = tmp_path / "sample_module.py"
    source.write_text("ANSWER = 3\n")
    (tmp_path / "cache").write_text("a file where the folder should be")
    namespace = {}
    exec(_loader(tmp_path, source).get_code("aligncheck.sample_module"), namespace)
    assert namespace["ANSWER"] == 3


def test_needed_only_when_python_writes_no_bytecode_and_the_package_has_none(tmp_path, monkeypatch):
    package = tmp_path / "pkg" / "__init__.py"
    package.parent.mkdir()
    package.write_text("")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert not bytecode.needed(str(package))
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert bytecode.needed(str(package))
    compiled = Path(importlib.util.cache_from_source(str(package)))
    compiled.parent.mkdir()
    compiled.write_bytes(b"")
    assert not bytecode.needed(str(package))


def _loader_name(cache, **env):
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "ALIGNCHECK_CACHE_DIR": str(cache), **env}
    code = "import aligncheck.model as m; print(type(m.__spec__.loader).__name__)"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def test_a_checkout_without_pyc_files_runs_from_the_cache_when_asked(tmp_path):
    if os.path.exists(importlib.util.cache_from_source(aligncheck.__file__)):
        pytest.skip("this checkout has its .pyc files; Python uses them")
    for _ in range(2):
        assert _loader_name(tmp_path, ALIGNCHECK_BYTECODE_CACHE="1") == "_CachedSourceLoader"
    assert list((tmp_path / "bytecode").rglob("aligncheck.model.pyc"))


def test_the_bytecode_cache_is_off_unless_asked_for(tmp_path):
    assert _loader_name(tmp_path, ALIGNCHECK_BYTECODE_CACHE="") == "SourceFileLoader"
    assert not (tmp_path / "bytecode").exists()
