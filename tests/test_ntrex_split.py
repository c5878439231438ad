"""benchmarks/ntrex_split.py (the held-out half of NTREX-dev) and the plant generator of
benchmarks/planted_names_unseen.py: the split is fixed and complete, the generator chooses its
plants without aligncheck and plants what it says. The parallel sample below was written for
this test."""

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCH))

import ntrex_split  # noqa: E402
import planted_names_unseen as pnu  # noqa: E402
from ntrex_split import NtrexDocument  # noqa: E402

needs_corpus = pytest.mark.skipif(not ntrex_split.available(), reason="NTREX-dev not present")

SAMPLE = {
    "talks": {
        "en": [
            "Minister Aigerim Bekova met Olaf Lindgren in Tashkent on Friday.",
            "Later, Lindgren said the talks with Bekova went well.",
        ],
        "ru": [
            "Министр Айгерим Бекова встретилась с Олафом Линдгреном в Ташкенте в пятницу.",
            "Позже Линдгрен сказал, что переговоры с Бековой прошли хорошо.",
        ],
        "kk": [
            "Министр Айгерим Бекова жұма күні Ташкентте Олаф Линдгренмен кездесті.",
            "Кейін Линдгрен Бековамен келіссөздер жақсы өткенін айтты.",
        ],
        "az": [
            "Nazir Aygerim Bekova cümə günü Daşkənddə Olaf Lindqrenlə görüşüb.",
            "Daha sonra Lindqren Bekova ilə danışıqların yaxşı keçdiyini deyib.",
        ],
        "tk": [
            "Ministr Aýgerim Bekowa anna güni Daşkentde Olaf Lindgren bilen duşuşdy.",
            "Soňra Lindgren Bekowa bilen gepleşikleriň gowy geçendigini aýtdy.",
        ],
        "tr": [
            "Bakan Aigerim Bekova cuma günü Taşkent'te Olaf Lindgren ile görüştü.",
            "Daha sonra Lindgren, Bekova ile görüşmelerin iyi geçtiğini söyledi.",
        ],
    },
    "match": {
        "en": [
            "Coach Marat Seitov praised the team after the match in Almaty.",
            "Seitov said the players were ready for the final.",
        ],
        "ru": [
            "Тренер Марат Сеитов похвалил команду после матча в Алматы.",
            "Сеитов сказал, что игроки готовы к финалу.",
        ],
        "kk": [
            "Жаттықтырушы Марат Сейітов Алматыдағы матчтан кейін команданы мақтады.",
            "Сейітов ойыншылар финалға дайын екенін айтты.",
        ],
        "az": [
            "Məşqçi Marat Seitov Almatıdakı matçdan sonra komandanı təriflədi.",
            "Seitov oyunçuların finala hazır olduğunu bildirdi.",
        ],
        "tk": [
            "Tälimçi Marat Seitow Almatydaky oýundan soň topary öwdi.",
            "Seitow oýunçylaryň finala taýýardygyny aýtdy.",
        ],
        "tr": [
            "Teknik direktör Marat Seitov, Almatı'daki maçın ardından takımı övdü.",
            "Seitov, oyuncuların finale hazır olduğunu söyledi.",
        ],
    },
}


def sample_docs(sample=SAMPLE) -> list[NtrexDocument]:
    return [
        NtrexDocument(doc_id, i, {lang: [[p] for p in pars] for lang, pars in langs.items()})
        for i, (doc_id, langs) in enumerate(sample.items())
    ]


def sample_words(docs) -> frozenset[str]:
    return pnu.name_words(line for d in docs for line in d.lines("en"))


# --------------------------------------------------------------------------- the split


def write_corpus(folder: Path, n_docs: int) -> None:
    ids, lines = [], {lang: [] for lang in ntrex_split.LANGS}
    for d in range(n_docs):
        for i in range(2 + d % 5):
            ids.append(f"site.{1000 + d}")
            for lang in ntrex_split.LANGS:
                lines[lang].append(f"{lang} line {i} of document {d}")
    (folder / "document_ids.txt").write_text("\n".join(ids) + "\n", encoding="utf-8")
    for lang, text in lines.items():
        (folder / f"{lang}.txt").write_text("\n".join(text) + "\n", encoding="utf-8")


