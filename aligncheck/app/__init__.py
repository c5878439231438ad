"""Command line, run orchestration and configuration: the glue around the pipeline."""
