"""The entries of a TSV/CSV glossary, each made from its row when first asked for.

A check reads few rows of a large glossary (those the index selects), so loading one only
checks its rows and keeps their text: a 1M-row glossary loads in seconds, not minutes.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence

from aligncheck.errors import InputError
from aligncheck.glossary.entries import KINDS, Entry, base_lang, new_entry

CASES = ("sensitive", "insensitive")
SEPARATOR = "|"


def alternatives(cell: str) -> tuple[str, ...]:
    """The renderings of a stripped cell."""
    if SEPARATOR not in cell:
        return (cell,) if cell else ()
    return tuple(a.strip() for a in cell.split(SEPARATOR) if a.strip())


def split(raw: str | list[str]) -> list[str]:
    """The unstripped cells of a row: a TSV line, or a CSV row already split."""
    return raw.split("\t") if isinstance(raw, str) else raw


class TableEntries(Sequence):
    """Entries of table rows (checked as `extend` takes them), made on first access."""

    def __init__(self, columns: list[tuple[str, str]], path: str):
        self.columns, self.path = columns, path
        self.rows: list = []
        self.numbers = array("q")
        self.forbidden_rows: list[int] = []  # positions of rows with a forbidden variant
        self._made: list[Entry | None] = []
        at = {
            field: [i for i, (f, _) in enumerate(columns) if f == field]
            for field in ("term", "forbidden", "kind", "case")
        }
        self._rendering_at = at["term"] + at["forbidden"]
        self._forbidden_at = at["forbidden"]
        self._checked_at = sorted(at["kind"] + at["case"])

    def extend(self, rows) -> None:
        """Keep (line number, raw row) rows, or raise the first InputError making an Entry would."""
        width, columns, path = len(self.columns), self.columns, self.path
        checked_at, rendering_at, forbidden_at = (
            self._checked_at,
            self._rendering_at,
            self._forbidden_at,
        )
        first = rendering_at[0]
        for number, raw in rows:
            cells = split(raw)
            if len(cells) != width:
                raise InputError(f"line {number}: {len(cells)} cells, header has {width}", path)
            for i in checked_at:
                value = cells[i].strip().lower()
                if value and value not in (KINDS if columns[i][0] == "kind" else CASES):
                    field, value = columns[i][0], cells[i].strip()
                    raise InputError(
                        f"line {number}: kind '{value}' is not one of {', '.join(KINDS)}"
                        if field == "kind"
                        else f"line {number}: case '{value}' is not sensitive/insensitive",
                        path,
                    )
            cell = cells[first]
            if not (cell and SEPARATOR not in cell and not cell.isspace()) and not any(
                alternatives(cells[i].strip()) for i in rendering_at
            ):
                raise InputError(f"line {number}: row has no term in any language", path)
            if forbidden_at and any(alternatives(cells[i].strip()) for i in forbidden_at):
                self.forbidden_rows.append(len(self.rows))
            self.rows.append(raw)
            self.numbers.append(number)
        self._made.extend([None] * (len(self.rows) - len(self._made)))

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        entry = self._made[index]
        if entry is None:
            entry = self._made[index] = self._entry(index)
        return entry

    def _entry(self, index: int) -> Entry:
        terms, forbidden, notes = {}, {}, {}
        kind, case, note = "term", None, ""
        for (field, lang), cell in zip(self.columns, split(self.rows[index])):
            cell = cell.strip()
            if field == "term" and alternatives(cell):
                terms[lang] = alternatives(cell)
            elif field == "forbidden" and alternatives(cell):
                forbidden[lang] = alternatives(cell)
            elif field == "note" and lang and cell:
                notes[lang] = cell
            elif field == "note":
                note = cell
            elif field == "kind" and cell:
                kind = cell.lower()
            elif field == "case" and cell:
                case = cell.lower()
        return new_entry(terms, forbidden, kind, case, note, notes, self.path, self.numbers[index])

    def renderings(
        self, lang: str, forbidden: bool = False
    ) -> Iterator[tuple[int, tuple[str, ...]]]:
        """(position, Entry.variants(lang) or .forbidden_variants(lang)) of every row with some,
        read from the rows' text without making their entries."""
        field = "forbidden" if forbidden else "term"
        base = base_lang(lang)
        same = [
            (code, i)
            for i, (f, code) in enumerate(self.columns)
            if f == field and base_lang(code) == base
        ]
        order = [i for code, i in same if code == lang] + [
            i for code, i in sorted(same) if code != lang
        ]
        if not order:
            return
        rows = self.rows
        for position in self.forbidden_rows if forbidden else range(len(rows)):
            raw = rows[position]
            for i in order:
                if not isinstance(raw, str):
                    cell = raw[i]
                elif i == 0:  # the usual source column: no copy of the rest of the line
                    end = raw.find("\t")
                    cell = raw if end < 0 else raw[:end]
                else:
                    cell = raw.split("\t", i + 1)[i]
                found = alternatives(cell.strip())
                if found:
                    yield position, found
                    break
