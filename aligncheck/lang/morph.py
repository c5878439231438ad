"""Inflection-aware word and phrase matching.

Russian words match through pymorphy3 lemmas; Turkic words (kk, az, tk, tr, ...) match when
the text word is the base form plus a suffix chain whose vowels agree with the base's vowel
harmony (allowing the usual stem alternations: final k/g, p/b, t/d, q/ğ and a dropped high
vowel as in deňiz -> deňzi); other languages accept a few English-style endings. Which
languages are Turkic, and which suffix table each takes, is in their profiles
(aligncheck.lang.profiles); the vowels, alternations and endings in lang/data/morph.json.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from aligncheck._runtime.memo import per_release
from aligncheck.lang.data import load
from aligncheck.lang.profiles import DOTTED_I, TURKIC, profile

WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*")
APOSTROPHES = "'’-"

_DATA = load("morph.json")
_FRONT = frozenset(_DATA["front_vowels"])
_BACK_COMMON = frozenset(_DATA["back_vowels"])
_BACK = {lang: _BACK_COMMON | set(extra) for lang, extra in _DATA["extra_back_vowels"].items()}
_HIGH = frozenset(_DATA["high_vowels"])
_ALTERNATIONS = _DATA["alternations"]
_EN_ENDINGS = tuple(_DATA["english_endings"])
MAX_SUFFIX = 10


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int


def words(text: str) -> list[Word]:
    return list(_words(text))


@per_release
def _words(text: str) -> tuple[Word, ...]:
    """Cached: the same texts are tokenised by many rules (Words are frozen, lists are fresh)."""
    return tuple(Word(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text))


def lower(text: str, lang: str) -> str:
    if lang in DOTTED_I:
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


def _vowels(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    return _FRONT, _BACK.get(lang, _BACK_COMMON)


# Kazakh Cyrillic и and у stand for front and back sounds alike (киім / сиыр, келу / су), and
# и ends many loan names (Корбин): after them either harmony is right.
_AMBIGUOUS = {lang: frozenset(letters) for lang, letters in _DATA["ambiguous_vowels"].items()}
# Endings that never change with the stem's vowels (kk -мен/-бен/-пен "with", tr/az/tk -ki, az
# -ilə): Астанамен, akşamki.
_INVARIANT = {lang: tuple(endings) for lang, endings in _DATA["invariant_endings"].items()}


def _harmonic(stem: str, suffix: str, lang: str) -> bool:
    """Does the first vowel of `suffix` agree with the last vowel of `stem`?"""
    if suffix.startswith(_INVARIANT.get(lang, ())) and suffix:
        return True
    front, back = _vowels(lang)
    ambiguous = _AMBIGUOUS.get(lang, frozenset())
    last = next((c for c in reversed(stem) if c in front or c in back or c in ambiguous), None)
    first = next((c for c in suffix if c in front or c in back), None)
    if last is None or first is None or last in ambiguous:
        return True
    return (last in front) == (first in front)


def _is_vowel(char: str, lang: str) -> bool:
    front, back = _vowels(lang)
    return char in front or char in back or char in "июё"


@lru_cache(maxsize=65536)
def _turkic_stems(base: str) -> tuple[str, ...]:
    stems = [base]
    if len(base) >= 3 and base[-1] in _ALTERNATIONS:
        stems += [base[:-1] + alt for alt in _ALTERNATIONS[base[-1]]]
    if len(base) >= 4 and base[-2] in _HIGH and base[-3] not in _HIGH and base[-1] not in _HIGH:
        stems.append(base[:-2] + base[-1])
    return tuple(stems)


def _turkic_match(base: str, word: str, lang: str, acronym: bool = False) -> bool:
    """Acronyms take suffixes after their letter names (AB'yi, ABD'ye): no harmony check."""
    if word == base:
        return True
    for stem in _turkic_stems(base):
        if not word.startswith(stem) or len(stem) < 2:
            continue
        rest = word[len(stem) :]
        suffix = rest.lstrip(APOSTROPHES)
        marked = rest != suffix  # Jones'un, UNEP-iň: harmony follows pronunciation, not spelling
        limit = MAX_SUFFIX if len(stem) >= 4 else 5 if len(stem) == 3 else 3
        if stem != base and not suffix:
            continue
        if suffix and not marked and _is_vowel(stem[-1], lang) and _is_vowel(suffix[0], lang):
            continue  # after a vowel, Turkic suffixes start with a (buffer) consonant
        if len(suffix) <= limit and (acronym or marked or _harmonic(base, suffix, lang)):
            return True
    return False


@cache
def russian_analyzer():
    """pymorphy3's Russian analyser (loaded once per process), or None where not installed."""
    try:
        import pymorphy3
    except ImportError:  # pragma: no cover - optional dependency
        return None
    return pymorphy3.MorphAnalyzer(lang="ru")


