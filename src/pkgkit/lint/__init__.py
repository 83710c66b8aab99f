"""The pipeline ``lint`` and ``ci`` run: configuration, engine, result cache, baseline, report."""
