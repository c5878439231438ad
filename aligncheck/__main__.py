"""`python -m aligncheck` and the `aligncheck` command."""


def run() -> None:
    try:
        from aligncheck.app.cli import main
    except KeyboardInterrupt:  # Ctrl-C while the modules load: before main() can say it
        import sys

        sys.stderr.write("aligncheck: interrupted\n")
        raise SystemExit(130) from None
    main()


if __name__ == "__main__":
    run()
