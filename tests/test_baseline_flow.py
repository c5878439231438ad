"""The post-check chain the pipeline runs: select -> suppress -> fingerprint -> baseline -> fail."""

import pytest

import aligncheck.checks
from aligncheck.app.config import load_config
from aligncheck.findings.baseline import filter_baseline, write_baseline
from aligncheck.findings.fingerprint import assign_fingerprints, segment_text_for
from aligncheck.findings.selection import apply_selection, fails
from aligncheck.findings.suppress import apply_suppressions, segment_lines_for, strip_directives
from aligncheck.model import Document, Finding, Severity
from aligncheck.segment import segment_document


class NU01:
    code, category, groups, config_keys = "NU01", "number", ("all",), {}


class AC100:
    code, category, groups, config_keys = "AC100", "markup", ("all",), {}


@pytest.fixture(autouse=True)
def fake_rules(monkeypatch):
    monkeypatch.setattr(aligncheck.checks, "all_rules", lambda: (AC100, NU01))


def finish(raw, config, source, target, directives, baseline=None):
    findings = apply_selection(raw, config)
    lines = segment_lines_for(source, [target])
    findings, unused = apply_suppressions(
        findings, directives, lines, langs={target.path: target.lang}
    )
    findings = assign_fingerprints(
        findings + apply_selection(unused, config), segment_text_for(source, [target])
    )
    findings.sort(key=Finding.sort_key)
    return filter_baseline(findings, baseline) if baseline else (findings, 0)


def run(tmp_path, target_text, baseline=None):
    source = segment_document(Document("en.md", "en", "A 1.\n\nB 2.\n\nC 3.", "md"))
    clean, found = strip_directives(target_text, fmt="md")
    target = segment_document(Document("ru.md", "ru", clean, "md"))
    raw = [
        Finding(
            "NU01",
            "number",
            Severity.WARNING,
            "ru",
            (s.index,),
            (s.index,),
            "x",
            "y",
            "m",
            None,
            None,
        )
        for s in target.segments
    ]
    config = load_config(tmp_path, {})
    return finish(raw, config, source, target, {"ru.md": found}, baseline), config


def test_chain_silences_reports_unused_and_baselines_survive_an_inserted_directive(tmp_path):
    (config_file := tmp_path / "aligncheck.toml").write_text(
        'fail_on = "warning"\n[severity]\nAC100 = "info"\n', encoding="utf-8"
    )
    (findings, _), _ = run(tmp_path, "А 1.\n\nБ 2.\n\nВ 3.")
    assert [f.rule for f in findings] == ["NU01"] * 3
    baseline = tmp_path / "baseline.json"
    write_baseline(baseline, findings)

    (new, baselined), config = run(
        tmp_path,
        "А 1.\n\n<!-- aligncheck: ignore NU01 -->\n\nБ 2.\n\n"
        "В 3.\n\n<!-- aligncheck: ignore NU01 -->",
        baseline,
    )
    assert baselined == 2  # "А 1." and "В 3." keep their fingerprints though their lines moved
    assert [(f.rule, f.severity, f.target_location.line) for f in new] == [
        ("AC100", Severity.INFO, 9)
    ]
    assert not fails(new, config.fail_on)
    config_file.write_text('fail_on = "info"\n', encoding="utf-8")
    assert fails(new, load_config(tmp_path, {}).fail_on)
