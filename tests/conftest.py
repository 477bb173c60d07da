from pathlib import Path

import pytest

from analysis.datasets import shared_dir

ROOT = Path(__file__).resolve().parents[1]
SHARED = shared_dir()
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