def check_split(corpus: Path, n_docs: int, n_lines: int) -> None:
    tuning, untouched = ntrex_split.split(corpus)
    ntrex_split.all_documents.cache_clear()
    again = ntrex_split.split(corpus)
    assert again == (tuning, untouched)  # deterministic
    t_ids, u_ids = {d.id for d in tuning}, {d.id for d in untouched}
    assert not t_ids & u_ids  # disjoint
    assert len(t_ids) + len(u_ids) == n_docs  # every document, once
    assert abs(len(t_ids) - len(u_ids)) <= 1  # balanced
    assert sum(len(d.lines("en")) for d in (*tuning, *untouched)) == n_lines
    for d in (*tuning, *untouched):
        sizes = {lang: [len(p) for p in d.paragraphs[lang]] for lang in ntrex_split.LANGS}
        assert len(set(map(tuple, sizes.values()))) == 1  # same grouping in every language
        assert all(1 <= s <= 4 for s in sizes["en"])
    assert ntrex_split.tuning_documents(corpus) == tuning
    assert ntrex_split.untouched_documents(corpus) == untouched


def test_split_of_a_small_corpus_is_fixed_disjoint_and_complete(tmp_path):
    write_corpus(tmp_path, 9)
    check_split(tmp_path, 9, sum(2 + d % 5 for d in range(9)))


def test_split_depends_on_the_ids_not_the_file_order(tmp_path):
    write_corpus(tmp_path, 8)
    first = {d.id for d in ntrex_split.untouched_documents(tmp_path)}
    reordered = tmp_path / "reordered"
    reordered.mkdir()
    for name in ("document_ids.txt", *(f"{lang}.txt" for lang in ntrex_split.LANGS)):
        rows = (tmp_path / name).read_text(encoding="utf-8").splitlines()
        (reordered / name).write_text("\n".join(reversed(rows)) + "\n", encoding="utf-8")
    assert {d.id for d in ntrex_split.untouched_documents(reordered)} == first


@needs_corpus
def test_ntrex_split_halves():
    check_split(ntrex_split.NTREX, 60, 956)
    tuning, untouched = ntrex_split.split()
    assert (len(tuning), len(untouched)) == (30, 30)


@needs_corpus
def test_paragraphs_are_planted_suites():
    from planted_suite import load_docs

    ours = ntrex_split.all_documents()
    assert [d.paragraphs for d in ours] == load_docs()


# --------------------------------------------------------------------------- the generator


def test_generator_imports_aligncheck_only_inside_the_checking_functions():
    tree = ast.parse((BENCH / "planted_names_unseen.py").read_text(encoding="utf-8"))
    for node in tree.body:  # module level: what runs on import
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
            assert not any(n.split(".")[0] == "aligncheck" for n in names)
    importers = set()
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef):
            for node in ast.walk(fn):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                    "aligncheck"
                ):
                    importers.add(fn.name)
    assert importers == {"_release", "check"}
    ntrex = (BENCH / "ntrex_split.py").read_text(encoding="utf-8")
    assert "aligncheck" not in "".join(
        ast.unparse(n) for n in ast.parse(ntrex).body if isinstance(n, ast.Import | ast.ImportFrom)
    )


CHOOSE = """
import json, sys
sys.modules["aligncheck"] = None  # any import of aligncheck or a submodule now fails
sys.path.insert(0, sys.argv[1])
import planted_names_unseen as pnu
from ntrex_split import NtrexDocument
sample = json.loads(open(sys.argv[2], encoding="utf-8").read())
docs = [NtrexDocument(k, i, {l: [[p] for p in ps] for l, ps in v.items()})
        for i, (k, v) in enumerate(sample.items())]
words = pnu.name_words(line for d in docs for line in d.lines("en"))
plants = [p for seed in range(6) for p in pnu.choose_plants(docs, words, seed)[0]]
assert not [m for m in sys.modules if m.startswith("aligncheck.")]
print(json.dumps([[p.lang, p.kind, p.name, p.rendering, p.replacement] for p in plants]))
"""


