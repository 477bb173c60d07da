"""Keyness: which terms a target over- or under-uses against a reference.

The reference is another group of the same corpus (:func:`keyness_by`), another corpus
(a tokens table or a frequency table), a frequency list file (:func:`read_frequency_list`)
or wordfreq's general-language list (:func:`wordfreq_reference`, no download). Every
measure is computed from the 2×2 table of a term's count in target and reference against
the two corpus sizes; formulas, defaults and references are in ``docs/measures.md``.

>>> import pandas as pd
>>> t = pd.DataFrame({"term": ["Krieg", "Frieden"], "n": [30, 10], "total": [1000, 1000]})
>>> r = pd.DataFrame({"term": ["Krieg", "Frieden"], "n": [10, 30], "total": [1000, 1000]})
>>> keyness(t, r, min_freq=1)[["term", "g2", "log_ratio"]].round(3).values.tolist()
[['Krieg', 10.669, 1.585], ['Frieden', -10.669, -1.585]]
"""
from __future__ import annotations

import logging
import math
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import special

from analysis.errors import InputError, require_columns, require_int, require_positive
from analysis.tables import read_table, table_columns, text_encoding
from analysis.terms import frequencies

log = logging.getLogger(__name__)

KEYNESS_COLUMNS = ["term", "n_target", "n_reference", "rel_target", "rel_reference", "g2", "p",
                   "chi2", "p_chi2", "log_ratio", "pct_diff"]
WORDFREQ_SIZE = 1e9


