"""What each CLI command does, between parsing arguments and printing: the glue of the stages."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from aligncheck.errors import InputError
from aligncheck.model import Release, RunResult


def _langs(value: str | None) -> list[str] | None:
    if not value:
        return None
    return [part.strip().lower() for part in value.split(",") if part.strip()]


def _codes(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [part.strip() for part in value.split(",") if part.strip()]


def _cli_config(options: dict[str, Any]) -> dict[str, Any]:
    """CLI flags that override configuration, under the configuration's key names."""
    mapping = {
        "source_lang": options.get("source_lang"),
        "model": options.get("model"),
        "unit": options.get("unit"),
        "fail_on": options.get("fail_on"),
        "encoding": options.get("encoding"),
        "max_input_mb": options.get("max_input_mb"),
        "follow_symlinks": options.get("follow_symlinks"),
        "select": _codes(options.get("select")),
        "ignore": _codes(options.get("ignore")),
        "glossaries": [str(p) for p in options.get("glossaries") or ()] or None,
        "format": list(options.get("formats") or ()) or None,
    }
    return {k: v for k, v in mapping.items() if v is not None}


def _progress_reporter(quiet: bool):
    from aligncheck._runtime.progress import Progress

    return Progress(enabled=not quiet and sys.stderr.isatty())


def load_rules(config) -> list:
    from aligncheck.checks import all_rules
    from aligncheck.findings.selection import rule_selected

    return [cls() for cls in all_rules() if rule_selected(cls, config)]


def _resources(config, releases: Sequence[Release], embedder) -> tuple[dict[str, Any], list[str]]:
    from aligncheck.glossary import load_glossary, validate_glossary_langs

    glossaries = [load_glossary(Path(p)) for p in config.glossaries]
    langs = {d.lang for r in releases for d in (r.source, *r.targets)}
    warnings = [w for g in glossaries for w in validate_glossary_langs(g, langs)]
    return {"glossaries": glossaries, "embedder": embedder}, warnings


def check_releases(
    releases: list[Release],
    config,
    *,
    use_cache: bool,
    quiet: bool,
    with_rules: bool = True,
    jobs: int = 1,
    ray: str | None = None,
) -> RunResult:
    """The releases checked in this process, in `jobs` worker processes, or on Ray (`ray`: a
    cluster address, "auto", or "" for a local one); the same result every way."""
    from aligncheck import pipeline
    from aligncheck._runtime.cachefiles import require_cache_dir
    from aligncheck.embed import load_embedder

    require_cache_dir()
    progress = _progress_reporter(quiet)
    if ray is not None or (jobs > 1 and len(releases) > 1):
        _, warnings = _resources(config, releases, None)
        with progress:
            if ray is not None:
                from aligncheck.app.on_ray import check_on_ray

                return check_on_ray(
                    releases,
                    config,
                    address=ray,
                    use_cache=use_cache,
                    warnings=warnings,
                    progress=progress.step,
                )
            from aligncheck.app.archive import check_in_processes

            return check_in_processes(
                releases,
                config,
                jobs=jobs,
                use_cache=use_cache,
                warnings=warnings,
                progress=progress.step,
            )
    embedder = load_embedder(config.model, use_cache=use_cache, progress=progress.embedding)
    resources, warnings = _resources(config, releases, embedder)
    with progress:
        result = pipeline.run(
            releases,
            unit=config.unit,
            model=embedder.name,
            embed=embedder.embed,
            rules=load_rules(config) if with_rules else [],
            options={**config.thresholds, "url_map": dict(config.url_map)},
            resources=resources,
            progress=progress.step,
        )
    embed_warnings = tuple(getattr(embedder, "warnings", ()))
    return dataclasses.replace(result, warnings=tuple(warnings) + result.warnings + embed_warnings)


