"""What the reader accepts: an input size cap, whether symlinks leave a release directory,
fallback encodings (for all languages or per language); and its one-line stderr notes."""

from __future__ import annotations

import codecs
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from aligncheck.errors import InputError
from aligncheck.read.langcodes import check_lang

DEFAULT_MAX_INPUT_MB = 50
MAX_INPUT_MB_RANGE = (0.001, 100_000)  # 1 KB .. 100 GB
FRONT_MATTER_KEYS = ("title", "description")  # front matter values that are text to translate


def note(message: str) -> None:
    print(f"aligncheck: note: {message}", file=sys.stderr)


def text_codec(name: str) -> str:
    """`name` if it is a bytes->text codec; ValueError (the reason) otherwise."""
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        raise ValueError(
            f"unknown encoding {name!r}; give one such as cp1251, koi8-r or utf-16"
        ) from None
    if not getattr(info, "_is_text_encoding", True):
        raise ValueError(
            f"{name!r} is not a text encoding; give one such as cp1251, koi8-r or utf-16"
        )
    return name


@dataclass(frozen=True)
class Encodings:
    """Encodings tried on files that are not UTF-8 or UTF-16: `default` for every language,
    `per_lang` for some."""

    default: str | None = None
    per_lang: Mapping[str, str] = field(default_factory=dict)

    def for_lang(self, lang: str | None) -> str | None:
        return self.per_lang.get(lang, self.default) if lang else self.default

    def spec(self) -> str | None:
        """The canonical text form (`cp1251,kk=cp1251,ru=koi8-r`), None if empty."""
        items = [f"{lang}={name}" for lang, name in sorted(self.per_lang.items())]
        return ",".join(([self.default] if self.default else []) + items) or None


def parse_encodings(value: str | Sequence[str] | Encodings | None) -> Encodings:
    """`cp1251`, `ru=cp1251`, comma-separated or a list of such items (`auto`: none);
    ValueError if bad."""
    if value is None or isinstance(value, Encodings):
        return value or Encodings()
    items = [value] if isinstance(value, str) else list(value)
    parts = [part.strip() for item in items for part in str(item).split(",") if part.strip()]
    default: str | None = None
    per_lang: dict[str, str] = {}
    for part in parts:
        if part.lower() == "auto":
            continue
        lang, sep, name = part.rpartition("=")
        name = text_codec(name.strip())
        if not sep:
            if default not in (None, name):
                raise ValueError(
                    f"two encodings for all files ({default}, {name}); give one, "
                    "or LANG=ENCODING for a language"
                )
            default = name
            continue
        try:
            lang = check_lang(lang.strip())
        except InputError as error:
            raise ValueError(f"{part!r}: {error}") from None
        if per_lang.get(lang, name) != name:
            raise ValueError(f"two encodings for {lang} ({per_lang[lang]}, {name})")
        per_lang[lang] = name
    if items and not parts:
        raise ValueError("empty; give an encoding such as cp1251 or ru=cp1251")
    return Encodings(default, per_lang)


def encodings_option(value: str | Sequence[str] | Encodings | None) -> Encodings:
    """parse_encodings for a value given with --encoding: InputError naming the option."""
    try:
        return parse_encodings(value)
    except ValueError as error:
        raise InputError(f"--encoding: {error}") from None


@dataclass(frozen=True)
class ReadPolicy:
    encodings: Encodings = field(default_factory=Encodings)
    max_input_mb: float = DEFAULT_MAX_INPUT_MB
    follow_symlinks: bool = False
    front_matter_keys: tuple[str, ...] = FRONT_MATTER_KEYS

    @property
    def max_bytes(self) -> int:
        return int(self.max_input_mb * 1024 * 1024)


def read_policy(
    encoding: str | Sequence[str] | Encodings | None = None,
    max_input_mb: float | None = None,
    follow_symlinks: bool = False,
    front_matter_keys: Sequence[str] = FRONT_MATTER_KEYS,
) -> ReadPolicy:
    return ReadPolicy(
        encodings_option(encoding),
        DEFAULT_MAX_INPUT_MB if max_input_mb is None else max_input_mb,
        bool(follow_symlinks),
        tuple(front_matter_keys),
    )


def describe_mb(size: float) -> str:
    return f"{round(size, 1):g} MB" if size >= 1 else f"{round(size * 1024, 1):g} KB"
