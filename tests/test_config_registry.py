"""The real rule registry: every rule code and threshold default is accepted by the config."""

import json

from aligncheck.app.config import known_thresholds, load_config
from aligncheck.checks import all_rules


def test_every_threshold_default_round_trips_through_a_config_file(tmp_path):
    settable = {k: d for k, (d, _) in known_thresholds().items() if d is not None}
    body = "\n".join(
        f"{key} = {json.dumps(list(d) if isinstance(d, tuple) else d)}"
        for key, d in settable.items()
    )
    (tmp_path / "aligncheck.toml").write_text(f"[thresholds]\n{body}\n", encoding="utf-8")
    assert dict(load_config(tmp_path, {}).thresholds) == settable


def test_every_rule_code_and_category_is_selectable(tmp_path):
    rules = all_rules()
    codes = [r.code for r in rules] + sorted({r.category for r in rules})
    config = load_config(tmp_path, {"select": codes, "severity": {r.code: "info" for r in rules}})
    assert config.select == tuple(codes)