def _prefetch_model(config, *, use_cache: bool) -> None:
    """A run that will embed everything (no cache, or none yet) loads the model while it reads."""
    from aligncheck._runtime.cachefiles import cache_file
    from aligncheck.embed import DEFAULT_MODEL, prefetch_default_model

    if config.model == DEFAULT_MODEL and not (use_cache and cache_file("embeddings").exists()):
        prefetch_default_model()


def _print_warnings(warnings: Sequence[str]) -> None:
    from aligncheck.report.visible import one_line

    for warning in warnings:
        print(f"aligncheck: warning: {one_line(warning)}", file=sys.stderr)


def run_check(paths: list[Path], options: dict[str, Any]) -> int:
    from aligncheck.annotate import plan_copies, write_copies
    from aligncheck.app.config import load_config
    from aligncheck.app.outputs import refuse_unsafe_outputs, write_reports
    from aligncheck.findings import postprocess
    from aligncheck.findings.selection import fails
    from aligncheck.read import discover_releases
    from aligncheck.report.visible import one_line

    config = load_config(paths[0], _cli_config(options), explicit=options.get("config_file"))
    jobs, ray = options.get("jobs") or 1, options.get("ray")
    if ray is not None:
        from aligncheck.app.on_ray import require_ray

        ray = require_ray(ray)
    if ray is None and jobs == 1:  # workers load their own model
        _prefetch_model(config, use_cache=not options.get("no_cache"))
    releases, directives = postprocess.strip_release_directives(
        discover_releases(
            paths,
            source_lang=config.source_lang,
            langs=_langs(options.get("langs")),
            encoding=config.encoding,
            max_input_mb=config.max_input_mb,
            follow_symlinks=config.follow_symlinks,
            front_matter_keys=config.front_matter_keys,
            source_given=options.get("source_lang") is not None,
        )
    )
    copies = plan_copies(releases, options["annotate"]) if options.get("annotate") else []
    refuse_unsafe_outputs(
        config,
        list(options.get("outputs") or ()),
        releases,
        baseline_out=options.get("write_baseline"),
        baseline_in=options.get("baseline"),
        annotated=[copy.target for copy in copies],
    )
    result = check_releases(
        releases,
        config,
        use_cache=not options.get("no_cache"),
        quiet=bool(options.get("quiet")),
        jobs=jobs,
        ray=ray,
    )
    if options.get("write_baseline"):
        from aligncheck.findings.baseline import write_baseline

        write_baseline(
            options["write_baseline"], postprocess.finish(result, config, directives).findings()
        )
    result = postprocess.finish(result, config, directives, baseline=options.get("baseline"))
    _print_warnings(result.warnings)
    write_reports(result, config, list(options.get("outputs") or ()))
    if copies:
        write_copies(result, copies, config.max_input_mb)
        print(
            f"aligncheck: wrote {len(copies)} annotated cop{'y' if len(copies) == 1 else 'ies'} "
            f"to {one_line(str(options['annotate']))}",
            file=sys.stderr,
        )
    return 1 if fails(result.findings(), config.fail_on) else 0


def run_align(
    source: Path,
    target: Path,
    *,
    langs: list[str] | None,
    unit: str,
    model: str | None,
    encoding: str | None,
    fmt: str,
    use_cache: bool,
) -> str:
    from aligncheck._runtime.cachefiles import require_cache_dir
    from aligncheck.align import align, unit_options
    from aligncheck.embed import DEFAULT_MODEL, load_embedder
    from aligncheck.read import discover_releases
    from aligncheck.report.json_report import alignment_dict, dumps
    from aligncheck.report.text_alignment import render_alignment
    from aligncheck.segment import alignment_texts, segment_document

    if langs is not None and len(langs) != 2:
        raise InputError(f"--langs needs two languages for SOURCE and TARGET, got {len(langs)}")
    require_cache_dir()
    (release,) = discover_releases(
        [source, target], source_lang=langs[0] if langs else "en", langs=langs, encoding=encoding
    )
    if len(release.targets) != 1:
        raise InputError("align takes exactly one SOURCE and one TARGET file")
    src = segment_document(release.source, unit)
    tgt = segment_document(release.targets[0], unit)
    embedder = load_embedder(model or DEFAULT_MODEL, use_cache=use_cache)
    links = align(
        alignment_texts(src),
        alignment_texts(tgt),
        embedder.embed,
        **unit_options(unit),
    )
    _print_warnings(embedder.warnings)
    if fmt == "json":
        return dumps(alignment_dict(src, tgt, links))
    return render_alignment(src, tgt, links)


