"""Run the notebooks on a corpus and build a self-contained HTML report.

Each notebook in ``notebooks/`` opens with a cell tagged ``parameters`` (corpus path, language,
output folder). :func:`build_report` inserts a cell with the caller's values right after it (the
convention papermill uses), executes the notebook with nbclient, keeps the executed copy and
its HTML rendering, and writes ``index.html`` linking every notebook, figure and table. A corpus
that cannot be read, or a notebook that fails, is reported on the first page; the rest still renders.

    python -m analysis report data --out report
"""
from __future__ import annotations

import html
import json
import logging
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

from analysis.outputs import atomic_path, write_text

log = logging.getLogger(__name__)

NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")  # terminal colours in kernel tracebacks


@dataclass
class NotebookRun:
    """Outcome of one executed notebook."""

    name: str
    ok: bool
    seconds: float
    error: str = ""


def inject_parameters(nb: nbformat.NotebookNode, parameters: dict) -> nbformat.NotebookNode:
    """Insert a cell assigning ``parameters`` after the cell tagged ``parameters`` (or first).

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("corpus = 'data'", metadata={"tags": ["parameters"]})])
    >>> inject_parameters(nb, {"corpus": "x"}).cells[1].source
    "# Parameters injected by the report\\ncorpus = 'x'"
    """
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
    position = tagged[0] + 1 if tagged else 0
    source = "# Parameters injected by the report\n" + "\n".join(f"{k} = {v!r}" for k, v in parameters.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    nb.cells.insert(position, cell)
    return nb


def run_notebook(path: Path, out_dir: Path, parameters: dict, *, timeout: int = 600) -> NotebookRun:
    """Execute one notebook with ``parameters``; write the executed ``.ipynb`` and its ``.html`` to ``out_dir``.

    A failing cell does not raise: the run is returned with ``ok=False`` and the error's last line.

        run = run_notebook(NOTEBOOK_DIR / "01_load_corpus.ipynb", Path("out"),
                           {"corpus": "data", "lang": None, "output_dir": "out"})
        run.ok, run.seconds
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from nbconvert import HTMLExporter

    nb = inject_parameters(nbformat.read(path, as_version=4), parameters)
    started = time.perf_counter()
    error = ""
    try:
        NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(out_dir)}}).execute(
            env=_kernel_env())
    except CellExecutionError as exc:
        error = plain_text(str(exc)).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        log.error("%s failed: %s", path.name, error)
    seconds = time.perf_counter() - started
    with atomic_path(out_dir / path.name) as tmp:
        nbformat.write(nb, tmp)
    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    write_text(out_dir / path.with_suffix(".html").name, plain_text(body))
    return NotebookRun(path.stem, not error, seconds, error)


def _kernel_env() -> dict:
    """The environment of a notebook's kernel: this one, with this package first on the import path,
    so that the notebooks run the code that builds the report (not another installed copy)."""
    import os

    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join([root] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    return env


def plain_text(text: str) -> str:
    """``text`` without ANSI escape sequences (the colours of terminal and kernel output).

    >>> plain_text("\x1b[0;31mZeroDivisionError\x1b[0m: division by zero")
    'ZeroDivisionError: division by zero'
    """
    return ANSI_ESCAPE.sub("", text)


def corpus_problem(corpus: str | Path) -> str:
    """Why ``corpus`` cannot be analysed (empty string when it can).

    >>> corpus_problem("/no/such/folder")
    '/no/such/folder: no such file or folder'
    """
    from analysis.corpus import load_articles
    from analysis.errors import InputError

    try:
        articles, rejected = load_articles([corpus], errors="collect")
    except InputError as exc:
        return str(exc)
    if articles.empty:
        reasons = "; ".join(f"{o}: {r}" for o, r in rejected.head(5).itertuples(index=False))
        return f"{corpus}: no readable article ({len(rejected)} rejected{': ' + reasons if reasons else ''})"
    return ""


def build_report(corpus: str | Path = "data", out: str | Path = "report", *, lang: str | None = None,
                 notebooks: list[Path] | None = None, figures: str | Path | None = None) -> list[NotebookRun]:
    """Execute the notebooks on ``corpus`` and write ``out/index.html``; return one :class:`NotebookRun` each.

    ``figures``, when given, is a folder that receives a copy of every exported figure.

    >>> import tempfile
    >>> build_report("/no/such/corpus", tempfile.mkdtemp())  # reported on the first page, nothing run
    []
    """
    out = Path(out).resolve()
    (out / "notebooks").mkdir(parents=True, exist_ok=True)
    problem = corpus_problem(corpus)
    runs: list[NotebookRun] = []
    if not problem:
        parameters = {"corpus": str(Path(corpus).resolve()), "lang": lang, "output_dir": str(out)}
        for path in notebooks or sorted(NOTEBOOK_DIR.glob("[0-9]*.ipynb")):
            log.info("running %s", path.name)
            runs.append(run_notebook(path, out / "notebooks", parameters))
    if figures:
        Path(figures).mkdir(parents=True, exist_ok=True)
        for f in sorted((out / "figures").glob("*")) if (out / "figures").is_dir() else []:
            with atomic_path(Path(figures) / f.name) as tmp:
                shutil.copy2(f, tmp)
    _write_index(out, corpus, problem, runs)
    return runs


def _write_index(out: Path, corpus, problem: str, runs: list[NotebookRun]) -> None:
    esc = html.escape
    parts = [f"<h1>Discourse analysis report</h1><p>Corpus: <code>{esc(str(corpus))}</code></p>"]
    if problem:
        parts.append(f"<div class='problem'><h2>The corpus could not be analysed</h2><p>{esc(problem)}</p>"
                     "<p>Point the report at a folder or file of articles (txt, JSON Lines, CSV, HTML, ...), "
                     "e.g. <code>make report CORPUS=path/to/articles</code>.</p></div>")
    failed = [r for r in runs if not r.ok]
    if failed:
        parts.append("<div class='problem'><h2>Some analyses failed</h2><ul>"
                     + "".join(f"<li>{esc(r.name)}: {esc(r.error)}</li>" for r in failed) + "</ul></div>")
    summary = out / "summary.json"
    if summary.exists():
        facts = json.loads(summary.read_text(encoding="utf-8"))
        shown = {k: ", ".join(f"{a}: {b}" for a, b in v.items()) if isinstance(v, dict) else v for k, v in facts.items()}
        parts.append("<h2>Corpus</h2><ul>" + "".join(f"<li>{esc(str(k))}: {esc(str(v))}</li>" for k, v in shown.items()) + "</ul>")
    if runs:
        parts.append("<h2>Notebooks</h2><ul>" + "".join(
            f"<li><a href='notebooks/{esc(r.name)}.html'>{esc(r.name)}</a> "
            f"({'ok' if r.ok else 'failed'}, {r.seconds:.0f} s; <a href='notebooks/{esc(r.name)}.ipynb'>executed notebook</a>)</li>"
            for r in runs) + "</ul>")
    figures = sorted((out / "figures").glob("*.png")) if (out / "figures").is_dir() else []
    if figures:
        parts.append("<h2>Figures</h2>" + "".join(
            f"<figure><a href='figures/{esc(f.name)}'><img src='figures/{esc(f.name)}' alt='{esc(f.stem)}'></a>"
            f"<figcaption>{esc(f.stem)} (<a href='figures/{esc(f.stem)}.svg'>SVG</a>)</figcaption></figure>" for f in figures))
    tables = sorted((out / "tables").glob("*.csv")) if (out / "tables").is_dir() else []
    if tables:
        parts.append("<h2>Tables</h2><ul>" + "".join(f"<li><a href='tables/{esc(t.name)}'>{esc(t.name)}</a></li>" for t in tables) + "</ul>")
    style = ("body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}"
             "img{max-width:100%;border:1px solid #ddd}figure{display:inline-block;width:48%;margin:0.5%}"
             ".problem{background:#fff3e0;border-left:4px solid #D55E00;padding:0.5em 1em}")
    page = f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Report</title><style>{style}</style></head><body>{''.join(parts)}</body></html>"
    write_text(out / "index.html", page)
