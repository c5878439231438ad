"""Loading sentence-transformers models offline, once per process.

Importing this module is cheap; torch and sentence-transformers are imported on
the first load, with hub access switched off so nothing is ever downloaded.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from aligncheck.errors import InputError

# loaded models by (loader, real path): the built default model loaded by its path as a
# sentence-transformers model is not the lean runner, which alone gives token vectors
_LOADED: dict[tuple[str, str], object] = {}


def _offline_quiet_environment() -> None:
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def _hub_cache() -> Path:
    for var in ("HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE"):
        if os.environ.get(var):
            return Path(os.environ[var]).expanduser()
    home = os.environ.get("HF_HOME") or os.path.join(
        os.environ.get("XDG_CACHE_HOME", "~/.cache"), "huggingface"
    )
    return Path(home).expanduser() / "hub"


def _hub_snapshot(repo_id: str) -> Path | None:
    repo = _hub_cache() / ("models--" + repo_id.replace("/", "--"))
    ref = repo / "refs" / "main"
    if ref.is_file():
        snapshot = repo / "snapshots" / ref.read_text().strip()
        if snapshot.is_dir():
            return snapshot
    snapshots = sorted((repo / "snapshots").glob("*"), key=lambda p: p.stat().st_mtime)
    return snapshots[-1] if snapshots else None


def resolve_model_dir(name_or_path: str) -> Path:
    """A local model directory, or the Hugging Face cache snapshot of a hub name."""
    if not name_or_path.strip():
        raise InputError("empty model name; pass a model name or a model directory")
    path = Path(name_or_path).expanduser()
    if path.is_dir():
        if not any((path / name).is_file() for name in ("modules.json", "config.json")):
            raise InputError(
                f"model {name_or_path!r}: directory has no modules.json or "
                "config.json; pass a sentence-transformers model directory"
            )
        return path.resolve()
    if path.exists() or name_or_path.startswith((".", "/", "~")) or name_or_path.count("/") > 1:
        raise InputError(
            f"model {name_or_path!r}: no such model directory; pass a directory "
            "holding a sentence-transformers model"
        )
    candidates = [name_or_path] + (
        [] if "/" in name_or_path else [f"sentence-transformers/{name_or_path}"]
    )
    for repo_id in candidates:
        snapshot = _hub_snapshot(repo_id)
        if snapshot is not None:
            return snapshot
    raise InputError(
        f"model {name_or_path!r} is not a local directory and not in the Hugging "
        f"Face cache ({_hub_cache()}); aligncheck never downloads: pass a local "
        "sentence-transformers model directory"
    )


def model_fingerprint(path: Path) -> str:
    """Changes when the model's files change (used to key the embedding cache)."""
    digest = hashlib.sha256(str(path).encode())
    for file in sorted(p for p in path.rglob("*") if p.is_file() and ".git" not in p.parts):
        stat = file.stat()
        digest.update(f"{file.relative_to(path)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:16]


def configured_prompt(path: Path) -> str:
    """The text of the model's default prompt ("" if it has none)."""
    try:
        config = json.loads((path / "config_sentence_transformers.json").read_text("utf-8"))
    except (OSError, ValueError):
        return ""
    name = config.get("default_prompt_name")
    return (config.get("prompts") or {}).get(name, "") if name else ""


def _set_threads(torch) -> None:
    from aligncheck.embed.bert import threads

    torch.set_num_threads(threads())


def load_sentence_transformer(path: str, name: str):
    """The SentenceTransformer in directory `path` (loaded once per process)."""
    key = ("sentence-transformers", os.path.realpath(path))
    if key in _LOADED:
        return _LOADED[key]
    path = key[1]
    _offline_quiet_environment()
    import logging

    import torch
    import transformers
    from sentence_transformers import SentenceTransformer

    logging.getLogger("sentence_transformers").setLevel(logging.ERROR)
    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    _set_threads(torch)
    try:
        model = SentenceTransformer(path, device="cpu", local_files_only=True)
    except Exception as exc:  # noqa: BLE001 - any load failure is the user's model
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise InputError(
            f"model {name!r} cannot be loaded offline ({reason}); pass a local "
            "sentence-transformers model directory"
        ) from None
    model.eval()
    _LOADED[key] = model
    return model


def load_lean_bert(path: str):
    """The built default model via a lean runner (onnxruntime, else torch), which windows
    texts longer than 512 tokens. The torch runner also stands in where the onnxruntime one
    cannot start (e.g. a read-only model directory without its graph file)."""
    key = ("lean", os.path.realpath(path))
    if key not in _LOADED:
        from aligncheck.embed.bert import LeanBert, OrtBert

        path = key[1]
        runners = [OrtBert, LeanBert] if has_onnxruntime() else [LeanBert]
        for n, runner in enumerate(runners):
            try:
                _LOADED[key] = runner(Path(path))
                break
            except Exception as exc:  # noqa: BLE001 - a damaged build, whatever the cause
                if n + 1 < len(runners):
                    continue
                reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
                raise InputError(
                    f"built default model cannot be loaded ({reason}); delete the "
                    "directory to rebuild it",
                    path,
                ) from None
    return _LOADED[key]


def has_onnxruntime() -> bool:
    from importlib.util import find_spec

    return os.environ.get("ALIGNCHECK_RUNNER") != "torch" and all(
        find_spec(name) is not None for name in ("onnxruntime", "onnx")
    )


def forget(path: str) -> None:
    for loader in ("lean", "sentence-transformers"):
        _LOADED.pop((loader, os.path.realpath(path)), None)
