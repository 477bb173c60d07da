"""Run the notebooks on a corpus and build a self-contained HTML report.

Each notebook in ``notebooks/`` opens with a cell tagged ``parameters`` (corpus path, language,
output folder, and the options of its analysis: ``query``, ``top_n``, ...); the corpus may be the folder of a
pipeline run (``python -m analysis run``), whose tables are then read, not computed. :func:`build_report`
inserts a cell with the caller's values right after it (the convention papermill uses), executes
the notebook with nbclient, keeps the executed copy and its HTML rendering, and writes
``index.html`` with every figure (in the order of the analyses, with its caption) and table. The
options a user may set are read from the parameters cells (:func:`report_parameters`), so that
``report --help`` lists exactly what the notebooks accept. A corpus that cannot be read, or a
notebook that fails, is reported on the first page; the rest still renders. The pages load
nothing from the network: no script or style sheet from a CDN, widgets shown as static HTML.

    python -m analysis report data --out report -p query=Gipfel -p top_n=10
"""
from __future__ import annotations

import ast
import html
import json
import logging
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.errors import InputError
from analysis.outputs import atomic_path, write_text

if TYPE_CHECKING:
    import nbformat

# nbformat, nbclient, nbconvert and matplotlib are imported where they are used: the command line
# reads the parameters for ``report --help`` on every start, and they take a second to import

log = logging.getLogger(__name__)

NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")  # terminal colours in kernel tracebacks
SET_BY_REPORT = {"corpus": "the CORPUS argument", "lang": "--lang", "output_dir": "--out"}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# the lab template without what it would fetch from a CDN (require.js, MathJax, Mermaid, the widget manager)
OFFLINE_TEMPLATE = ("{%- extends 'lab/index.html.j2' -%}\n"
                    "{% block html_head_js_requirejs %}{% endblock %}\n"
                    "{% block html_head_js_mathjax %}{% endblock %}\n"
                    "{% block html_head_js_mermaidjs %}{% endblock %}\n"
                    "{% block jupyter_widgets %}{% endblock %}\n")


@dataclass
class NotebookRun:
    """Outcome of one executed notebook."""

    name: str
    ok: bool
    seconds: float
    error: str = ""
    figures: list[str] = field(default_factory=list)  # names of the figures it saved, in order


@dataclass(frozen=True)
class Parameter:
    """An option of the report: a name assigned in the parameters cell of one or more notebooks."""

    name: str
    default: object       # in the first notebook that has it; values given are held to its type
    help: str
    notebooks: tuple[str, ...]
    defaults: tuple = ()  # (notebook, default, help) of every notebook that has it


def notebook_parameters(path: str | Path) -> list[Parameter]:
    """The parameters a notebook accepts: each ``name = value  # help`` of its cell tagged ``parameters``.

    >>> [(p.name, p.default) for p in notebook_parameters(NOTEBOOK_DIR / "04_term_frequencies.ipynb")][:3]
    [('corpus', '../data'), ('lang', None), ('output_dir', '../report')]
    """
    path = Path(path)
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    if not tagged:
        return []
    source = "".join(tagged[0]["source"]) if isinstance(tagged[0]["source"], list) else tagged[0]["source"]
    lines = source.splitlines()
    found = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            comment = lines[node.lineno - 1].partition("#")[2].strip()
            default = ast.literal_eval(node.value)
            found.append(Parameter(node.targets[0].id, default, comment, (path.stem,), ((path.stem, default, comment),)))
    return found


def report_parameters(notebooks: list[Path] | None = None) -> dict[str, Parameter]:
    """Every parameter of the ``notebooks`` (default: all), by name, with the notebooks that use it.

    A parameter used by several notebooks keeps the default and help of each (``defaults``); its
    ``default`` and ``help`` are those of the first.

    >>> report_parameters()["query"].notebooks
    ('04_term_frequencies',)
    """
    merged: dict[str, Parameter] = {}
    for path in notebooks or _notebooks():
        for p in notebook_parameters(path):
            if p.name in merged:
                first = merged[p.name]
                merged[p.name] = Parameter(p.name, first.default, first.help or p.help, first.notebooks + p.notebooks,
                                           first.defaults + p.defaults)
            else:
                merged[p.name] = p
    return merged


