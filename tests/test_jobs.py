"""`check --jobs N`: an archive checked by worker processes gives the one-process reports."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aligncheck._runtime import pool

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpora" / "steppe-rivers"


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """Four release directories from the sample, two of them changed so they differ."""
    root = tmp_path_factory.mktemp("archive")
    for name in ("r1", "r2", "r3", "r4"):
        shutil.copytree(SAMPLE, root / name, ignore=shutil.ignore_patterns("*.toml", "*.tsv"))
    en = root / "r2" / "en.md"
    en.write_text(en.read_text(encoding="utf-8").replace("37 percent", "38 percent"), "utf-8")
    kk = root / "r4" / "kk.md"
    kk.write_text(kk.read_text(encoding="utf-8").replace("12", "13"), "utf-8")
    return root


def check(archive: Path, out: Path, *args: str, env: dict | None = None):
    return subprocess.run(
        [sys.executable, "-m", "aligncheck", "check", str(archive), "--quiet", *args]
        + ["--format", "json", "--output", str(out / "report.json")]
        + ["--format", "sarif", "--output", str(out / "report.sarif")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def one_process(archive, tmp_path_factory):
    out = tmp_path_factory.mktemp("one")
    proc = check(archive, out)
    assert proc.returncode == 1, proc.stderr
    return out


def test_two_workers_write_the_one_process_reports_byte_for_byte(archive, one_process, tmp_path):
    proc = check(archive, tmp_path, "--jobs", "2")
    assert proc.returncode == 1, proc.stderr
    for name in ("report.json", "report.sarif"):
        assert (tmp_path / name).read_bytes() == (one_process / name).read_bytes()
    assert "warning" not in proc.stderr


def test_a_release_whose_worker_dies_once_is_checked_again(archive, one_process, tmp_path):
    marks = tmp_path / "marks"
    marks.mkdir()
    env = {"ALIGNCHECK_TEST_DIE_ON": "r3:once", "ALIGNCHECK_TEST_DIE_MARKS": str(marks)}
    proc = check(archive, tmp_path, "--jobs", "2", env=env)
    assert (marks / "r3.died").exists()  # it did die
    assert proc.returncode == 1, proc.stderr
    assert (tmp_path / "report.json").read_bytes() == (one_process / "report.json").read_bytes()


def test_a_release_that_fails_twice_is_a_warning_and_the_rest_is_reported(archive, tmp_path):
    import json

    proc = check(archive, tmp_path, "--jobs", "2", env={"ALIGNCHECK_TEST_DIE_ON": "r3"})
    assert proc.returncode == 1, proc.stderr  # the findings of the others, as without --jobs
    assert "Traceback" not in proc.stderr
    warnings = [line for line in proc.stderr.splitlines() if "warning:" in line]
    assert len(warnings) == 1 and "release r3 was not checked" in warnings[0]
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    paths = [doc["source"]["path"] for doc in report["documents"]]
    assert [Path(p).parent.name for p in paths] == ["r1", "r2", "r4"]


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _group_alive(pgid: int) -> list[int]:
    return [pid for pid, _, group in _processes() if group == pgid and _alive(pid)]


def _children(parent: int) -> list[int]:
    return [pid for pid, ppid, _ in _processes() if ppid == parent and _alive(pid)]


def _processes() -> list[tuple[int, int, int]]:
    """(pid, parent pid, process group) of every process."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            found.append((int(entry.name), int(fields[1]), int(fields[2])))
    return found


