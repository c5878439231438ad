"""An ONNX graph of the built default model's encoder, for the onnxruntime runner.

BERT + mean pooling (sums; the runner divides and normalises), using onnxruntime's fused
CPU kernels (Attention, SkipLayerNormalization, BiasGelu). The token states of the layers in
TOKEN_LAYERS are outputs too (`layer_<k>`, for word alignment): they are computed anyway, and a
run that asks only for `token_sums` gets the same sums at the same speed (measured). The graph
holds no weights: its initializers point into the directory's model.safetensors (ONNX external
data, offsets from the safetensors header), so the 470 MB of weights are stored once.
"""

from __future__ import annotations

import json
import os
import struct
import tempfile
from pathlib import Path

GRAPH_VERSION = 2  # bump when the graph changes: the file name changes with it
# Layers whose token states the graph outputs (0: the embeddings, 12: the last of e5-small).
TOKEN_LAYERS = (8, 12)
WEIGHTS = "model.safetensors"
MS = "com.microsoft"


def graph_path(model_dir: Path) -> Path:
    return model_dir / f"encoder-v{GRAPH_VERSION}.onnx"


def ensure_graph(model_dir: Path, rebuild: bool = False) -> Path:
    """The directory's encoder graph, written (atomically) if missing or if `rebuild`."""
    path = graph_path(model_dir)
    if rebuild or not path.is_file():
        data = _graph(model_dir).SerializeToString()
        fd, tmp = tempfile.mkstemp(prefix=".encoder-", suffix=".onnx", dir=model_dir)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    return path


def _safetensors_header(path: Path) -> tuple[dict, int]:
    with open(path, "rb") as f:
        size = struct.unpack("<Q", f.read(8))[0]
        return json.loads(f.read(size)), 8 + size


def _graph(model_dir: Path, token_layers: tuple[int, ...] = TOKEN_LAYERS):
    import onnx
    from onnx import TensorProto, helper

    config = json.loads((model_dir / "config.json").read_text("utf-8"))
    header, base = _safetensors_header(model_dir / WEIGHTS)
    eps, heads = float(config["layer_norm_eps"]), int(config["num_attention_heads"])
    initializers, nodes = [], []

    def weight(name: str) -> str:
        meta = header[name]
        if meta["dtype"] != "F32":
            raise ValueError(f"{name}: {meta['dtype']} weights, float32 expected")
        start, end = meta["data_offsets"]
        tensor = onnx.TensorProto(
            name=name,
            data_type=TensorProto.FLOAT,
            dims=meta["shape"],
            data_location=TensorProto.EXTERNAL,
        )
        for key, value in (
            ("location", WEIGHTS),
            ("offset", base + start),
            ("length", end - start),
        ):
            tensor.external_data.add(key=key, value=str(value))
        initializers.append(tensor)
        return name

    def node(op: str, inputs: list[str], output: str, domain: str = "", **attrs) -> str:
        nodes.append(helper.make_node(op, inputs, [output], domain=domain, **attrs))
        return output

    def transposed(name: str) -> str:  # [out, in] -> [in, out]; folded once at session start
        return node("Transpose", [weight(name)], name + ".T", perm=[1, 0])

    initializers += [
        helper.make_tensor("type_id", TensorProto.INT64, [], [0]),
        helper.make_tensor("seq_axis", TensorProto.INT64, [1], [1]),
        helper.make_tensor("last_axis", TensorProto.INT64, [1], [2]),
    ]
    e = "embeddings."
    x = node(
        "Add",
        [
            node("Gather", [weight(e + "word_embeddings.weight"), "input_ids"], "words"),
            node("Gather", [weight(e + "position_embeddings.weight"), "position_ids"], "positions"),
        ],
        "words_positions",
    )
    x = node(
        "Add",
        [x, node("Gather", [weight(e + "token_type_embeddings.weight"), "type_id"], "type")],
        "summed",
    )
    x = node(
        "LayerNormalization",
        [x, weight(e + "LayerNorm.weight"), weight(e + "LayerNorm.bias")],
        "embedded",
        axis=-1,
        epsilon=eps,
    )
    mask = node("Cast", ["attention_mask"], "mask_int32", to=TensorProto.INT32)
    states = {0: x}
    for i in range(int(config["num_hidden_layers"])):
        p, a = f"encoder.layer.{i}.", f"encoder.layer.{i}.attention."
        qkv_w = node(
            "Concat",
            [transposed(f"{a}self.{n}.weight") for n in ("query", "key", "value")],
            f"{p}qkv.weight",
            axis=1,
        )
        qkv_b = node(
            "Concat",
            [weight(f"{a}self.{n}.bias") for n in ("query", "key", "value")],
            f"{p}qkv.bias",
            axis=0,
        )
        attended = node(
            "Attention", [x, qkv_w, qkv_b, mask], f"{p}attended", domain=MS, num_heads=heads
        )
        out = node("MatMul", [attended, transposed(f"{a}output.dense.weight")], f"{p}attention_out")
        x = node(
            "SkipLayerNormalization",
            [
                out,
                x,
                weight(f"{a}output.LayerNorm.weight"),
                weight(f"{a}output.LayerNorm.bias"),
                weight(f"{a}output.dense.bias"),
            ],
            f"{p}attention_normed",
            domain=MS,
            epsilon=eps,
        )
        mid = node("MatMul", [x, transposed(f"{p}intermediate.dense.weight")], f"{p}intermediate")
        mid = node("BiasGelu", [mid, weight(f"{p}intermediate.dense.bias")], f"{p}gelu", domain=MS)
        out = node("MatMul", [mid, transposed(f"{p}output.dense.weight")], f"{p}output")
        x = node(
            "SkipLayerNormalization",
            [
                out,
                x,
                weight(f"{p}output.LayerNorm.weight"),
                weight(f"{p}output.LayerNorm.bias"),
                weight(f"{p}output.dense.bias"),
            ],
            f"{p}normed",
            domain=MS,
            epsilon=eps,
        )
        states[i + 1] = x
    token_layers = [k for k in token_layers if k in states]
    for k in token_layers:
        node("Identity", [states[k]], f"layer_{k}")
    keep = node(
        "Unsqueeze",
        [node("Cast", ["attention_mask"], "mask_float", to=TensorProto.FLOAT), "last_axis"],
        "mask_column",
    )
    node("ReduceSum", [node("Mul", [x, keep], "masked"), "seq_axis"], "token_sums", keepdims=0)
    ids = ["batch", "length"]
    graph = helper.make_graph(
        nodes,
        "aligncheck-encoder",
        [
            helper.make_tensor_value_info(n, TensorProto.INT64, ids)
            for n in ("input_ids", "position_ids", "attention_mask")
        ],
        [
            helper.make_tensor_value_info(
                "token_sums", TensorProto.FLOAT, ["batch", int(config["hidden_size"])]
            )
        ]
        + [
            helper.make_tensor_value_info(
                f"layer_{k}", TensorProto.FLOAT, ["batch", "length", int(config["hidden_size"])]
            )
            for k in token_layers
        ],
        initializer=initializers,
    )
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid(MS, 1)],
        producer_name="aligncheck",
    )
    model.ir_version = 8
    return model
