"""Runtime plumbing: cache files, bytecode, worker processes, progress, atomic writes."""
