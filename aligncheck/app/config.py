"""Configuration: defaults, then a config file, then command-line flags.

The file is found by walking up from the checked path: the first directory holding an
`aligncheck.toml` (top-level keys) or a `pyproject.toml` with a `[tool.aligncheck]` table
wins; `aligncheck.toml` first. A pyproject.toml without that table is passed over.
Every value remembers where it came from ("default", "file:<path>", "cli").
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aligncheck.embed import DEFAULT_MODEL
from aligncheck.errors import InputError
from aligncheck.findings.selection import is_known_selector
from aligncheck.lang.langid import is_known_language, normalize_lang
from aligncheck.model import UNITS, Severity
from aligncheck.read.policy import (
    DEFAULT_MAX_INPUT_MB,
    FRONT_MATTER_KEYS,
    MAX_INPUT_MB_RANGE,
    parse_encodings,
)

CONFIG_FILE = "aligncheck.toml"
PYPROJECT = "pyproject.toml"
FORMATS = ("rich", "text", "json", "sarif", "junit", "github", "markdown", "html")
FAIL_ON = ("error", "warning", "info", "never")
SEVERITIES = tuple(s.value for s in Severity)
# Thresholds read outside any rule (aligner, extractors); rules add their config_keys.
CORE_THRESHOLDS: dict[str, tuple[Any, str]] = {}
TABLES = ("per_lang_ignore", "severity", "thresholds", "url_map")
# The valid (inclusive) range of every numeric threshold; a test holds every rule's key to it.
THRESHOLD_RANGES: dict[str, tuple[float, float]] = {
    "addition_min_score": (0, 20),
    "addition_min_z": (0, 10),
    "alignment_min_chars": (0, 10_000),
    "alignment_score_floor": (0, 1),
    "name_match_threshold": (0, 1),
    "omission_min_score": (0, 20),
    "omission_min_z": (0, 10),
    "untranslated_min_confidence": (0, 1),
    "untranslated_min_letters": (1, 10_000),
}


@dataclass(frozen=True)
class Config:
    source_lang: str = "en"
    model: str = DEFAULT_MODEL
    glossaries: tuple[Path, ...] = ()
    unit: str = "paragraph"
    select: tuple[str, ...] = ("all",)
    ignore: tuple[str, ...] = ()
    per_lang_ignore: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    severity: Mapping[str, Severity] = field(default_factory=dict)
    fail_on: str = "error"
    thresholds: Mapping[str, Any] = field(default_factory=dict)  # only those set
    format: tuple[str, ...] = ("rich",)
    output_dir: Path = Path("reports")
    encoding: str | None = None  # None ("auto" in a file): UTF-8/UTF-16 only; "cp1251,kk=koi8-r"
    max_input_mb: float = DEFAULT_MAX_INPUT_MB
    follow_symlinks: bool = False
    front_matter_keys: tuple[str, ...] = FRONT_MATTER_KEYS
    url_map: Mapping[str, str] = field(default_factory=dict)  # source URL prefix -> target's
    path: Path | None = None  # the config file used, if any
    origins: Mapping[str, str] = field(default_factory=dict)  # "key" or "table.entry"

    def threshold(self, key: str) -> Any:
        """The effective value of a threshold: set, or its documented default."""
        if key in self.thresholds:
            return self.thresholds[key]
        return known_thresholds()[key][0]

    def describe(self) -> list[tuple[str, Any, str]]:
        """(key, value, origin) rows, in documented key order, for `aligncheck config`."""
        rows: list[tuple[str, Any, str]] = []
        for key in KEYS:
            if key == "thresholds":
                for name in sorted(known_thresholds()):
                    dotted = f"thresholds.{name}"
                    rows.append((dotted, self.threshold(name), self.origins.get(dotted, "default")))
            elif key in TABLES:
                table = getattr(self, key)
                rows.extend(
                    (f"{key}.{k}", table[k], self.origins.get(f"{key}.{k}", "default"))
                    for k in sorted(table)
                )
                if not table:
                    rows.append((key, {}, "default"))
            else:
                value = getattr(self, key) if key != "encoding" else self.encoding or "auto"
                rows.append((key, value, self.origins.get(key, "default")))
        return rows


def render_description(config: Config) -> str:
    """The text `aligncheck config` prints: one `key = value  # origin` line per row."""
    head = f"# config file: {config.path}" if config.path else "# config file: none found"
    lines = [head]
    for key, value, origin in config.describe():
        shown = json.dumps(_plain(value), ensure_ascii=False)
        lines.append(f"{key} = {shown}  # {origin}")
    return "\n".join(lines)


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


def known_thresholds() -> dict[str, tuple[Any, str]]:
    """Every threshold key: all rules' config_keys (first code wins), then the core ones.

    A rule's own default is what the rule uses when the key is unset, so it is what
    `aligncheck config` must show."""
    from aligncheck.checks import all_rules

    known: dict[str, tuple[Any, str]] = {}
    for rule in all_rules():
        for key, spec in rule.config_keys.items():
            known.setdefault(key, spec)
    for key, spec in CORE_THRESHOLDS.items():
        known.setdefault(key, spec)
    return known


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The config file governing `start` and its aligncheck table, or None."""
    start = start.resolve()
    for folder in [start, *start.parents] if start.is_dir() else start.parents:
        for name in (CONFIG_FILE, PYPROJECT):
            candidate = folder / name
            if candidate.is_file() and (table := read_config_file(candidate)) is not None:
                return candidate, table
    return None