_NAME_GRAMMEMES = frozenset({"Surn", "Name", "Patr", "Geox", "Orgn", "Trad"})


@lru_cache(maxsize=65536)
def russian_common_word(word: str) -> bool:
    """A word of pymorphy3's Russian dictionary that none of its readings calls a name
    (Скалистые, Национального; not Робинсон, nor an unknown Макгрегор); False without
    pymorphy3."""
    morph = russian_analyzer()
    if morph is None or not morph.word_is_known(word):
        return False
    return not any(_NAME_GRAMMEMES & set(p.tag.grammemes) for p in morph.parse(word))


def russian_forms(word: str) -> tuple[str, ...]:
    """Every form of a Russian word's likeliest lexeme (ноябрь: ноября, ноябре ...), ё as е;
    empty where pymorphy3 is not installed."""
    morph = russian_analyzer()
    if morph is None:
        return ()
    return tuple(
        form.word.replace("ё", "е") for parse in morph.parse(word)[:1] for form in parse.lexeme
    )


@lru_cache(maxsize=65536)
def lemmas(word: str, lang: str) -> frozenset[str]:
    """Possible dictionary forms of a lower-case word (the word itself when unknown).

    Russian lemmas are kept across runs (`LemmaStore`): a warm run then never loads
    pymorphy3's dictionaries (a quarter of a second)."""
    if lang != "ru":
        return frozenset({word})
    store = lemma_store()
    known = store.get(word)
    if known is not None:
        return frozenset(known) | {word}
    analyzer = russian_analyzer()
    if analyzer is None:
        return frozenset({word})
    found = frozenset({p.normal_form.replace("ё", "е") for p in analyzer.parse(word)} | {word})
    store.add(word, found)
    return found


class LemmaStore:
    """word -> lemmas in a SQLite table in the cache dir, new words written at exit. A run
    reads only the words it asks about (a whole-file store cost ~10 ms per 7k words kept,
    on every run); any problem with the file only costs speed."""

    LIMIT = 200_000  # words kept; beyond it, lemmas are computed as before

    def __init__(self, path):
        from aligncheck._runtime.parallel import reopen_after_fork

        self.path, self.new, self._conn = path, {}, None
        reopen_after_fork(self)

    def forget_connection(self) -> None:
        """In a forked child: drop (not close) the parent's connection; the next use reopens."""
        self._conn = None

    def _connection(self):
        for attempt in range(2):  # a damaged file is replaced once
            if self._conn is not None or self.path is None:
                break
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, timeout=1.0, isolation_level=None)
                try:
                    conn.execute(
                        "CREATE TABLE IF NOT EXISTS lemmas (word TEXT PRIMARY KEY, "
                        "lemmas TEXT NOT NULL) WITHOUT ROWID"
                    )
                except sqlite3.Error:
                    conn.close()
                    raise
                self._conn = conn
            except sqlite3.OperationalError:  # locked or unreadable: this run does without
                self.path = None
            except sqlite3.DatabaseError:  # not a database
                try:
                    if attempt:
                        raise OSError("still not a database")
                    self.path.unlink(missing_ok=True)
                except OSError:
                    self.path = None
            except (sqlite3.Error, OSError):
                self.path = None
        return self._conn

    def get(self, word: str) -> list[str] | None:
        if word in self.new:
            return self.new[word]
        conn = self._connection()
        try:
            row = (
                conn.execute("SELECT lemmas FROM lemmas WHERE word = ?", (word,)).fetchone()
                if conn
                else None
            )
            return None if row is None else list(json.loads(row[0]))
        except (sqlite3.Error, ValueError, TypeError):
            return None

    def add(self, word: str, found: frozenset[str]) -> None:
        if self.path is None:
            return
        if not self.new:
            import atexit

            atexit.register(self.save)
        self.new[word] = sorted(found - {word})

    def save(self) -> None:
        conn = self._connection()
        if conn is None:
            return
        try:
            with conn:
                conn.execute("BEGIN IMMEDIATE")
                if conn.execute("SELECT COUNT(*) FROM lemmas").fetchone()[0] < self.LIMIT:
                    conn.executemany(
                        "INSERT OR REPLACE INTO lemmas VALUES (?, ?)",
                        [
                            (w, json.dumps(found, ensure_ascii=False))
                            for w, found in self.new.items()
                        ],
                    )
        except sqlite3.Error:
            pass


