"""Command line: aligncheck check | align | split | rules | config | glossary | cache."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import click

from aligncheck import __version__
from aligncheck._runtime.cache_registry import REGISTRY
from aligncheck.errors import InputError
from aligncheck.model import UNITS

EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 1, 2, 3
FAIL_LEVELS = ("error", "warning", "info", "never")


def _langs(value: str | None) -> list[str] | None:
    if not value:
        return None
    return [part.strip().lower() for part in value.split(",") if part.strip()]


unit_option = click.option(
    "--unit",
    type=click.Choice(UNITS),
    default=None,
    help=(
        "Segment unit: paragraph (default), line (pre-split bitext) or sentence. A link "
        "joins up to 3 paragraphs or lines a side (4 in all), or 4 sentences a side (5 in all)."
    ),
)
model_option = click.option(
    "--model",
    default=None,
    metavar="NAME_OR_PATH",
    help="sentence-transformers model name or local directory "
    "[default: multilingual-e5-small, built offline].",
)
langs_option = click.option(
    "--langs",
    default=None,
    metavar="LANG,LANG,...",
    help="Languages of the files (or of the blocks of one multilingual file), in order.",
)
encoding_option = click.option(
    "--encoding",
    multiple=True,
    metavar="[LANG=]ENCODING",
    help="Encoding of the files that are not UTF-8 or UTF-16 (e.g. cp1251), "
    "or of one language's (ru=cp1251); repeatable or comma-separated.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="aligncheck")
def cli() -> None:
    """Check that the language versions of a release say the same thing.

    aligncheck aligns the versions paragraph by paragraph with multilingual sentence
    embeddings and reports discrepancies: numbers, dates, emails, URLs, names,
    glossary terms, omitted or untranslated text. Exit codes: 0 no finding at or
    above --fail-on, 1 findings, 2 usage or input error, 3 internal error, 130
    stopped by Ctrl-C, 143 stopped by a TERM signal.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@langs_option
@click.option(
    "--source-lang",
    default=None,
    help="Language of the source version [default: en, or what a translator file declares].",
)
@unit_option
@model_option
@click.option(
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Glossary file (TSV, CSV or TBX); repeatable.",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(("rich", "text", "json", "sarif", "junit", "github", "markdown", "html")),
    help="Report format; repeatable [default: rich on a terminal, text otherwise].",
)
@click.option(
    "--output",
    "outputs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="File for the --format at the same position ('-' for stdout); "
    "file formats without one go to reports/.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_LEVELS),
    default=None,
    help="Lowest severity that makes the exit code 1 [default: error].",
)
@click.option(
    "--select",
    default=None,
    metavar="CODES",
    help="Only these rules (codes, prefixes or categories).",
)
@click.option(
    "--ignore",
    default=None,
    metavar="CODES",
    help="Skip these rules (codes, prefixes or categories).",
)
@click.option(
    "--baseline",
    type=click.Path(path_type=Path),
    default=None,
    help="Report only findings not recorded in this baseline file.",
)
@click.option(
    "--write-baseline",
    type=click.Path(path_type=Path),
    default=None,
    help="Record the current findings in this baseline file.",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Configuration file [default: aligncheck.toml or pyproject.toml found upwards].",
)
@encoding_option
@click.option(
    "--max-input-mb",
    type=float,
    default=None,
    metavar="MB",
    help="Refuse input files (or unpacked .docx) larger than this [default: 50].",
)
@click.option(
    "--follow-symlinks",
    is_flag=True,
    default=None,
    help="In a release directory, read symlinks that lead outside it (skipped by default).",
)
@click.option(
    "--annotate",
    type=click.Path(path_type=Path),
    default=None,
    metavar="DIR",
    help="Write a copy of each XLIFF, PO or TMX input into DIR with the findings as notes "
    "on their units (the inputs are never changed).",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Check the releases of a directory in N worker processes [default: 1].",
)
@click.option(
    "--ray",
    is_flag=False,
    flag_value="",
    default=None,
    metavar="[ADDRESS|auto]",
    help="Check the releases on a Ray cluster: a new local one, 'auto' (the running one) or "
    "ADDRESS; without aligncheck[ray] installed it checks here. Put it after the paths, or "
    "write --ray=ADDRESS.",
)
@click.option("--no-cache", is_flag=True, help="Do not read or write the embedding cache.")
@click.option("-q", "--quiet", is_flag=True, help="No progress display.")
def check(paths, **cli_options) -> None:
    """Check a release: a directory of <lang>.txt|md|html|docx files, a directory of such
    directories, explicit files SRC TGT [TGT...], one multilingual FILE with --langs, or
    translator files (.xlf/.xliff, .po/.pot, .tmx: units already paired, nothing aligned)."""
    from aligncheck.app.run import run_check

    sys.exit(run_check(list(paths), cli_options))


