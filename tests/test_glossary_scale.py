"""The glossary index is only a prefilter: with it the rules find exactly what they found by
matching every entry, and a large table glossary makes only the entries a check reads."""

import random
from pathlib import Path

import pytest
from factories import one_to_one

from aligncheck.checks.base import PairContext, ReleaseContext
from aligncheck.checks.consistency.CO01 import CO01
from aligncheck.checks.consistency.CO02 import CO02
from aligncheck.checks.glossary.GL01 import GL01
from aligncheck.checks.glossary.GL02 import GL02
from aligncheck.checks.name.NA01 import NA01
from aligncheck.checks.name.NA02 import NA02
from aligncheck.errors import InputError
from aligncheck.glossary import load_glossary
from aligncheck.glossary.entries import Glossary
from aligncheck.glossary.index import text_keys, word_key
from aligncheck.glossary.reader import parse_table
from aligncheck.lang.morph import Phrase, lemmas, lower, words
from aligncheck.read import discover_releases
from aligncheck.segment import segment_document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "steppe-rivers"
SAMPLE_GLOSSARY = ROOT / "glossaries" / "steppe-rivers.tsv"
LANGS = ("en", "ru", "kk", "az", "tk")
RULES = (GL01, GL02, CO01, CO02, NA01, NA02)

needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir() or not SAMPLE_GLOSSARY.is_file(), reason="sample corpus absent"
)


def _release_context(glossaries, source_lang: str) -> ReleaseContext:
    release = discover_releases([CORPUS], source_lang=source_lang, langs=None, encoding=None)[0]
    source = segment_document(release.source)
    pairs = []
    for document in release.targets:
        target = segment_document(document)
        pairs.append(
            PairContext(
                release.name,
                source,
                target,
                one_to_one(source, target),
                {},
                {"glossaries": glossaries},
            )
        )
    return ReleaseContext(release.name, source, tuple(pairs), {}, {"glossaries": glossaries})


def _findings(glossaries, source_lang: str = "en") -> list:
    ctx = _release_context(glossaries, source_lang)
    found = []
    for rule in (cls() for cls in RULES):
        rule.prepare(ctx)
        found += (
            rule.check_release(ctx)
            if rule.scope == "release"
            else [f for pair in ctx.pairs for f in rule.check(pair)]
        )
    return sorted(found, key=lambda f: (f.sort_key(), repr(f)))


def _every_entry(self, texts, lang, forbidden=False):
    """Glossary.found_in without the index: every entry with a rendering in `lang`."""
    return [
        e for e in self.entries if (e.forbidden_variants(lang) if forbidden else e.variants(lang))
    ]


def _corpus_words() -> dict[str, list[str]]:
    return {
        lang: sorted(
            {
                w.text
                for w in words((CORPUS / f"{lang}.md").read_text(encoding="utf-8"))
                if w.text.isalpha()
            }
        )
        for lang in LANGS
    }


def _another_form(word: str, lang: str, rng: random.Random) -> str:
    """The word as a glossary might quote it: its dictionary form, or with an ending cut off."""
    if lang == "ru" and rng.random() < 0.5:
        return sorted(lemmas(lower(word, lang), lang))[0]
    cut = rng.choice((0, 0, 1, 2, 3))
    return word[:-cut] if cut and len(word) - cut >= 2 else word