@cache
def lemma_store() -> LemmaStore:
    """This process's store of Russian lemmas (and other word facts kept across runs)."""
    from aligncheck._runtime.cachefiles import cache_file

    return LemmaStore(cache_file("morph", packages=("pymorphy3", "pymorphy3-dicts-ru")))


@lru_cache(maxsize=262144)
def word_matches(base: str, word: str, lang: str, acronym: bool = False) -> bool:
    """Is lower-case `word` an inflected form of lower-case `base` in `lang`?"""
    if base == word:
        return True
    if lang in TURKIC:
        return _turkic_match(base, word, lang, acronym)
    if acronym:
        return word.startswith(base) and word[len(base) : len(base) + 1] in ("-", "'", "’", "")
    if lang == "ru":
        return bool(lemmas(base, lang) & lemmas(word, lang))
    if word.startswith(base) and word[len(base) :] in _EN_ENDINGS:
        return True
    return base.endswith("y") and word == base[:-1] + "ies"


@dataclass(frozen=True)
class Phrase:
    """A term to look for: its words in order, matched through inflection."""

    text: str
    lang: str
    case_sensitive: bool = False

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(w.text for w in words(self.text))

    def find(self, text: str, tokens: list[Word] | None = None) -> list[tuple[int, int]]:
        """Character spans of every occurrence in `text`."""
        tokens = words(text) if tokens is None else tokens
        parts = self.parts
        if not parts:
            return []
        keys = [lower(p, self.lang) for p in parts]
        spans = []
        for i in range(len(tokens) - len(parts) + 1):
            window = tokens[i : i + len(parts)]
            if all(
                self._word_ok(p, k, w, text) for p, k, w in zip(parts, keys, window)
            ) and _adjacent(window, text):
                spans.append((window[0].start, window[-1].end))
        return spans

    def _word_ok(self, part: str, key: str, word: Word, text: str) -> bool:
        if self.case_sensitive and not word.text.startswith(part[:1]):
            return False
        if self.case_sensitive and part.isupper() and not word.text.startswith(part):
            return False
        acronym = len(part) > 1 and part.isupper()
        return self._part_matches(part, key, lower(word.text, self.lang), acronym)

    def _part_matches(self, part: str, key: str, word: str, acronym: bool) -> bool:
        return self._matches(key, word, self.lang, acronym)

    @staticmethod
    def _matches(key: str, word: str, lang: str, acronym: bool) -> bool:
        return word_matches(key, word, lang, acronym)


def _adjacent(window: list[Word], text: str) -> bool:
    """Only spaces and light punctuation between consecutive words of a phrase."""
    for a, b in zip(window, window[1:]):
        gap = text[a.end : b.start]
        if len(gap) > 3 or any(c.isalnum() for c in gap) or any(c in ".;:!?" for c in gap):
            return False
    return True


# --------------------------------------------------------------------------- stems
# Glossary renderings are often quoted as found in one sentence, i.e. inflected (Xəzər
# dənizinin, Каспийского моря). `stem_matches` compares the stems of both words: the entry's
# word is reduced by the inflectional endings of its language (trusted: it is the glossary's
# own form, and loan names do not always follow vowel harmony), the text's word must still be
# its stem plus a harmonic ending. Derivational suffixes are not stripped.

# Turkic inflectional endings as templates: A = two-way vowel, I = four-way (kk: two-way) high
# vowel, D = d/t, K = g/k (kk: ғ/қ/г/к), () = an optional buffer letter; plural, possessive,
# case, relational (-ki, -dAky), comitative and copula endings.
_TURKIC_ENDINGS = _DATA["endings"]  # by harmony table (a profile's `harmony`)
_ARCHIPHONEMES = _DATA["archiphonemes"]
_FINAL_CLASS = _DATA["final_class"]
_RU_ENDINGS = tuple(_DATA["russian_endings"])  # noun and adjective endings, longest first
MIN_STEM = 3


