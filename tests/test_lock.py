"""constraints.txt is the lock the README's commands install with: every direct dependency is
pinned there, and the environment running the tests was installed from it."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from aligncheck._runtime.cachefiles import installed_version

ROOT = Path(__file__).resolve().parents[1]


def pins() -> dict[str, str]:
    found = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"([A-Za-z0-9._-]+)==(\S+)", line)
        if match:
            found[normal(match[1])] = match[2]
    return found


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def direct_dependencies() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = project["dependencies"] + [
        r for extra in project["optional-dependencies"].values() for r in extra
    ]
    return [Requirement(r) for r in names]


def test_every_direct_dependency_is_pinned_within_its_range():
    locked = pins()
    unpinned = [str(r) for r in direct_dependencies() if normal(r.name) not in locked]
    assert unpinned == [], "run `bash .ci/lock` to refresh constraints.txt"
    outside = [
        f"{r} locked at {locked[normal(r.name)]}"
        for r in direct_dependencies()
        if not r.specifier.contains(locked[normal(r.name)], prereleases=True)
    ]
    assert outside == []


def test_installed_versions_are_the_locked_ones():
    locked = pins()
    drift = []
    for requirement in direct_dependencies():
        have = installed_version(requirement.name)
        if have is None:
            continue  # an extra not installed here
        if have.split("+")[0] != locked[normal(requirement.name)]:
            drift.append(f"{requirement.name} {have} (locked {locked[normal(requirement.name)]})")
    if drift:
        pytest.fail(
            "installed without the lock: "
            + ", ".join(drift)
            + "; install with `pip install -c constraints.txt -e '.[test]'`"
        )