def contingency_measures(a, b, c, d, *, correction: str | None = None, yates: bool = False,
                         smoothing: float = 0.5) -> dict[str, np.ndarray]:
    """Keyness measures for counts ``a`` (target) and ``b`` (reference) in corpora of sizes
    ``c`` and ``d`` (arrays broadcast).

    Returns signed ``g2`` (4-term log-likelihood; ``correction="williams"`` divides by
    Williams' q), ``p`` (chi-square, 1 df, of |g2|), signed Pearson ``chi2`` (``yates=True``
    subtracts min(0.5, |O−E|) from every |O−E|, as ``scipy.stats.chi2_contingency``),
    ``p_chi2``, Hardie's ``log_ratio`` and Gabrielatos & Marchi's ``pct_diff``; the last two
    replace a zero count by ``smoothing`` (default 0.5) so they stay finite.

    >>> m = contingency_measures(10, 0, 1000, 1000)
    >>> round(float(m["log_ratio"]), 3), bool(np.isfinite(m["pct_diff"]))
    (4.322, True)
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    n = c + d
    obs = [a, b, c - a, d - b]
    r1, r2 = a + b, n - a - b
    exp = [c * r1 / n, d * r1 / n, c * r2 / n, d * r2 / n]
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * sum(special.xlogy(o, o) - special.xlogy(o, e) for o, e in zip(obs, exp))
        g2 = np.maximum(g2, 0.0)
        if correction == "williams":
            q = 1 + (n / r1 + n / r2 - 1) * (n / c + n / d - 1) / (6 * n)
            g2 = g2 / q
        elif correction is not None:
            raise InputError(f"correction must be None or 'williams', got {correction!r}")
        chi = 0.0
        for o, e in zip(obs, exp):
            dev = np.abs(o - e)
            if yates:
                dev = dev - np.minimum(0.5, dev)
            chi = chi + np.where(e > 0, dev ** 2 / np.where(e > 0, e, 1), 0.0)
        a_s = np.where(a > 0, a, smoothing)
        b_s = np.where(b > 0, b, smoothing)
        rel_a, rel_b = a_s / c, b_s / d
        log_ratio = np.log2(rel_a / rel_b)
        pct = (rel_a - rel_b) * 100 / rel_b
    sign = np.where(a / c >= b / d, 1.0, -1.0)
    return {
        "g2": sign * g2,
        "p": special.erfc(np.sqrt(g2 / 2)),  # chi-square sf, 1 df
        "chi2": sign * chi,
        "p_chi2": special.erfc(np.sqrt(chi / 2)),
        "log_ratio": log_ratio,
        "pct_diff": pct,
    }


def _as_frequency_table(x, *, unit: str, lang: str | None, name: str) -> tuple[pd.Series, float]:
    """(counts by term, corpus size) from a frequency table or a tokens table."""
    if not isinstance(x, pd.DataFrame):
        raise InputError(f"{name}: expected a DataFrame (tokens or term/n table), got {type(x).__name__}")
    if {"term", "n"} <= set(x.columns):
        counts = x.groupby("term", sort=False)["n"].sum()
        if "total" in x.columns and len(x):
            total = float(x.drop_duplicates("group")["total"].sum()) if "group" in x.columns else float(x["total"].iloc[0])
        else:
            total = float(counts.sum())
        return counts, total
    require_columns(x, ["article_id", "sentence"], table=name)
    freq = frequencies(x, unit=unit, lang=lang)
    if len(freq):
        return freq.set_index("term")["n"], float(freq["total"].iloc[0])
    return pd.Series(dtype="int64"), 0.0


def keyness(target, reference, *, unit: str | None = None, lang: str | None = None, min_freq: int = 3,
            correction: str | None = None, yates: bool = False, smoothing: float = 0.5,
            sort: str = "g2") -> pd.DataFrame:
    """Keyness of every term of ``target`` against ``reference``.

    ``target``/``reference``: a tokens table, a frequency table (``term``, ``n``, optional
    ``total`` = corpus size; without it the sum of ``n``) or, for the reference, the string
    ``"wordfreq"`` (:func:`wordfreq_reference` for ``lang``; terms are then matched in lower
    case and only target terms are scored). wordfreq lists word forms: with ``unit="lemma"`` and
    a tokens table, the reference frequency of a lemma is the sum of those of its forms in the
    target and of the lemma itself, so that both sides count the same unit.

    A term is kept when its count reaches ``min_freq`` in the target or in a reference
    corpus (for wordfreq: in the target). Columns: ``term``, ``n_target``, ``n_reference``,
    ``rel_target``, ``rel_reference`` (per million), ``g2`` (signed: negative = under-used in
    the target), ``p``, ``chi2`` (signed), ``p_chi2``, ``log_ratio``, ``pct_diff``; sorted by
    ``sort`` descending.

    >>> t = pd.DataFrame({"term": ["a"], "n": [5], "total": [100]})
    >>> keyness(t, pd.DataFrame({"term": ["b"], "n": [5], "total": [100]}))["log_ratio"].round(3).tolist()
    [3.322, -3.322]
    """
    require_int(min_freq, name="min_freq")
    require_positive(smoothing, name="smoothing")
    is_wordfreq = isinstance(reference, str) and reference == "wordfreq"
    unit = unit or ("lower" if is_wordfreq else "lemma")
    tcounts, c = _as_frequency_table(target, unit=unit, lang=lang, name="target")
    if c <= 0:
        raise InputError("target: the corpus is empty (0 tokens); keyness needs a non-empty target")
    if is_wordfreq:
        lg = lang or target.attrs.get("lang") or (
            str(target["lang"].mode().iloc[0]) if "lang" in target.columns and len(target) else None)
        if lg is None:
            log.warning("keyness: no lang given for the wordfreq reference; using German ('de')")
            lg = "de"
        tcounts = tcounts.groupby(tcounts.index.astype(str).str.lower(), sort=False).sum()
        if unit == "lemma" and {"lemma", "lower"} <= set(target.columns):
            rcounts = _wordfreq_by_lemma(target, lg)
        else:
            rcounts = wordfreq_reference(lg, terms=tcounts.index).set_index("term")["n"]
        d = WORDFREQ_SIZE
    else:
        rcounts, d = _as_frequency_table(reference, unit=unit, lang=lang, name="reference")
    if d <= 0:
        raise InputError("reference: the corpus is empty (0 tokens); keyness needs a non-empty reference")
    if is_wordfreq:
        terms = tcounts.index[tcounts.to_numpy() >= min_freq]
    else:
        terms = tcounts.index[tcounts.to_numpy() >= min_freq].union(rcounts.index[rcounts.to_numpy() >= min_freq], sort=False)
    a = tcounts.reindex(terms, fill_value=0).to_numpy(dtype=float)
    b = rcounts.reindex(terms, fill_value=0).to_numpy(dtype=float)
    if np.any(a > c) or np.any(b > d):
        raise InputError("a term count exceeds its corpus size; check the 'total' columns")
    m = contingency_measures(a, b, c, d, correction=correction, yates=yates, smoothing=smoothing)
    out = pd.DataFrame({"term": np.asarray(terms, dtype=object), "n_target": a, "n_reference": b,
                        "rel_target": a / c * 1e6, "rel_reference": b / d * 1e6, **m})
    if not is_wordfreq:
        out["n_target"] = out["n_target"].astype("int64")
        out["n_reference"] = out["n_reference"].astype("int64")
    if sort not in out.columns:
        raise InputError(f"sort must be one of {', '.join(KEYNESS_COLUMNS)}, got {sort!r}")
    out = out.sort_values([sort, "term"], ascending=[False, True], kind="stable").reset_index(drop=True)
    out.attrs.update(size_target=c, size_reference=d)
    return out[KEYNESS_COLUMNS]


def _wordfreq_by_lemma(tokens: pd.DataFrame, lang: str) -> pd.Series:
    """wordfreq's counts per lower-cased lemma: the sum over the lemma's forms seen in ``tokens``
    (lower-cased) and the lemma itself.

    >>> t = pd.DataFrame({"lower": ["gespräche", "gesprächen"], "lemma": ["Gespräch", "Gespräch"]})
    >>> n = _wordfreq_by_lemma(t, "de")
    >>> bool(n["gespräch"] > wordfreq_reference("de", terms=["gespräche"])["n"].iloc[0])
    True
    """
    pairs = pd.DataFrame({"lemma": tokens["lemma"].astype(str).str.lower(), "form": tokens["lower"].astype(str)})
    pairs = pd.concat([pairs, pairs.assign(form=pairs["lemma"])]).drop_duplicates()
    ref = wordfreq_reference(lang, terms=pairs["form"].unique())
    n = pairs["form"].map(dict(zip(ref["term"], ref["n"])))
    return n.groupby(pairs["lemma"].to_numpy(), sort=False).sum()


def keyness_by(tokens: pd.DataFrame, by, target, reference=None, *, articles: pd.DataFrame | None = None,
               unit: str = "lemma", lang: str | None = None, **options) -> pd.DataFrame:
    """Keyness of one group of a corpus against another group or (default) all other groups.

    >>> toks = pd.DataFrame({"article_id": list("aabb"), "sentence": [0] * 4,
    ...     "lemma": ["Krieg", "Krieg", "Frieden", "Krieg"], "source": list("xxyy")})
    >>> keyness_by(toks, "source", "y", min_freq=1)["term"].tolist()
    ['Frieden', 'Krieg']
    """
    freq = frequencies(tokens, by=by, articles=articles, unit=unit, lang=lang)
    groups = pd.unique(freq["group"])
    if target not in set(groups):
        raise InputError(f"target group {target!r} not found in {by!r}; groups with tokens: {', '.join(map(str, groups[:20]))}")
    t = freq[freq["group"] == target]
    if reference is None:
        r = freq[freq["group"] != target]
        if not len(r):
            raise InputError(f"reference: no group other than {target!r} has tokens")
    else:
        if reference not in set(groups):
            raise InputError(f"reference group {reference!r} not found in {by!r}; groups with tokens: {', '.join(map(str, groups[:20]))}")
        r = freq[freq["group"] == reference]
    return keyness(t, r, unit=unit, lang=lang, **options)


def wordfreq_reference(lang: str = "de", *, terms=None, size: float = WORDFREQ_SIZE,
                       wordlist: str = "large") -> pd.DataFrame:
    """wordfreq's general-language frequencies as a reference table (``term``, ``n``, ``total``).

    wordfreq gives proportions, not counts: ``n = frequency × size`` with a nominal reference
    size (default 10^9 tokens). A term with a hyphen or another non-letter that is not in the
    list gets wordfreq's own estimate from its parts (``wordfreq.word_frequency``: the parts'
    frequencies combined as 1/f = Σ 1/fᵢ); other missing terms get ``n = 0`` (keyness then
    smooths them). Terms are looked up as written and case-folded, as wordfreq stores them
    (``äußern`` as ``äussern``). ``terms`` restricts the table to those (lower-cased) terms.

    >>> wordfreq_reference("de", terms=["der", "xqzv", "äußern"])["n"].gt(0).tolist()
    [True, False, True]
    """
    import wordfreq

    require_positive(size, name="size")
    if lang not in wordfreq.available_languages(wordlist):
        raise InputError(f"wordfreq has no {wordlist!r} list for {lang!r}")
    freqs = wordfreq.get_frequency_dict(lang, wordlist)
    if terms is None:
        words = list(freqs)
    else:
        words = [str(t).lower() for t in terms]
    f = np.array([freqs.get(w, freqs.get(w.casefold(), 0.0)) for w in words], dtype=float)  # its keys spell ß as ss
    for i, w in enumerate(words):
        if f[i] == 0.0 and not w.isalpha():  # US-Präsident: wordfreq's own estimate from its parts
            f[i] = wordfreq.word_frequency(w, lang, wordlist)
    n = f * size
    return pd.DataFrame({"term": words, "n": n, "total": size})


def read_frequency_list(path: str | Path, *, errors: str = "skip") -> pd.DataFrame:
    """A reference frequency list: ``term<TAB>count`` or ``count<TAB>term`` per line.

    Blank lines and ``#`` comments are ignored, a first line without a number is taken as
    a header; ``.csv``/``.parquet`` files need ``term`` and ``n`` columns. Malformed lines
    (no count, a negative or non-numeric count, more than two fields) are skipped with a
    warning naming their line numbers (``errors="skip"``, the default) or raise
    :class:`InputError` (``errors="raise"``). Duplicate terms are summed. The skipped line
    numbers are in ``result.attrs["skipped_lines"]``.

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "ref.tsv"
    >>> _ = f.write_text("Krieg\\t120\\n55\\tFrieden\\nkaputt\\n", encoding="utf-8")
    >>> ref = read_frequency_list(f)
    >>> ref.values.tolist(), ref.attrs["skipped_lines"]
    ([['Krieg', 120.0], ['Frieden', 55.0]], [3])
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: reference frequency list not found")
    if path.suffix in (".csv", ".parquet"):
        df = read_table(path)
        require_columns(df, ["term", "n"], table=str(path))
        return df.groupby("term", as_index=False, sort=False)["n"].sum()
    terms, counts, bad = [], [], []
    with path.open(encoding=text_encoding(path), errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t") if "\t" in line else line.split()
            fields = [f.strip() for f in fields if f.strip()]
            parsed = _parse_pair(fields)
            if parsed is None:
                if lineno == 1 and not any(_number(f) is not None for f in fields):
                    continue  # header
                bad.append(lineno)
                if errors == "raise":
                    raise InputError(f"{path}:{lineno}: expected 'term<TAB>count', found {line[:60]!r}")
                continue
            terms.append(parsed[0])
            counts.append(parsed[1])
    if bad:
        log.warning("%s: skipped %d malformed line(s): %s", path, len(bad), ", ".join(map(str, bad[:10])))
    df = pd.DataFrame({"term": terms, "n": counts})
    df = df.groupby("term", as_index=False, sort=False)["n"].sum()
    if not len(df):
        raise InputError(f"{path}: no 'term<TAB>count' lines found")
    df.attrs["skipped_lines"] = bad
    return df


def _number(s: str) -> float | None:
    try:
        v = float(s)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def _parse_pair(fields: list[str]) -> tuple[str, float] | None:
    if len(fields) != 2:
        return None
    x, y = _number(fields[0]), _number(fields[1])
    if x is None and y is not None and y >= 0:
        return fields[0], y
    if y is None and x is not None and x >= 0:
        return fields[1], x
    return None


def load_reference(paths, *, unit: str = "lemma", lang: str | None = None, progress: bool = False):
    """A keyness reference from the command line's ``--reference``: ``"wordfreq"``, a frequency
    list (``.txt``/``.tsv``, see :func:`read_frequency_list`), a frequency table (``.csv``/
    ``.parquet`` with ``term`` and ``n``) or corpora/token tables, counted as they stream
    (:func:`analysis.terms.corpus_frequencies`).
    """
    from analysis.terms import corpus_frequencies

    paths = [str(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths)]
    if paths == ["wordfreq"]:
        return "wordfreq"
    if len(paths) == 1:
        p = Path(paths[0])
        if p.suffix in (".txt", ".tsv") and p.is_file():
            return read_frequency_list(p)
        if p.suffix in (".csv", ".parquet") and p.is_file():
            if {"term", "n"} <= set(table_columns(p)):
                return read_frequency_list(p)
    return corpus_frequencies(paths, unit=unit, lang=lang, progress=progress)