def _expand(template: str, table: dict[str, str]) -> set[str]:
    """Every spelling of one ending template ('(n)DAn' -> dan, den, tan, ten, ndan, nden)."""
    forms = [""]
    optional = regex.fullmatch(r"\((\w+)\)(.*)", template)
    if optional:
        return _expand(optional.group(2), table) | _expand(
            optional.group(1) + optional.group(2), table
        )
    for char in template:
        forms = [f + c for f in forms for c in table.get(char, char)]
    return set(forms)


@cache
def turkic_endings(lang: str) -> tuple[str, ...]:
    """Inflectional endings of a Turkic language, longest first (empty for other languages)."""
    key = _harmony(lang)
    if not key:
        return ()
    table = _ARCHIPHONEMES[key]
    forms = set().union(*(_expand(t, table) for t in _TURKIC_ENDINGS[key].split()))
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


@cache
def _third_person(lang: str) -> frozenset[str]:
    """The forms of the 3rd person possessive ending (dəniz-i, теңіз-і, su-yu... (s)I)."""
    key = _harmony(lang) or "tr"
    return frozenset(_expand("(с)I" if key == "kk" else "(s)I", _ARCHIPHONEMES[key]))


def _harmony(lang: str) -> str | None:
    found = profile(lang)
    return found.harmony if found is not None else None


def _has_vowel(text: str, lang: str) -> bool:
    return any(_is_vowel(c, lang) for c in text)


