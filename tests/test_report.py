import html
import json
import re
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
    pages = {p.stem: p.read_text(encoding="utf-8") for p in (tmp_path / "report" / "notebooks").glob("*.html")}
    for page in [index, *pages.values()]:
        assert_offline(page)
    # every figure has a caption, numbered in the order of the analyses
    captions = json.loads((tmp_path / "report" / "figures" / "captions.json").read_text(encoding="utf-8"))
    assert sorted(captions) == sorted(p.stem for p in pngs) and all(len(c) > 20 for c in captions.values())
    in_order = [name for run in runs for name in run.figures]
    assert sorted(in_order) == sorted(captions)
    positions = [index.index(f"<figure id='{name}'>") for name in in_order]
    assert positions == sorted(positions)
    assert "overflow-x:auto" in pages["02_quote_attribution"]  # wide tables scroll
    terms = html.unescape(pages["04_term_frequencies"])
    if corpus == "sample":
        assert re.search(r"<td>\d\.\d\de-\d\d</td>", terms)  # p-values in scientific notation
        assert "topic word of language 'de' this corpus uses most): 'Sanktion'" in terms
    if corpus == "english_no_quotes":
        assert "topic word of language 'en'" in terms and "Sanktion" not in terms


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


# --- parameters, captions, offline pages -----------------------------------------------------

from analysis.cli import main  # noqa: E402
from analysis.errors import InputError  # noqa: E402
from analysis.report import SET_BY_REPORT, parse_parameter, report_parameters  # noqa: E402

# what a page would load from the network: scripts, style sheets, images, frames, module imports, CSS urls
NETWORK = re.compile(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*[\"']?(https?:)?//|import\(\s*[\"'`](https?:)?//"
                     r"|url\(\s*[\"']?(https?:)?//|@import\s+[\"']?(https?:)?//", re.I)


def assert_offline(page: str) -> None:
    assert NETWORK.search(page) is None, NETWORK.search(page).group()
    assert not re.search(r"cdnjs|unpkg|jsdelivr", page)


def test_the_parameters_are_those_assigned_in_the_notebooks_parameters_cells():
    for path in NOTEBOOKS:
        cell = next(c for c in nbformat.read(path, as_version=4).cells if "parameters" in c.metadata.get("tags", []))
        assigned = {}
        exec(cell.source, {}, assigned)  # the cell itself says what it assigns
        found = {n: p for n, p in report_parameters([path]).items()}
        assert {n: p.default for n, p in found.items()} == assigned, path.name
        assert all(p.help for p in found.values()), path.name


def test_report_help_lists_every_parameter(capsys):
    assert main(["report", "--help"]) == 0
    text = capsys.readouterr().out
    names = [n for n in report_parameters() if n not in SET_BY_REPORT]
    assert {"query", "top_n", "unit", "min_count", "min_units", "actors"} <= set(names)
    for name in names:
        assert re.search(rf"^  {name}: ", text, re.M), name


@pytest.mark.parametrize("text, expected", [
    ("top_n=30", ("top_n", 30)), ("top_n=None", ("top_n", None)), ("query=Zoll", ("query", "Zoll")),
    ("query=2024", ("query", 2024)), ("unit=2024", ("unit", "2024")), ("query=Zoll und Handel", ("query", "Zoll und Handel")),
    ("unit=lower", ("unit", "lower")), ("actors=aliases.csv", ("actors", "aliases.csv")),
])
def test_values_are_typed_as_papermill_types_them_and_held_to_the_default(text, expected):
    assert parse_parameter(text) == expected


def test_values_of_every_type():
    from analysis.report import Parameter

    known = {n: Parameter(n, d, "", ("x",)) for n, d in
             [("flag", False), ("ratio", 0.5), ("names", ["a"]), ("anything", None), ("top_n", 5)]}
    assert parse_parameter("flag=True", known) == ("flag", True)
    assert parse_parameter("ratio=2", known) == ("ratio", 2.0) and isinstance(parse_parameter("ratio=2", known)[1], float)
    assert parse_parameter("ratio=1e-3", known) == ("ratio", 0.001)
    assert parse_parameter("names=[Putin, Kim Jong-un]", known) == ("names", ["Putin", "Kim Jong-un"])
    assert parse_parameter("anything=[1, 2]", known) == ("anything", [1, 2])
    assert parse_parameter("anything=3.5", known) == ("anything", 3.5)
    for text, message in [("flag=yes", "expected True or False"), ("ratio=half", "expected a number"),
                          ("names=Putin", "expected a list"), ("top_n=2.5", "expected a whole number"),
                          ("top_n=true", "expected a whole number"), ("names=[a, [b]", "not a list")]:
        with pytest.raises(InputError, match=re.escape(message)):
            parse_parameter(text, known)


@pytest.mark.parametrize("argv, fragment", [
    (["-p", "topn=30"], "topn: no notebook has this parameter; the parameters are actors, top_n"),
    (["-p", "top_n=many"], "top_n=many: expected a whole number (the default is 15)"),
    (["-p", "corpus=elsewhere"], "corpus: set by the report itself (give the CORPUS argument instead)"),
    (["-p", "output_dir=x"], "give --out instead"),
    (["-p", "query"], "expected NAME=VALUE"),
])
def test_unusable_parameters_end_the_report_before_any_notebook_runs(tmp_path, capsys, monkeypatch, argv, fragment):
    import analysis.report

    monkeypatch.setattr(analysis.report, "run_notebook", lambda *a, **k: pytest.fail("a notebook ran"))
    monkeypatch.setattr(analysis.report, "corpus_problem", lambda *a, **k: pytest.fail("the corpus was read"))
    assert main(["report", str(SAMPLE.parent), "--out", str(tmp_path / "r")] + argv) == 2
    err = capsys.readouterr().err
    assert fragment in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "r").exists()