@cli.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("target", type=click.Path(path_type=Path))
@langs_option
@unit_option
@model_option
@encoding_option
@click.option(
    "--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True
)
@click.option("--no-cache", is_flag=True, help="Do not read or write the embedding cache.")
def align(source, target, langs, unit, model, encoding, fmt, no_cache) -> None:
    """Print the alignment of SOURCE and TARGET."""
    from aligncheck.app.run import run_align

    _echo(
        run_align(
            source,
            target,
            langs=_langs(langs),
            unit=unit or "paragraph",
            model=model,
            encoding=encoding,
            fmt=fmt,
            use_cache=not no_cache,
        )
    )


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--langs", required=True, metavar="LANG,LANG,...", help="Languages of the blocks, in order."
)
@click.option(
    "--out", "out_dir", required=True, type=click.Path(path_type=Path), help="Output directory."
)
@encoding_option
def split(file, langs, out_dir, encoding) -> None:
    """Split one multilingual FILE into one file per language."""
    from aligncheck.app.run import run_split

    for line in run_split(file, _langs(langs), out_dir, encoding=encoding):
        _echo(line + "\n")


@cli.command()
@click.argument("code", required=False)
def rules(code) -> None:
    """List the rules, or explain one rule CODE."""
    from aligncheck.app.run import describe_rule, list_rules

    _echo(describe_rule(code) if code else list_rules())


@cli.command("config")
@click.argument("path", required=False, type=click.Path(path_type=Path), default=Path("."))
@click.option("--config", "config_file", type=click.Path(path_type=Path), default=None)
def config_cmd(path, config_file) -> None:
    """Print the effective configuration for PATH and where each value came from."""
    from aligncheck.app.run import run_config

    _echo(run_config(path, config_file))


@cli.group()
def glossary() -> None:
    """Glossary helpers."""


@glossary.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_file", required=True, type=click.Path(path_type=Path))
@langs_option
@click.option("--source-lang", default="en", show_default=True)
@model_option
@encoding_option
def glossary_extract(paths, out_file, langs, source_lang, model, encoding) -> None:
    """Propose a glossary from a release: candidate terms and their renderings."""
    from aligncheck.app.run import run_glossary_extract

    _echo(
        run_glossary_extract(
            list(paths),
            out_file,
            langs=_langs(langs),
            source_lang=source_lang,
            model=model,
            encoding=encoding,
        )
        + "\n"
    )


@cli.command()
@click.option(
    "--clear",
    "part",
    type=click.Choice((*REGISTRY, "all")),
    default=None,
    help="Delete one entry (rebuilt on next use; see --entries) or all of them.",
)
@click.option("--entries", is_flag=True, help="List the entries: what each holds, format, version.")
def cache(part, entries) -> None:
    """Show what the cache directory holds ($ALIGNCHECK_CACHE_DIR moves it), or clear it."""
    from aligncheck._runtime import cachestats

    if entries:
        _echo(cachestats.table())
    else:
        _echo(cachestats.clear(part) if part else cachestats.summary())


def _echo(text: str) -> None:
    """A command's output (not a report: no --output to suggest)."""
    from aligncheck._runtime.stdout import write_stdout

    write_stdout(text, what="the output", hint="")


def _stopped(terminated: bool) -> None:
    """Ctrl-C (exit 130) or SIGTERM (exit 143, as a shell reports a TERM death)."""
    click.echo(f"aligncheck: {'terminated' if terminated else 'interrupted'}", err=True)
    sys.exit(143 if terminated else 130)


def main() -> None:
    from aligncheck._runtime.interrupt import Terminated, keep_interrupts, stop_on_terminate

    keep_interrupts()
    stop_on_terminate()
    try:
        try:
            cli.main(prog_name="aligncheck", standalone_mode=False)
        finally:  # a closed pipe or full disk shows here, not in Python's flush at exit
            if sys.stdout is not None:
                sys.stdout.flush()
    except BrokenPipeError:
        from aligncheck._runtime.stdout import stdout_gone

        stdout_gone()
    except InputError as exc:
        from aligncheck.report.visible import one_line

        click.echo(f"aligncheck: error: {one_line(str(exc))}", err=True)
        sys.exit(EXIT_INPUT)
    except click.exceptions.Abort as exc:
        _stopped(isinstance(exc.__cause__, Terminated))
    except click.UsageError as exc:
        if isinstance(exc, getattr(click.exceptions, "NoArgsIsHelpError", ())) or exc.ctx is None:
            exc.show()
        else:  # one line, like every other input error
            from aligncheck.report.visible import one_line

            click.echo(
                f"aligncheck: error: {one_line(exc.format_message())} "
                f"(see '{exc.ctx.command_path} -h')",
                err=True,
            )
        sys.exit(EXIT_INPUT)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_INPUT)
    except KeyboardInterrupt as exc:
        _stopped(isinstance(exc, Terminated))
    except Exception as exc:
        if os.environ.get("ALIGNCHECK_DEBUG"):
            raise
        if isinstance(exc, OSError) and exc.errno in (
            errno.ENOSPC,
            errno.EDQUOT,
        ):  # e.g. > /dev/full
            click.echo(f"aligncheck: error: cannot write the output: {exc.strerror}", err=True)
            sys.exit(EXIT_INPUT)
        from aligncheck.report.visible import one_line

        click.echo(
            f"aligncheck: internal error: {type(exc).__name__}: {one_line(str(exc))} "
            "(set ALIGNCHECK_DEBUG=1 for a traceback and please report it)",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)
    sys.exit(0)