@lru_cache(maxsize=65536)
def stems(word: str, lang: str, harmonic: bool = True, depth: int = 3) -> frozenset[str]:
    """The lower-case `word` and what remains of it without inflectional endings (Turkic: up
    to `depth` of plural, possessive, case, ...; Russian: one noun/adjective ending), never
    less than half the word or three letters. With `harmonic`, a Turkic ending must agree with
    the vowels before it (for text words); without, it need not (for a glossary's own forms:
    loan names such as Ceymsın break harmony)."""
    found = {word}
    shortest = max(MIN_STEM, (len(word) + 1) // 2)
    if lang in TURKIC:
        head, mark, tail = _split_marked(word)
        if mark and len(head) >= 2 and _ending_chain(tail, lang):
            found.add(head)  # Kavanaugh'un, Menga-nyň: the ending follows the mark
        third_person = _third_person(lang)
        todo = [(word, 0, "")]
        while todo:
            current, level, outer = todo.pop()
            for ending in turkic_endings(lang) if level < depth else ():
                stem = current[: -len(ending)]
                if (
                    not current.endswith(ending)
                    or len(stem) < shortest
                    or stem[-1] in APOSTROPHES
                    or not _has_vowel(stem, lang)
                    or harmonic
                    and not _harmonic(stem, ending, lang)
                ):
                    continue
                if not harmonic and not _has_vowel(ending, lang):
                    continue  # a glossary's Kazan is no 2nd person possessive of kaza
                if outer and ending in third_person and outer[0] not in "nн":
                    continue  # after the 3rd person possessive a case ending takes n: dənizi-nin
                if stem not in found:
                    found.add(stem)
                    todo.append((stem, level + 1, ending))
    elif lang == "ru":
        for ending in _RU_ENDINGS:
            stem = word[: -len(ending)]
            if word.endswith(ending) and len(stem) >= shortest and _has_vowel(stem, lang):
                found.add(stem)
    return frozenset(found)


def _split_marked(word: str) -> tuple[str, str, str]:
    """'kavanaugh'un' -> ('kavanaugh', "'", 'un'):
    the word split at its last apostrophe or hyphen."""
    at = max(word.rfind(mark) for mark in APOSTROPHES)
    return (word[:at], word[at], word[at + 1 :]) if at > 0 else (word, "", "")


def _ending_chain(text: str, lang: str, depth: int = 0) -> bool:
    """Is `text` one to three Turkic endings in a row ('un', 'nyň', 'dağı')?"""
    if not text:
        return depth > 0
    return depth < 3 and any(
        text.endswith(e) and _ending_chain(text[: -len(e)], lang, depth + 1)
        for e in turkic_endings(lang)
    )


def _stem_keys(stem: str, lang: str) -> set[str]:
    """A stem with its final consonant alternation neutralised (kitap/kitab, дерек/дерег),
    and without a high vowel that drops before a vowel ending (deňiz/deňz, oğul/oğl)."""
    keys = {stem}
    if (
        len(stem) >= 4
        and stem[-2] in _HIGH
        and not _is_vowel(stem[-3], lang)
        and not _is_vowel(stem[-1], lang)
    ):
        keys.add(stem[:-2] + stem[-1])
    return {k[:-1] + _FINAL_CLASS.get(k[-1], k[-1]) if k else k for k in keys}


@lru_cache(maxsize=262144)
def stem_matches(
    entry: str, word: str, lang: str, acronym: bool = False, name: bool = False
) -> bool:
    """Is lower-case text `word` a form of the same word as lower-case glossary `entry`, which
    may itself be inflected? ('каспийского' ~ 'каспийское', 'dənizinin' ~ 'dənizi',
    'deňziniň' ~ 'deňiz', 'теңізінің' ~ 'теңізі'.) A form of `entry` as `word_matches` sees
    it always matches; otherwise the words must share a stem of at least three letters.
    `name`: the entry's word is a proper name (capitalised in the glossary); a loan name's
    endings need not follow its spelling's vowel harmony in the text either (Заев-тың,
    Ceyms-ın), as in the glossary's own forms."""
    if word_matches(entry, word, lang, acronym):
        return True
    if acronym or lang not in TURKIC and lang != "ru":
        return False
    if lang == "ru":  # the lemmas differ (names pymorphy guesses): a shared stem of 4+ letters
        return any(len(s) >= 4 for s in stems(entry, lang) & stems(word, lang))
    theirs = {k for s in stems(word, lang) for k in _stem_keys(s, lang)}
    if name:
        theirs |= {k for s in stems(word, lang, harmonic=False) for k in _stem_keys(s, lang)}
    return any(_stem_keys(s, lang) & theirs for s in stems(entry, lang, harmonic=False, depth=2))


@lru_cache(maxsize=262144)
def inflects(base: str, word: str, lang: str, acronym: bool = False) -> bool:
    """`word_matches`, stricter for Turkic: what follows the base must be inflectional endings
    (plural, possessive, case...), not any harmonic letters ('belen' is not in 'belentlikdäki')."""
    if not word_matches(base, word, lang, acronym):
        return False
    if lang not in TURKIC or acronym or word == base:
        return True
    for stem in _turkic_stems(base):
        rest = word[len(stem) :].lstrip(APOSTROPHES) if word.startswith(stem) else None
        if rest == "" and stem != base or rest and _ending_chain(rest, lang):
            return True
    return False


@dataclass(frozen=True)
class InflectedPhrase(Phrase):
    """A phrase whose words may only take inflectional endings (`inflects`): for forbidden
    variants, which are errors wherever they appear, so a longer derived word must not count."""

    @staticmethod
    def _matches(key: str, word: str, lang: str, acronym: bool) -> bool:
        return inflects(key, word, lang, acronym)


@dataclass(frozen=True)
class StemPhrase(Phrase):
    """A glossary rendering matched by stems on both sides (`stem_matches`): the entry may be
    quoted in any case form, the text may use any other. A hyphen between two words counts as
    a space (Сан-Диего = Сан Диего, San-Diegodaky = San Diego-da); a hyphen before an ending
    (Diego-da, UNEP-iň) keeps the ending on its word."""

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(w.text for w in split_hyphens(words(self.text), self.text, self.lang))

    def find(self, text: str, tokens: list[Word] | None = None) -> list[tuple[int, int]]:
        tokens = words(text) if tokens is None else tokens
        return super().find(text, split_hyphens(tokens, text, self.lang))

    def _part_matches(self, part: str, key: str, word: str, acronym: bool) -> bool:
        return stem_matches(key, word, self.lang, acronym, name=part[:1].isupper())

    @staticmethod
    def _matches(key: str, word: str, lang: str, acronym: bool) -> bool:
        return stem_matches(key, word, lang, acronym)


def split_hyphens(tokens: list[Word], text: str, lang: str) -> list[Word]:
    """Hyphenated words as their parts, except an ending after a hyphen (Turkic Diego-da)."""
    out = []
    for token in tokens:
        if "-" not in token.text:
            out.append(token)
            continue
        pieces, start = [], token.start
        for piece in token.text.split("-"):
            if piece and pieces and lang in TURKIC and _ending_chain(lower(piece, lang), lang):
                last = pieces.pop()
                pieces.append(
                    Word(text[last.start : start + len(piece)], last.start, start + len(piece))
                )
            elif piece:
                pieces.append(Word(piece, start, start + len(piece)))
            start += len(piece) + 1
        out.extend(pieces)
    return out