def parse_parameter(text: str, parameters: dict[str, Parameter] | None = None) -> tuple[str, object]:
    """``NAME=VALUE`` as (name, typed value), checked against the notebooks' ``parameters``.

    VALUE is typed as papermill types its ``-p`` values: ``True``/``False``, ``None``, a whole
    number, a decimal number, else text; ``[a, b]`` is a list. A value is then held to the type of
    the parameter's default: where it is text, the value stays text (``unit=2024`` is the word
    ``2024``); a whole number where a decimal one is expected becomes one; any other mismatch is an
    :class:`InputError`, as are a name no notebook has and the names the report sets itself
    (corpus, lang, output_dir). A parameter whose default is None takes the typed value.

    >>> parse_parameter("top_n=30"), parse_parameter("unit=2024"), parse_parameter("query=Zoll")
    (('top_n', 30), ('unit', '2024'), ('query', 'Zoll'))
    >>> parse_parameter("top_n=many")
    Traceback (most recent call last):
    ...
    analysis.errors.InputError: top_n=many: expected a whole number (the default is 15)
    """
    parameters = report_parameters() if parameters is None else parameters
    name, sep, raw = text.partition("=")
    name = name.strip()
    if not sep or not name:
        raise InputError(f"expected NAME=VALUE (e.g. top_n=30), got {text!r}")
    _check_name(name, parameters)
    return name, _typed(text, raw, parameters[name].default)


def _check_name(name: str, parameters: dict[str, Parameter]) -> None:
    if name in SET_BY_REPORT:
        raise InputError(f"{name}: set by the report itself (give {SET_BY_REPORT[name]} instead)")
    if name not in parameters:
        raise InputError(f"{name}: no notebook has this parameter; the parameters are "
                         f"{', '.join(n for n in parameters if n not in SET_BY_REPORT)}")


def _typed(text: str, raw: str, default):
    """``raw`` typed as papermill does, then held to the type of ``default``."""
    import yaml

    value: object
    if raw in ("True", "False"):
        value = raw == "True"
    elif raw == "None":
        value = None
    elif re.fullmatch(r"[+-]?\d+", raw):
        value = int(raw)
    elif re.fullmatch(r"[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?", raw):
        value = float(raw)
    elif raw.startswith("[") and raw.endswith("]"):
        try:
            value = yaml.safe_load(raw)
        except yaml.YAMLError:
            raise InputError(f"{text}: not a list (write [a, b, c])") from None
    else:
        value = raw
    if value is None or default is None:
        return value
    kinds = [(bool, "True or False"), (int, "a whole number"), (float, "a number"), (list, "a list such as [a, b]")]
    for kind, said in kinds:
        if type(default) is kind:
            if kind is float and type(value) is int:
                return float(value)
            if type(value) is not kind:
                raise InputError(f"{text}: expected {said} (the default is {default!r})")
            return value
    return raw if isinstance(default, str) else value


def parameters_help(parameters: dict[str, Parameter] | None = None) -> str:
    """The parameters the report accepts, one line each, for ``report --help``."""
    parameters = report_parameters() if parameters is None else parameters
    lines = []
    for p in parameters.values():
        if p.name in SET_BY_REPORT:
            continue
        said: dict[tuple, list[str]] = {}
        for notebook, default, comment in p.defaults:
            said.setdefault((repr(default), comment), []).append(notebook[:2])
        lines.append(f"  {p.name}: " + "; ".join(f"{comment} (default {default} in {', '.join(books)})"
                                                 for (default, comment), books in said.items()))
    return "parameters of the notebooks (-p NAME=VALUE; 01 … 06 are the notebooks):\n" + "\n".join(lines)


def _notebooks() -> list[Path]:
    return sorted(NOTEBOOK_DIR.glob("[0-9]*.ipynb"))


def inject_parameters(nb: nbformat.NotebookNode, parameters: dict) -> nbformat.NotebookNode:
    """Insert a cell assigning ``parameters`` after the cell tagged ``parameters`` (or first).

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("corpus = 'data'", metadata={"tags": ["parameters"]})])
    >>> inject_parameters(nb, {"corpus": "x"}).cells[1].source
    "# Parameters injected by the report\\ncorpus = 'x'"
    """
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
    position = tagged[0] + 1 if tagged else 0
    source = "# Parameters injected by the report\n" + "\n".join(f"{k} = {v!r}" for k, v in parameters.items())
    import nbformat

    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    nb.cells.insert(position, cell)
    return nb