def _stopped_while_working(archive: Path, tmp_path: Path, stop) -> tuple[int, str]:
    """Run a check with two workers, `stop(process)` once both are working: (exit code,
    stderr), once both workers are gone (10 s at most) and no report was written."""
    cache = tmp_path / "cache"  # empty: the workers have a model to load and texts to embed
    cache.mkdir()
    models = Path(os.environ["ALIGNCHECK_CACHE_DIR"]) / "models"
    if models.exists():
        (cache / "models").symlink_to(models.resolve(), target_is_directory=True)
    proc = subprocess.Popen(
        [sys.executable, "-m", "aligncheck", "check", str(archive), "--jobs", "2", "-q"]
        + ["--format", "json", "--output", str(tmp_path / "r.json")],
        cwd=ROOT,
        env={**os.environ, "ALIGNCHECK_CACHE_DIR": str(cache)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a shell gives a command
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
            workers = _children(proc.pid)
        assert proc.poll() is None, proc.stderr.read()
        stop(proc)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    deadline = time.monotonic() + 10
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(workers) == 2 and not any(map(_alive, workers))
    assert not (tmp_path / "r.json").exists()
    return proc.returncode, stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize(
    "stop, code, said",
    [
        # what Ctrl-C on a terminal does: SIGINT to the foreground process group
        (lambda proc: os.killpg(proc.pid, signal.SIGINT), 130, "aligncheck: interrupted"),
        # what a CI job's timeout does: SIGTERM to the command alone
        (lambda proc: os.kill(proc.pid, signal.SIGTERM), 143, "aligncheck: terminated"),
    ],
    ids=["ctrl-c", "term"],
)
def test_a_stop_signal_stops_every_worker_without_a_traceback(archive, tmp_path, stop, code, said):
    got, stderr = _stopped_while_working(archive, tmp_path, stop)
    assert got == code
    assert stderr.strip() == said, stderr


def _setup_sleeper():
    return lambda item: time.sleep(60)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_a_parent_that_is_killed(tmp_path):
    """SIGKILL leaves the parent no say: the kernel ends its workers (PR_SET_PDEATHSIG) at
    once, not when the item they hold is done (here a minute's sleep)."""
    parent = tmp_path / "parent.py"
    parent.write_text(
        f"import sys; sys.path[:0] = {[str(Path(__file__).parent), *sys.path]!r}\n"
        "from aligncheck._runtime import pool\n"
        "from test_jobs import _setup_sleeper\n"
        "pool.run([1, 2], jobs=2, setup=_setup_sleeper)\n"
    )
    proc = subprocess.Popen([sys.executable, str(parent)], start_new_session=True)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
            workers = _children(proc.pid)
        time.sleep(1.0)  # set up and sleeping on their items
        assert proc.poll() is None and all(map(_alive, workers))
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    deadline = time.monotonic() + 5
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:  # not to leave them sleeping if the test fails
        os.kill(pid, signal.SIGKILL)
    assert len(workers) == 2 and not left


def _setup_doubler(factor):
    return lambda item: _fail_on_three(item) * factor


def _fail_on_three(item):
    if item == 3:
        raise ValueError("three")
    return item


def test_pool_results_come_in_the_items_order_and_a_raising_item_is_given_up():
    results = pool.run([1, 2, 3, 4, 5], jobs=2, setup=_setup_doubler, setup_args=(10,))
    assert results[:2] == [10, 20] and results[3:] == [40, 50]
    assert results[2] == pool.Failure("ValueError: three")


def _setup_broken():
    from aligncheck.errors import InputError

    raise InputError("no model here", "/nowhere")


def test_a_worker_that_cannot_set_up_stops_the_run_with_its_error():
    with pytest.raises(pool.SetupFailed) as caught:
        pool.run([1, 2], jobs=2, setup=_setup_broken)
    assert "no model here" in str(caught.value.error)


def test_workers_share_the_cores():
    env = pool.worker_environment(2)
    assert env["ALIGNCHECK_JOBS"] == "1"
    assert int(env["OMP_NUM_THREADS"]) == max(1, len(os.sched_getaffinity(0)) // 2)


def _worker_whose_parent(leaves_after: int) -> subprocess.CompletedProcess:
    """A worker started as the pool starts one; its parent closes the pipe after N messages."""
    from multiprocessing import Pipe

    parent, child = Pipe()
    proc = subprocess.Popen(
        pool.worker_command(child.fileno()),
        pass_fds=[child.fileno()],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    child.close()
    if leaves_after >= 1:
        parent.send((_setup_doubler, (2,)))
        assert parent.recv() == ("ready", None)
    if leaves_after >= 2:
        parent.send(4)
        assert parent.recv() == ("ok", 8)
    parent.close()
    out, err = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@pytest.mark.parametrize("leaves_after", [0, 1, 2])
def test_a_worker_whose_parent_is_gone_leaves_without_a_traceback(leaves_after):
    done = _worker_whose_parent(leaves_after)
    assert (done.returncode, done.stderr) == (0, "")


def test_a_start_interrupted_before_the_setup_is_sent_leaves_no_worker(monkeypatch):
    from multiprocessing.connection import Connection

    started = []
    real_popen = subprocess.Popen

    def popen(*args, **kwargs):
        started.append(real_popen(*args, **kwargs))
        return started[-1]

    def interrupted_send(self, obj):
        raise KeyboardInterrupt

    monkeypatch.setattr(pool.subprocess, "Popen", popen)
    monkeypatch.setattr(Connection, "send", interrupted_send)
    with pytest.raises(KeyboardInterrupt):
        pool._start({}, _setup_doubler, (2,))
    assert len(started) == 1 and started[0].poll() is not None