def read_config_file(path: Path) -> dict[str, Any] | None:
    """The aligncheck table of one file; None for a pyproject.toml without one."""
    import tomllib  # only where a config file is found (its import costs ~10 ms)

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))  # a BOM is fine
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read config file: {err}", str(path)) from None
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"invalid TOML: {err}", str(path)) from None
    if path.name != PYPROJECT:
        return data
    tool = data.get("tool")
    table = tool.get("aligncheck") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise InputError("tool.aligncheck: expected a table", str(path))
    return table


def load_config(
    start: Path, cli: Mapping[str, Any] | None = None, *, explicit: Path | None = None
) -> Config:
    """Defaults < the config file (`explicit`, or found from `start`) < `cli`.

    `cli` uses the config key names; unset flags may be left out or given as None or ().
    """
    flags = {k: v for k, v in (cli or {}).items() if v is not None and v != ()}
    if explicit is not None:
        if not Path(explicit).is_file():
            raise InputError("config file not found", str(explicit))
        found = (Path(explicit).resolve(), read_config_file(Path(explicit)) or {})
    else:
        found = find_config(Path(start))
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    if found:
        path, table = found
        prefix = "tool.aligncheck." if path.name == PYPROJECT else ""
        _merge(values, origins, table, _Source(f"file:{path}", path.parent, prefix, str(path)))
    _merge(values, origins, flags, _Source("cli", Path.cwd(), "", None))
    return Config(**values, path=found[0] if found else None, origins=origins)


class _Invalid(Exception):
    pass


@dataclass(frozen=True)
class _Source:
    origin: str
    base: Path  # relative paths are resolved against this
    prefix: str  # how a file's keys are named in messages
    file: str | None

    @property
    def cli(self) -> bool:
        return self.file is None

    def error(self, key: str, message: str, entry: str | None = None) -> InputError:
        if self.cli:
            name = f"--{key.replace('_', '-')}" + (f" {entry}" if entry is not None else "")
        else:
            name = f"{self.prefix}{key}" + (f".{entry}" if entry is not None else "")
        return InputError(f"{name}: {message}", self.file)