def run_notebook(path: Path, out_dir: Path, parameters: dict, *, timeout: int = 600,
                 progress: bool = False) -> NotebookRun:
    """Execute one notebook with ``parameters``; write the executed ``.ipynb`` and its ``.html`` to ``out_dir``.

    A failing cell does not raise: the run is returned with ``ok=False`` and the error's last line.
    ``progress`` shows a bar of the notebook's code cells as they run. Widgets are kept as their
    static HTML (see :func:`static_outputs`), so the page needs no network.

        run = run_notebook(NOTEBOOK_DIR / "01_load_corpus.ipynb", Path("out"),
                           {"corpus": "data", "lang": None, "output_dir": "out"})
        run.ok, run.seconds
    """
    import nbformat
    from jinja2 import DictLoader
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from nbconvert import HTMLExporter
    from tqdm import tqdm

    nb = nbformat.read(path, as_version=4)
    accepted = {p.name for p in notebook_parameters(path)}
    nb = inject_parameters(nb, {k: v for k, v in parameters.items() if k in accepted})
    started = time.perf_counter()
    error = ""
    cells = sum(c.cell_type == "code" for c in nb.cells)
    with tqdm(total=cells, desc=path.stem, unit="cell", disable=not progress) as bar:
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(out_dir)}},
                                on_cell_complete=lambda cell, cell_index: bar.update(cell.cell_type == "code"))
        try:
            client.execute(env=_kernel_env())
        except CellExecutionError as exc:
            error = plain_text(str(exc)).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            log.error("%s failed: %s", path.name, error)
    seconds = time.perf_counter() - started
    nb = static_outputs(nb)
    with atomic_path(out_dir / path.name) as tmp:
        nbformat.write(nb, tmp)
    exporter = HTMLExporter(extra_loaders=[DictLoader({"offline.html.j2": OFFLINE_TEMPLATE})],
                            template_file="offline.html.j2")
    body, _ = exporter.from_notebook_node(nb)
    write_text(out_dir / path.with_suffix(".html").name, plain_text(body))
    return NotebookRun(path.stem, not error, seconds, error)