def run_split(
    file: Path, langs: list[str] | None, out_dir: Path, *, encoding: str | None
) -> list[str]:
    from aligncheck._runtime.cachefiles import require_cache_dir
    from aligncheck._runtime.memo import release_memo
    from aligncheck.read import read_text, split_multilingual, write_split

    if not langs or len(langs) < 2:
        raise InputError("--langs needs at least two languages, e.g. --langs en,ru,kk")
    require_cache_dir()
    with release_memo():
        documents = split_multilingual(read_text(file, encoding=encoding), langs, path=str(file))
    from aligncheck.segment import segment_document

    written = write_split(documents, out_dir, file.stem)
    return [
        f"{doc.lang}: {path} ({len(segment_document(doc).segments)} paragraphs, "
        f"from line {doc.line_base + 1})"
        for doc, path in zip(documents, written)
    ]


def list_rules() -> str:
    from aligncheck.checks import all_rules

    rows = [(r.code, r.name, r.category, r.severity.value, r.summary()) for r in all_rules()]
    width = max((len(r[1]) for r in rows), default=4)
    lines = [f"{'code':<6} {'name':<{width}} {'category':<13} {'severity':<8} summary"]
    lines += [f"{c:<6} {n:<{width}} {cat:<13} {sev:<8} {s}" for c, n, cat, sev, s in rows]
    return "\n".join(lines) + "\n"


def describe_rule(code: str) -> str:
    import inspect

    from aligncheck.checks import rule_by_code

    rule = rule_by_code(code)
    if rule is None:
        raise InputError(f"unknown rule {code!r}; `aligncheck rules` lists them")
    head = (
        f"{rule.code} {rule.name}  (category: {rule.category}, "
        f"default severity: {rule.severity.value}, "
        f"groups: {', '.join(rule.groups)})"
    )
    body = inspect.cleandoc(rule.__doc__ or "")
    keys = [
        f"  {key} = {default!r}  {help_}"
        for key, (default, help_) in sorted(rule.config_keys.items())
    ]
    config = (
        "\n\nConfiguration keys ([tool.aligncheck.thresholds]):\n" + "\n".join(keys) if keys else ""
    )
    return f"{head}\n\n{body}{config}\n"


def run_config(path: Path, config_file: Path | None) -> str:
    from aligncheck.app.config import load_config, render_description

    return render_description(load_config(path, {}, explicit=config_file)) + "\n"


def run_glossary_extract(
    paths: list[Path],
    out_file: Path,
    *,
    langs: list[str] | None,
    source_lang: str,
    model: str | None,
    encoding: str | None,
) -> str:
    from aligncheck._runtime.memo import release_memo
    from aligncheck._runtime.safe_write import refuse_overwriting, write_text
    from aligncheck.app.config import load_config
    from aligncheck.app.outputs import run_inputs
    from aligncheck.glossary import extract_glossary
    from aligncheck.read import discover_releases

    cli = {"source_lang": source_lang, **({"model": model} if model else {})}
    config = load_config(paths[0], cli, explicit=None)
    releases = discover_releases(paths, source_lang=source_lang, langs=langs, encoding=encoding)
    refuse_overwriting([("--out", out_file)], run_inputs(config, releases))
    result = check_releases(releases, config, use_cache=True, quiet=True, with_rules=False)
    with release_memo():
        text = extract_glossary(list(result.releases))
    write_text(out_file, text, what="the glossary", option="--out")
    return f"wrote {out_file} ({max(0, text.count(chr(10)) - 1)} candidate terms)"
