"""`check --ray`: releases as Ray tasks on a local cluster give the one-process reports; without
Ray installed, the same command line checks locally and says what to install. Each run starts
and stops its own local cluster (a few seconds); the runs are skipped where Ray is not
installed."""

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_jobs import ROOT, _group_alive, archive, check, one_process  # noqa: F401

needs_ray = pytest.mark.skipif(
    importlib.util.find_spec("ray") is None, reason="Ray is not installed (aligncheck[ray])"
)


def test_ray_without_ray_installed_checks_here_and_says_what_to_install(tmp_path):
    fake = tmp_path / "no-ray" / "ray"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError(\"No module named 'ray'\")\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(fake.parent), str(ROOT)])}
    proc = subprocess.run(
        [sys.executable, "-m", "aligncheck", "check", str(ROOT / "corpora" / "steppe-rivers")]
        + ["--ray"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert proc.returncode == 1, proc.stderr  # the sample's errors, found locally
    notes = [line for line in proc.stderr.splitlines() if "aligncheck[ray]" in line]
    assert len(notes) == 1 and notes[0].startswith("aligncheck: note:"), proc.stderr
    assert "EM01" in proc.stdout and "Traceback" not in proc.stderr


def test_ray_address_that_is_a_path_is_one_line(tmp_path):
    for args in ([str(tmp_path)], [str(tmp_path), str(ROOT / "corpora" / "steppe-rivers")]):
        proc = subprocess.run(
            [sys.executable, "-m", "aligncheck", "check", "--ray", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "write --ray=ADDRESS" in proc.stderr


@needs_ray
def test_a_local_ray_cluster_writes_the_one_process_reports(archive, one_process, tmp_path):  # noqa: F811
    proc = check(archive, tmp_path, "--ray")
    assert proc.returncode == 1, proc.stderr
    for name in ("report.json", "report.sarif"):
        assert (tmp_path / name).read_bytes() == (one_process / name).read_bytes()
    assert proc.stderr.count("\n") == 2  # the two "wrote ... report" lines, nothing from Ray


@needs_ray
def test_on_ray_a_dead_worker_costs_one_retry_and_two_a_warning(archive, tmp_path):  # noqa: F811
    marks = tmp_path / "marks"
    marks.mkdir()
    env = {"ALIGNCHECK_TEST_DIE_ON": "r2,r3:once", "ALIGNCHECK_TEST_DIE_MARKS": str(marks)}
    proc = check(archive, tmp_path, "--ray", env=env)
    assert proc.returncode == 1, proc.stderr
    assert (marks / "r3.died").exists()
    warnings = [line for line in proc.stderr.splitlines() if "warning:" in line]
    assert len(warnings) == 1 and "release r2 was not checked" in warnings[0], proc.stderr
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    names = [doc["source"]["path"].split(os.sep)[-2] for doc in report["documents"]]
    assert names == ["r1", "r3", "r4"]


@needs_ray
def test_ctrl_c_stops_the_ray_run_and_its_local_cluster(archive, tmp_path):  # noqa: F811
    cache = tmp_path / "cache"  # empty: the actors have a model to load and texts to embed
    cache.mkdir()
    models = Path(os.environ["ALIGNCHECK_CACHE_DIR"]) / "models"
    if models.exists():
        (cache / "models").symlink_to(models.resolve(), target_is_directory=True)
    proc = subprocess.Popen(
        [sys.executable, "-m", "aligncheck", "check", str(archive), "--ray", "-q"]
        + ["--format", "json", "--output", str(tmp_path / "r.json")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, "ALIGNCHECK_CACHE_DIR": str(cache)},
    )
    try:
        deadline = time.monotonic() + 60
        while len(_group_alive(proc.pid)) < 6 and time.monotonic() < deadline:
            time.sleep(0.1)  # the driver and the cluster it started
        assert proc.poll() is None, proc.stderr.read()
        os.killpg(proc.pid, signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130
    assert stderr.strip() == "aligncheck: interrupted", stderr
    deadline = time.monotonic() + 20
    while _group_alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _group_alive(proc.pid) == []