def _merge(values: dict, origins: dict, given: Mapping[str, Any], src: _Source) -> None:
    for key in sorted(given):
        if key not in KEYS:
            from difflib import get_close_matches  # only to suggest a fix

            close = get_close_matches(key.replace("-", "_"), KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f"; known keys: {', '.join(KEYS)}"
            raise src.error(key, f"unknown key{hint}")
        if key in TABLES:
            values[key] = {**values.get(key, {}), **_merge_table(key, given[key], origins, src)}
            continue
        try:
            values[key] = KEYS[key](given[key], src)
        except _Invalid as bad:
            raise src.error(key, str(bad)) from None
        origins[key] = src.origin


def _merge_table(key: str, table: Any, origins: dict, src: _Source) -> dict[str, Any]:
    if not isinstance(table, Mapping):
        raise src.error(key, f"expected a table, got {_kind(table)}")
    entries = {}
    for entry in sorted(table):
        try:
            name = _TABLE_KEYS[key](entry, src)
            entries[name] = KEYS[key](name, table[entry], src)
        except _Invalid as bad:
            raise src.error(key, str(bad), entry) from None
        origins[f"{key}.{name}"] = src.origin
    return entries


def _threshold_name(entry: str, src: _Source) -> str:
    if entry not in known_thresholds():
        from difflib import get_close_matches  # only to suggest a fix

        close = get_close_matches(entry, known_thresholds(), n=1)
        raise _Invalid("unknown threshold" + (f" (did you mean {close[0]!r}?)" if close else ""))
    return entry


def _kind(value: Any) -> str:
    return {
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        list: "a list",
        tuple: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def _string(value: Any, src: _Source) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(f"expected a non-empty string, got {_kind(value)}")
    return value


def _strings(value: Any, src: _Source) -> tuple[str, ...]:
    if src.cli and isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, (list, tuple)):
        raise _Invalid(f"expected a list of strings, got {_kind(value)}")
    return tuple(_string(v, src) for v in value)


def _choice(options: tuple[str, ...]) -> Callable[[Any, _Source], str]:
    def check(value: Any, src: _Source) -> str:
        if _string(value, src).lower() not in options:
            raise _Invalid(f"unknown value {value!r}; expected one of {', '.join(options)}")
        return value.lower()

    return check


def _formats(value: Any, src: _Source) -> tuple[str, ...]:
    return tuple(_choice(FORMATS)(v, src) for v in _strings(value, src))


def _language(value: Any, src: _Source) -> str:
    if not is_known_language(_string(value, src)):
        raise _Invalid(f"unknown language code {value!r}; use an ISO 639-1 code such as en, ru, kk")
    return normalize_lang(value)


def _selectors(value: Any, src: _Source) -> tuple[str, ...]:
    from aligncheck.checks import all_rules

    rules = all_rules()
    selectors = _strings(value, src)
    for sel in selectors:
        if not is_known_selector(sel, rules):
            from difflib import get_close_matches  # only to suggest a fix

            close = get_close_matches(sel.upper(), [r.code for r in rules], n=1, cutoff=0.5)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise _Invalid(f"unknown rule code, prefix or category {sel!r}{hint}")
    return selectors


def _model(value: Any, src: _Source) -> str:
    """A model name, or a local model directory (relative to the config file)."""
    local = src.base / _string(value, src)
    return str(local) if local.exists() else value


def _path(value: Any, src: _Source) -> Path:
    return src.base / _string(value, src)


def _glossaries(value: Any, src: _Source) -> tuple[Path, ...]:
    paths = tuple(src.base / p for p in _strings(value, src))
    for path in paths:
        if not path.is_file():
            raise _Invalid(f"glossary file not found: {path}")
    return paths


def _encoding(value: Any, src: _Source) -> str | None:
    """`auto`, or encodings for files that are not UTF-8/UTF-16: `cp1251`, `ru=cp1251`, a list."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)):
        raise _Invalid(f"expected a string or a list of strings, got {_kind(value)}")
    items = [_string(item, src) for item in items]
    if [item.strip().lower() for item in items] == ["auto"]:
        return None
    try:
        return parse_encodings(items).spec()
    except ValueError as error:
        raise _Invalid(str(error)) from None


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 24 else f"{text[:8]}...({len(text)} digits)"


def _in_range(value: int | float, valid: tuple[float, float] | None, integer: bool) -> int | float:
    """`value` as an int or float if it is finite and inside `valid`; _Invalid naming both."""
    low, high = valid or (-math.inf, math.inf)
    wanted = "a whole number" if integer else "a finite number"
    if valid is not None:
        wanted += f" from {low:g} to {high:g}"
    finite = not isinstance(value, float) or math.isfinite(value)
    if not finite or not low <= value <= high:
        raise _Invalid(f"{_shown(value)} is out of range; expected {wanted}")
    if integer and isinstance(value, float) and not value.is_integer():
        raise _Invalid(f"expected a number with no fractional part, got {value!r} ({wanted})")
    return int(value) if integer else float(value)


def _number(valid: tuple[float, float]) -> Callable[[Any, _Source], float]:
    def check(value: Any, src: _Source) -> float:
        if src.cli and isinstance(value, str):
            value = _parse_flag(value, 0.0)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _Invalid(f"expected a number, got {_kind(value)}")
        return _in_range(value, valid, integer=False)

    return check


def _boolean(value: Any, src: _Source) -> bool:
    if not isinstance(value, bool):
        raise _Invalid(f"expected true or false, got {_kind(value)}")
    return value


def _per_lang(lang: str, value: Any, src: _Source) -> tuple[str, ...]:
    return _selectors(value, src)


def _severity_selector(entry: str, src: _Source) -> str:
    return _selectors([entry], src)[0]


def _severity(selector: str, value: Any, src: _Source) -> Severity:
    return Severity(_choice(SEVERITIES)(value, src))


def _url_prefix(entry: str, src: _Source) -> str:
    if not entry.strip() or "{lang}" in entry:
        raise _Invalid('expected a source URL prefix such as "https://example.org/"')
    return entry


def _localised_prefix(prefix: str, value: Any, src: _Source) -> str:
    """The target's prefix for a source URL prefix; `{lang}` stands for the target language."""
    return _string(value, src)


def _threshold(key: str, value: Any, src: _Source) -> Any:
    """A value of the default's type; ints pass for floats, lists for tuples."""
    default = known_thresholds()[key][0]
    if src.cli and isinstance(value, str) and not isinstance(default, str):
        value = _parse_flag(value, default)
    if default is None:
        return value
    if isinstance(default, (list, tuple)):
        if isinstance(value, (list, tuple)):
            return type(default)(value)
    elif isinstance(default, (int, float)) and not isinstance(default, bool):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return _in_range(
                value, THRESHOLD_RANGES.get(key), integer=not isinstance(default, float)
            )
    elif isinstance(value, type(default)):
        return value
    raise _Invalid(f"expected {_kind(default)}, got {_kind(value)}")


def _parse_flag(text: str, default: Any) -> Any:
    if isinstance(default, (list, tuple)):
        return [part.strip() for part in text.split(",") if part.strip()]
    try:
        return json.loads(text.lower() if isinstance(default, bool) else text)
    except json.JSONDecodeError:
        return text


KEYS: dict[str, Callable[..., Any]] = {
    "source_lang": _language,
    "model": _model,
    "glossaries": _glossaries,
    "unit": _choice(UNITS),
    "select": _selectors,
    "ignore": _selectors,
    "per_lang_ignore": _per_lang,
    "severity": _severity,
    "fail_on": _choice(FAIL_ON),
    "thresholds": _threshold,
    "format": _formats,
    "output_dir": _path,
    "encoding": _encoding,
    "max_input_mb": _number(MAX_INPUT_MB_RANGE),
    "follow_symlinks": _boolean,
    "front_matter_keys": _strings,
    "url_map": _localised_prefix,
}
_TABLE_KEYS: dict[str, Callable[[str, _Source], str]] = {  # entry name -> its normal form
    "per_lang_ignore": _language,
    "severity": _severity_selector,
    "thresholds": _threshold_name,
    "url_map": _url_prefix,
}