def test_build_report_refuses_unknown_parameters_before_running(tmp_path, monkeypatch):
    import analysis.report

    monkeypatch.setattr(analysis.report, "run_notebook", lambda *a, **k: pytest.fail("a notebook ran"))
    with pytest.raises(InputError, match="quer: no notebook has this parameter"):
        build_report(SAMPLE.parent, tmp_path / "r", parameters={"quer": "Zoll"})
    with pytest.raises(InputError, match="lang: set by the report itself"):
        build_report(SAMPLE.parent, tmp_path / "r", parameters={"lang": "de"})


SMALL_NOTEBOOK = [
    ("parameters", "corpus = 'x'\noutput_dir = 'x'\ntop_n = 5  # bars\nlabels = ['a']  # names\nratio = 0.5  # share"),
    ("", "import json\nfrom pathlib import Path\n\nimport matplotlib\nmatplotlib.use('Agg')\n"
         "import pandas as pd\nfrom analysis.plots import new_axes, save_figure\nfrom analysis.widgets import quote_browser\n"
         "Path(output_dir, 'seen.json').write_text(json.dumps({k: globals().get(k) for k in "
         "['top_n', 'labels', 'ratio', 'query']}))"),
    ("", "ax = new_axes(); ax.bar(labels, [top_n] * len(labels))\n"
         "save_figure(ax, 'zz_first', folder=Path(output_dir) / 'figures', caption=f'{top_n} bars first.')\n"
         "ax = new_axes(); ax.plot([0, 1], [ratio, ratio])\n"
         "save_figure(ax, 'aa_second', folder=Path(output_dir) / 'figures', caption='A line second.')"),
    ("", "q = pd.DataFrame({'article_id': ['a'], 'kind': ['direct'], 'speaker': ['Putin'], 'spans': [[[0, 4]]]})\n"
         "quote_browser(q, pd.DataFrame({'article_id': ['a'], 'text': ['Nein, sagte Putin.']}))"),
]


def test_a_report_gets_its_parameters_captions_in_order_and_needs_no_network(tmp_path):
    cells = [nbformat.v4.new_code_cell(src, metadata={"tags": [tag]} if tag else {}) for tag, src in SMALL_NOTEBOOK]
    path = tmp_path / "01_small.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    (tmp_path / "report" / "figures").mkdir(parents=True)
    (tmp_path / "report" / "figures" / "stale.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # from an earlier report
    runs = build_report(SAMPLE.parent, tmp_path / "report", notebooks=[path],
                        parameters={"top_n": 3, "labels": ["Putin", "Kim"]})
    assert [(r.name, r.ok, r.figures) for r in runs] == [("01_small", True, ["zz_first", "aa_second"])]
    seen = json.loads((tmp_path / "report" / "seen.json").read_text(encoding="utf-8"))
    assert seen == {"top_n": 3, "labels": ["Putin", "Kim"], "ratio": 0.5, "query": None}
    index = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert index.index("3 bars first.") < index.index("A line second.")
    assert "<b>Figure 1.</b> 3 bars first." in index and "stale" not in index
    page = (tmp_path / "report" / "notebooks" / "01_small.html").read_text(encoding="utf-8")
    assert_offline(page)
    assert_offline(index)
    assert "1 quotation(s)" in page and "class=\"quote\">Nein<" in page  # the browser as a static table
    executed = nbformat.read(tmp_path / "report" / "notebooks" / "01_small.ipynb", as_version=4)
    assert "widgets" not in executed.metadata


def test_the_report_docs_list_every_parameter():
    from conftest import ROOT

    docs = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    for name, parameter in report_parameters().items():
        if name not in SET_BY_REPORT:
            row = re.search(rf"^\| `{name}` \| ([^|]+) \|", docs, re.M)
            assert row, name
            assert row.group(1).split(", ") == [n[:2] for n in parameter.notebooks], name
