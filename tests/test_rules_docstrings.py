"""Every rule's own example, run: its docstring's **Anti-pattern** must raise the rule and its
**Best practice** must not. Each example runs as `aligncheck check` runs it (the real model
aligns, every rule runs, inline directives apply), on the files the example names (else en.txt
and ru.txt, or the language its glossary note names), with " / " between paragraphs (also at
a line's end or start); an indented line continues its side on a new line; a note in brackets
after two spaces is no text."""

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from aligncheck.app.run import run_check
from aligncheck.checks import all_rules

LABEL = re.compile(
    r"^(?P<indent> *)(?P<side>source|target)(?: \((?P<file>[^)]+)\))?:"
    r"\s*(?P<text>.*)$"
)
NOTE = re.compile(r"\s{2,}\((?P<note>[^()]*)\)\s*$")
HEADING = re.compile(r"^\s*\*\*[^*]+\*\*\s*$")
PARAGRAPH_BREAK = re.compile(r"\s+/\s+")  # " / ", also at the end or start of a line
GLOSSARY_LANG = re.compile(r"^glossary:? (?P<lang>[a-z]{2}):")

# The glossary an example assumes. The rule's note names what it hinges on; the English term
# (and the rendering for GL01, whose docstring gives no note) are read off the example.
GLOSSARIES = {
    "GL01": "en\tru\nCaspian Sea\tКаспийское море\n",
    "GL02": "en\tru\tru:forbidden\nCaspian Sea\tКаспийское море\tКаспий\n",
    "CO02": "en\tkk\tkind\nLiving Steppe Rivers\tТірі дала өзендері\ttitle\n",
}


@dataclass
class Example:
    source: str
    target: str
    source_file: str | None
    target_file: str | None
    notes: tuple[str, ...]


def section(doc: str, heading: str) -> str:
    """The lines under the heading line `**heading**`, up to the next heading line."""
    lines = doc.splitlines()
    start = [line.strip() for line in lines].index(f"**{heading}**") + 1
    end = next((i for i in range(start, len(lines)) if HEADING.match(lines[i])), len(lines))
    return "\n".join(lines[start:end])


def parse(block: str) -> Example:
    """The source and target of one example: labelled lines, their indented continuations."""
    fields: dict[str, list] = {}
    notes, current, indent = [], None, 0
    for line in block.splitlines():
        label = LABEL.match(line)
        if label:
            current, indent = label["side"], len(label["indent"])
            fields[current] = [label["file"], [label["text"]]]
        elif current and line.strip() and len(line) - len(line.lstrip()) > indent:
            fields[current][1].append(line.strip())
        else:
            current = None
    texts = {}
    for side, (_, lines) in fields.items():
        text = "\n".join(lines)
        note = NOTE.search(text)
        if note:
            notes.append(note["note"])
            text = text[: note.start()]
        texts[side] = "\n\n".join(PARAGRAPH_BREAK.split(text))
    return Example(
        texts["source"], texts["target"], fields["source"][0], fields["target"][0], tuple(notes)
    )


def examples(rule) -> tuple[Example, Example]:
    doc = rule.__doc__ or ""
    assert "**Anti-pattern**" in doc and "**Best practice**" in doc, rule.code
    return parse(section(doc, "Anti-pattern")), parse(section(doc, "Best practice"))


def target_lang(bad: Example, good: Example) -> str:
    """The target file's language, else the glossary note's, else Russian."""
    if good.target_file:
        return good.target_file.split(".")[0]
    for note in bad.notes + good.notes:
        if GLOSSARY_LANG.match(note):
            return GLOSSARY_LANG.match(note)["lang"]
    return "ru"


def fired(example: Example, lang: str, code: str, tmp_path: Path) -> list[str]:
    """The messages of `code`'s findings when the example's files are checked."""
    folder = tmp_path / "release"
    folder.mkdir(parents=True)
    (folder / (example.source_file or "en.txt")).write_text(example.source + "\n", encoding="utf-8")
    (folder / (example.target_file or f"{lang}.txt")).write_text(
        example.target + "\n", encoding="utf-8"
    )
    report = tmp_path / "report.json"
    options = {"formats": ("json",), "outputs": (report,), "quiet": True, "fail_on": "never"}
    if code in GLOSSARIES:
        glossary = tmp_path / "glossary.tsv"
        glossary.write_text(GLOSSARIES[code], encoding="utf-8")
        options["glossaries"] = (glossary,)
    assert run_check([folder], options) == 0
    documents = json.loads(report.read_text(encoding="utf-8"))["documents"]
    return [f["message"] for doc in documents for f in doc["findings"] if f["rule"] == code]


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_the_anti_pattern_fires_and_the_best_practice_does_not(rule, tmp_path):
    bad, good = examples(rule)
    lang = target_lang(bad, good)
    for note in bad.notes + good.notes:
        if note.startswith("glossary"):  # the glossary the test gives holds what the note says
            assert note.rsplit("=", 1)[-1].rsplit(":", 1)[-1].strip() in GLOSSARIES[rule.code]
    assert fired(bad, lang, rule.code, tmp_path / "bad"), f"{rule.code} misses its anti-pattern"
    assert fired(good, lang, rule.code, tmp_path / "good") == [], (
        f"{rule.code} fires on its best practice"
    )


def test_every_example_is_read_whole():
    for rule in all_rules():
        for example in examples(rule):
            assert example.source.strip() and example.target.strip(), rule.code
            assert "source:" not in example.target and "target:" not in example.source, rule.code
