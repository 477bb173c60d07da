import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ANALYSIS_SHARED", ROOT.parent / "shared"))
SAMPLE = ROOT / "data" / "putin-kim-wladiwostok.de.txt"


@pytest.fixture
def shared() -> Path:
    """The folder of shared datasets and corpora; tests using it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def sample_articles():
    from analysis.corpus import load_articles

    return load_articles([SAMPLE]).articles