def _mixed_glossary(tmp_path: Path, rows: int) -> Path:
    """The sample glossary's rows among `rows` made of the corpus's words in other forms:
    single words and phrases, renderings, alternatives and forbidden variants."""
    rng = random.Random(11)
    vocab = _corpus_words()
    lines = [
        line
        for line in SAMPLE_GLOSSARY.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    header, body = lines[0], lines[1:]
    width = header.count("\t") + 1
    columns = header.split("\t")
    for _ in range(rows - len(body)):
        cells = [""] * width
        for i, name in enumerate(columns):
            lang = name.split(":")[0]
            if lang in LANGS and (":" not in name or rng.random() < 0.2):
                start = rng.randrange(len(vocab[lang]))
                phrase = vocab[lang][start : start + rng.choice((1, 1, 2))]
                cells[i] = " ".join(_another_form(w, lang, rng) for w in phrase)
                if rng.random() < 0.1:
                    cells[i] += " | " + _another_form(rng.choice(vocab[lang]), lang, rng)
        cells[columns.index("kind")] = rng.choice(("term", "term", "name", "title", "acronym"))
        body.append("\t".join(cells))
    rng.shuffle(body)
    path = tmp_path / "mixed.tsv"
    path.write_text("\n".join([header] + body) + "\n", encoding="utf-8")
    return path


@needs_corpus
@pytest.mark.parametrize("rows, source_lang", [(0, "en"), (3000, "en"), (3000, "ru"), (3000, "kk")])
def test_findings_are_the_same_with_and_without_the_index(tmp_path, monkeypatch, rows, source_lang):
    glossary = load_glossary(_mixed_glossary(tmp_path, rows) if rows else SAMPLE_GLOSSARY)
    indexed = _findings([glossary], source_lang)
    assert len(indexed) >= (30 if rows else 3)  # the glossary's terms are there to be checked
    monkeypatch.setattr(Glossary, "found_in", _every_entry)
    assert _findings([load_glossary(glossary.path)], source_lang) == indexed


@needs_corpus
def test_every_word_the_matcher_accepts_shares_the_key_of_the_glossary_word():
    rng = random.Random(5)
    for lang, vocab in _corpus_words().items():
        bases = set(vocab) | {_another_form(w, lang, rng) for w in vocab for _ in range(2)}
        for base in bases:
            for word in vocab:
                if Phrase(base, lang).find(word):
                    assert word_key(base, lang) in text_keys(word, lang), (lang, base, word)


@pytest.mark.parametrize(
    "lang, glossary_word, text",
    [
        ("en", "city", "two cities"),
        ("en", "UN", "the UN's budget"),
        ("ru", "дня", "в этот день"),
        ("ru", "Каспийского", "на Каспийском море"),
        ("ru", "друзья", "нет друга"),
        ("ru", "лет", "три года"),  # suppletive: only pymorphy's paradigm of год relates them
        ("ru", "люди", "один человек"),
        ("kk", "теңіз", "теңізінің жағасы"),
        ("tk", "deňiz", "deňzi"),
        ("az", "kitab", "kitablar"),
        ("tr", "Isparta", "ISPARTA'DA"),
    ],
)
def test_inflected_forms_keep_their_entry_a_candidate(lang, glossary_word, text):
    assert Phrase(glossary_word, lang).find(text)  # the matcher accepts the form...
    assert word_key(glossary_word, lang) in text_keys(text, lang)  # ...so the index offers it


def test_a_text_without_the_first_word_gets_no_candidate():
    tsv = "en\tru\nAral Sea\tАральское море\nLake Balkhash\tозеро Балхаш\n"
    glossary = parse_table(tsv, "g.tsv", "\t")
    assert glossary.found_in(["The Aral has shrunk."], "en") == [glossary.entries[0]]
    assert glossary.found_in(["Balkhash is shallow."], "en") == []
    assert glossary.found_in(["Озеро Балхаш"], "ru") == [glossary.entries[1]]


def test_a_table_glossary_makes_only_the_entries_read(tmp_path):
    rows = [f"term{i} word\tслово{i}\tterm" for i in range(2000)] + [
        "Aral Sea\tАральское море\tname"
    ]
    path = tmp_path / "big.tsv"
    path.write_text("en\tru\tkind\n" + "\n".join(rows) + "\n", encoding="utf-8")
    glossary = load_glossary(path)
    assert len(glossary.entries) == 2001
    assert not any(glossary.entries._made)
    (aral,) = glossary.found_in(["Fishing in the Aral Sea"], "en")
    assert aral.variants("ru") == ("Аральское море",) and aral.kind == "name" and aral.line == 2002
    assert sum(e is not None for e in glossary.entries._made) == 1
    assert glossary.entries[-1] is aral and glossary.entries[5].variants("en") == ("term5 word",)


def test_upper_case_renderings_are_read_from_rows(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("en\tru\nUN\tООН | Организация\nEU\tЕС\n", encoding="utf-8")
    assert load_glossary(path).upper_renderings("ru") == frozenset({"оон", "ес"})


def test_renderings_fall_back_to_a_regional_column_like_entries(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("en\tpt-pt\tpt-br\nbus\t\tônibus\ntrain\tcomboio\ttrem\n", encoding="utf-8")
    glossary = load_glossary(path)
    rows = list(glossary.renderings("pt"))
    assert rows == [(i, e.variants("pt")) for i, e in enumerate(glossary.entries)]
    assert rows == [(0, ("ônibus",)), (1, ("trem",))]


@pytest.mark.parametrize(
    "text, message",
    [
        ("en\tru\tcase\nA\tB\tloud\n", "line 2: case 'loud' is not sensitive/insensitive"),
        ("en\tru\tkind\tcase\nA\tB\tPlace\tloud\n", "line 2: kind 'Place' is not one of"),
        ("en\tru\tru:forbidden\n | \t|\t \n", "line 2: row has no term in any language"),
        ("en\tru\n# note\n\nA\tB\nC\n", "line 5: 1 cells, header has 2"),
    ],
)
def test_rows_are_checked_when_loaded_not_when_read(tmp_path, text, message):
    path = tmp_path / "bad.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_glossary(path)
    assert str(err.value).startswith(f"{path}: {message}")


def test_forbidden_only_rows_and_separators_read_like_before(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text(
        "en\tru\tru:forbidden\tkind\tcase\tnote\n"
        "\t\tАлма-Ата\tname\t\told name\n"
        "Aral Sea\t | Аральское море | \t\tTERM\tInsensitive\t\n",
        encoding="utf-8",
    )
    old, aral = load_glossary(path).entries
    assert old.terms == {} and old.forbidden == {"ru": ("Алма-Ата",)} and old.kind == "name"
    assert old.note == "old name" and old.line == 2
    assert aral.terms == {"en": ("Aral Sea",), "ru": ("Аральское море",)} and aral.kind == "term"
    assert aral.case == "insensitive" and aral.forbidden == {}
    assert list(load_glossary(path).renderings("ru", forbidden=True)) == [(0, ("Алма-Ата",))]


def test_csv_rows_with_tabs_and_newlines_in_cells_read_whole(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(
        'en,ru,note\n"Aral Sea","Аральское море","salt\tlake"\n"Lake, Balkhash","озеро\nБалхаш",\n',
        encoding="utf-8",
    )
    aral, balkhash = load_glossary(path).entries
    assert aral.note == "salt\tlake" and aral.variants("ru") == ("Аральское море",)
    assert balkhash.variants("en") == ("Lake, Balkhash",) and balkhash.variants("ru") == (
        "озеро\nБалхаш",
    )
    assert balkhash.line == 3
