"""The public namespace is exactly what we mean to support (httpx's rule)."""

from __future__ import annotations

import newsledger

INTENDED = {
    "AboutRef", "Actor", "ActorRef", "Article", "ArticleResult", "Contradiction", "Event", "Executor", "Filters",
    "Framing", "FramingTerm", "IngestError", "Mention", "NewsledgerError", "Pipeline", "PipelineConfig", "Place",
    "Provenance", "Role", "RunSummary", "SQLStore", "Statement", "TimeExpression", "__version__", "build_pipeline",
    "get_executor", "ingest", "open_store", "stage",
}  # fmt: skip


def test_public_names_are_exactly_the_intended_ones() -> None:
    assert set(newsledger.__all__) == INTENDED
    for name in newsledger.__all__:
        assert hasattr(newsledger, name), name


def test_importing_the_package_does_not_load_spacy() -> None:
    import subprocess
    import sys

    code = "import sys, newsledger; print('spacy' in sys.modules)"
    assert (
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.strip()
        == "False"
    )


def test_a_worker_does_not_import_the_runner_or_the_store() -> None:
    import subprocess
    import sys

    code = (
        "import sys, newsledger.pipeline, newsledger.stages.events, newsledger.stages.places; "
        "print(sorted(m for m in ('datasketch', 'sqlalchemy', 'newsledger.runner') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