def test_plants_are_chosen_with_aligncheck_unimportable(tmp_path):
    data = tmp_path / "sample.json"
    data.write_text(json.dumps(SAMPLE, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-P", "-c", CHOOSE, str(BENCH), str(data)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    plants = json.loads(done.stdout)
    assert len(plants) == 6 * 2 * 5  # every version of both documents has a rendered name
    docs = sample_docs()
    here = pnu.choose_plants(docs, sample_words(docs), 0)[0]
    assert [[p.lang, p.kind, p.name, p.rendering, p.replacement] for p in here] == plants[:10]


def test_name_words_follow_the_capitalisation_rule():
    words = sample_words(sample_docs())
    assert {"Aigerim", "Bekova", "Lindgren", "Tashkent", "Friday", "Seitov", "Almaty"} <= words
    # only ever at the start of a sentence: "Minister", "Later", "Coach"
    assert not {"Minister", "Later", "Coach"} & words
    assert pnu.name_runs(SAMPLE["talks"]["en"][0], words) == [
        "Aigerim Bekova",
        "Olaf Lindgren",
        "Tashkent",
        "Friday",
    ]


def test_renderings_by_transliteration_with_inflection():
    (r,) = pnu.renderings("Olaf Lindgren", SAMPLE["talks"]["ru"][0])[:1]
    assert (r.text, r.stem, r.suffix) == ("Олафом Линдгреном", "Олафом Линдгрен", "ом")
    (r,) = pnu.renderings("Tashkent", SAMPLE["talks"]["tr"][0])[:1]
    assert (r.text, r.stem, r.suffix) == ("Taşkent'te", "Taşkent", "'te")
    assert pnu.renderings("Friday", SAMPLE["talks"]["ru"][0]) == []  # translated: never planted


def test_plants_do_what_they_say():
    docs = sample_docs()
    words = sample_words(docs)
    original = {(d.id, lang): d.joined(lang) for d in docs for lang in ntrex_split.TARGETS}
    docs_by_id = {d.id: d for d in docs}
    kinds = set()
    for seed in range(12):
        plants, texts = pnu.choose_plants(docs, words, seed)
        assert len(plants) == 10
        for p in plants:
            kinds.add(p.kind)
            before = original[(p.doc, p.lang)]
            after = texts[p.doc][p.lang]
            assert after[p.paragraph] == p.text
            assert [t for i, t in enumerate(after) if i != p.paragraph] == [
                t for i, t in enumerate(before) if i != p.paragraph
            ]  # one plant, in its paragraph only
            assert p.rendering in before[p.paragraph]
            assert p.rendering not in p.text
            assert "  " not in p.text and " ," not in p.text and " ." not in p.text
            assert texts[p.doc]["en"] == [" ".join(x) for x in docs_by_id[p.doc].paragraphs["en"]]
            if p.kind == "dropped":
                assert not p.replacement
                assert len(p.text) < len(before[p.paragraph]) - len(p.rendering) + 2
            else:
                assert p.replacement in p.text
                assert pnu.script(p.replacement) == pnu.script(p.rendering)
                other = "talks" if p.doc == "match" else "match"
                assert p.replacement in " ".join(original[(other, p.lang)])
            left = pnu.mentions_left(p.name, "\n".join(after))
            assert p.vanishes == (not left)
            if p.name == "Olaf Lindgren":  # the second paragraph still names him
                assert not p.vanishes
    assert kinds == {"dropped", "replaced"}


def test_tidy_cut_leaves_no_gap_or_stray_punctuation():
    cases = [
        ("Он встретил (Олафа) вчера.", "Олафа", "Он встретил вчера."),
        ("Вчера Олаф , и ушёл", "Олаф", "Вчера, и ушёл"),
        ("Олаф сказал: да.", "Олаф", "сказал: да."),
        ("говорит «Олаф» всем", "Олаф", "говорит всем"),
        ("встретил Олафа.", "Олафа", "встретил."),
    ]
    for text, cut, want in cases:
        i = text.index(cut)
        assert pnu.tidy_cut(text, i, i + len(cut)) == want
    assert pnu.tidy_cut("a  b , Olaf", 7, 11, "Seitov") == "a  b , Seitov"
