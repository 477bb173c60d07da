import json
import shutil

import nbformat
import pytest
from conftest import SAMPLE

from analysis.report import NOTEBOOK_DIR, build_report

NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9]*.ipynb"))


def _multi_article_corpus(folder):
    """The sample plus a short English and a short German article without quotations."""
    folder.mkdir()
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    records = [
        {"id": "en1", "date": "2019-05-02", "source": "Wire", "title": "Talks end",
         "text": "The talks ended without an agreement, officials said. \"We will continue the dialogue,\" said Mr. Smith. Sanctions remain in place."},
        {"id": "de1", "date": "2019-06-11", "source": "Agentur", "title": "Wetter",
         "text": "In Berlin regnete es am Dienstag. Die Temperaturen lagen bei 15 Grad."},
    ]
    (folder / "more.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    return folder


def _english_corpus_without_quotations(folder):
    folder.mkdir()
    records = [{"id": f"w{i}", "title": "Weather", "text": f"It rained in Leeds on day {i}. The river rose by two metres."} for i in range(3)]
    (folder / "weather.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["sample", "multi", "english_no_quotes"])
def test_every_notebook_runs_top_to_bottom(tmp_path, corpus):
    builders = {"multi": _multi_article_corpus, "english_no_quotes": _english_corpus_without_quotations}
    path = SAMPLE.parent if corpus == "sample" else builders[corpus](tmp_path / "corpus")
    runs = build_report(path, tmp_path / "report", figures=tmp_path / "figures")
    assert [r.name for r in runs] == [p.stem for p in NOTEBOOKS]
    assert all(r.ok for r in runs), [(r.name, r.error) for r in runs if not r.ok]
    index = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert "could not be analysed" not in index and "failed" not in index.lower()
    for run in runs:
        assert (tmp_path / "report" / "notebooks" / f"{run.name}.html").stat().st_size > 10_000
    if corpus == "english_no_quotes":
        quote_page = (tmp_path / "report" / "notebooks" / "02_quote_attribution.html").read_text(encoding="utf-8")
        assert "No quotation was found in this corpus" in quote_page
    pngs = sorted((tmp_path / "figures").glob("*.png"))
    assert pngs and all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)
    assert all(p.with_suffix(".svg").read_text(encoding="utf-8").lstrip().startswith("<?xml") for p in pngs)


@pytest.mark.parametrize("setup", ["missing", "unreadable"])
def test_unusable_corpus_is_reported_on_the_first_page(tmp_path, setup):
    corpus = tmp_path / "nothing"
    if setup == "unreadable":
        corpus.mkdir()
        (corpus / "empty.txt").write_text("", encoding="utf-8")
    runs = build_report(corpus, tmp_path / "report")
    index = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert runs == [] and "The corpus could not be analysed" in index
    assert ("no such file or folder" if setup == "missing" else "no readable article (1 rejected") in index


def test_notebooks_are_stored_without_outputs_and_have_parameters():
    assert NOTEBOOKS, "no notebooks found"
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), path.name
        tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1 and "corpus" in tagged[0].source and "output_dir" in tagged[0].source, path.name
