"""Progress on stderr while embedding and aligning; silent off a terminal or with --quiet."""

from __future__ import annotations


class Progress:
    """rich is imported only when the bar shows (0.1 s of a quiet run otherwise)."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self._bar = None
        self._tasks: dict[str, int] = {}

    def __enter__(self) -> Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
            )
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def _update(self, key: str, description: str, done: int, total: int) -> None:
        if self._bar is None:
            return
        from rich.markup import escape

        from aligncheck.report.visible import one_line

        description = escape(one_line(description))  # may name a release: shown as it is
        if key not in self._tasks:
            self._tasks[key] = self._bar.add_task(description, total=total)
        self._bar.update(self._tasks[key], description=description, completed=done, total=total)

    def embedding(self, done: int, total: int) -> None:
        self._update("embed", "embedding", done, total)

    def step(self, description: str, done: int, total: int) -> None:
        self._update("align", description, done, total)