def static_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``nb`` with its widgets as their static fallback (the HTML or text they also carry) and without
    the saved widget state, whose rendering would load the widget manager from a CDN.

    >>> import nbformat
    >>> out = nbformat.v4.new_output("display_data", data={WIDGET_VIEW: {"model_id": "1"}, "text/html": "<b>x</b>"})
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("w", outputs=[out])], metadata={"widgets": {}})
    >>> nb = static_outputs(nb)
    >>> list(nb.cells[0].outputs[0].data), "widgets" in nb.metadata
    (['text/html'], False)
    """
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)
    return nb


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
    from analysis.run_folder import is_run_folder, open_run

    try:
        if is_run_folder(corpus):  # the folder of a pipeline run: its articles are read, not loaded again
            run = open_run(corpus)
            articles, rejected = run.table("articles", columns=["article_id"]), run.table("rejected")
        else:
            articles, rejected = load_articles([corpus], errors="collect")
    except InputError as exc:
        return str(exc)
    if articles.empty:
        reasons = "; ".join(f"{o}: {r}" for o, r in rejected.head(5).itertuples(index=False))
        return f"{corpus}: no readable article ({len(rejected)} rejected{': ' + reasons if reasons else ''})"
    return ""


def build_report(corpus: str | Path = "data", out: str | Path = "report", *, lang: str | None = None,
                 parameters: dict | None = None, notebooks: list[Path] | None = None,
                 figures: str | Path | None = None, progress: bool = False) -> list[NotebookRun]:
    """Execute the notebooks on ``corpus`` and write ``out/index.html``; return one :class:`NotebookRun` each.

    ``parameters`` sets the notebooks' options by name (``{"query": "Zoll", "top_n": 30}``); each
    notebook receives those of its parameters cell. A name no notebook has, or one the report sets
    itself (corpus, lang, output_dir), is an :class:`InputError` before any notebook runs.
    ``figures``, when given, is a folder that receives a copy of every exported figure;
    ``progress`` shows each notebook's cells as they run.

    >>> import tempfile
    >>> build_report("/no/such/corpus", tempfile.mkdtemp())  # reported on the first page, nothing run
    []
    """
    notebooks = notebooks or _notebooks()
    known = report_parameters(notebooks)
    for name in parameters or {}:
        _check_name(name, known)
    out = Path(out).resolve()
    (out / "notebooks").mkdir(parents=True, exist_ok=True)
    _clear_figures(out / "figures")
    problem = corpus_problem(corpus)
    runs: list[NotebookRun] = []
    if not problem:
        values = {**(parameters or {}), "corpus": str(Path(corpus).resolve()), "lang": lang, "output_dir": str(out)}
        for path in notebooks:
            log.info("running %s", path.name)
            seen = set(_captions(out / "figures"))
            run = run_notebook(path, out / "notebooks", values, progress=progress)
            run.figures = [name for name in _captions(out / "figures") if name not in seen]
            runs.append(run)
    if figures:
        Path(figures).mkdir(parents=True, exist_ok=True)
        for f in sorted((out / "figures").glob("*.[ps][nv]g")) if (out / "figures").is_dir() else []:
            with atomic_path(Path(figures) / f.name) as tmp:
                shutil.copy2(f, tmp)
    _write_index(out, corpus, problem, runs)
    return runs


def _clear_figures(folder: Path) -> None:
    """Remove the figures and captions an earlier report left in ``folder`` (they may be of another corpus)."""
    for f in folder.glob("*.[ps][nv]g") if folder.is_dir() else []:
        f.unlink()
    from analysis.plots.style import CAPTIONS

    (folder / CAPTIONS).unlink(missing_ok=True)


def _captions(folder: Path) -> dict[str, str]:
    """The captions :func:`analysis.plots.save_figure` recorded in ``folder``, in the order the figures were saved."""
    from analysis.plots.style import CAPTIONS

    path = folder / CAPTIONS
    try:
        captions = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (ValueError, UnicodeDecodeError):
        log.warning("%s: unreadable; the figures are shown without captions", path)
        return {}
    return captions if isinstance(captions, dict) else {}


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
    parts.append(_figures_html(out / "figures", runs))
    tables = sorted((out / "tables").glob("*.csv")) if (out / "tables").is_dir() else []
    if tables:
        parts.append("<h2>Tables</h2><ul>" + "".join(f"<li><a href='tables/{esc(t.name)}'>{esc(t.name)}</a></li>" for t in tables) + "</ul>")
    style = ("body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}"
             "img{max-width:100%;border:1px solid #ddd}figure{display:inline-block;width:48%;margin:0.5%;vertical-align:top}"
             "figcaption{font-size:0.9em;color:#444}figcaption b{color:#222}"
             ".problem{background:#fff3e0;border-left:4px solid #D55E00;padding:0.5em 1em}")
    page = f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Report</title><style>{style}</style></head><body>{''.join(parts)}</body></html>"
    write_text(out / "index.html", page)


def _figures_html(folder: Path, runs: list[NotebookRun]) -> str:
    """The figures section: one group per notebook in the order they ran, each figure in the order it
    was saved, with its caption; figures without a recorded caption come last, by name."""
    esc = html.escape
    pngs = {f.stem for f in folder.glob("*.png")} if folder.is_dir() else set()
    captions = _captions(folder)
    groups = [(r.name, [n for n in r.figures if n in pngs]) for r in runs]
    listed = {n for _, names in groups for n in names}
    groups.append(("other figures", sorted(pngs - listed)))
    parts = []
    number = 0
    for title, names in groups:
        if not names:
            continue
        parts.append(f"<h3>{esc(title)}</h3>")
        for name in names:
            number += 1
            parts.append(f"<figure id='{esc(name)}'><a href='figures/{esc(name)}.png'><img src='figures/{esc(name)}.png' "
                         f"alt='{esc(captions.get(name, name))}'></a><figcaption><b>Figure {number}.</b> "
                         f"{esc(captions.get(name, name))} (<a href='figures/{esc(name)}.svg'>SVG</a>)</figcaption></figure>")
    return "<h2>Figures</h2>" + "".join(parts) if parts else ""
