"""Scoring the actor behind each quotation against labels written by reading the articles.

A label file (TSV, one row per gold quotation) names who speaks: ``document`` and
``annotation`` (the ids of the German news quotation dataset; the gold ``quote_id`` is
``gnq-<document>-q<annotation>``), ``mention_kind`` (what the gold speaker span is: ``name``,
``pronoun``, ``role``, ``source``, ``other``, or ``none`` when no speaker is annotated) and the
actor, either as text (``actor``, the fullest form the article uses, and ``aliases``,
``|``-separated other forms naming it) or as keys (``actor_key``, ``alias_keys``: the first 12
hex digits of the SHA-1 of the normalised name, see :func:`actor_key`). The file we
ship, ``analysis/evaluate/labels/``, holds ids and keys only, none of the dataset's text; its
``actor_span`` (start-end in the article's text where the actor is written so, else empty) lets
a reader with the dataset check a label. An empty actor: a reader cannot tell who speaks.

Measures, over the gold quotations with an actor:

* **speaker entity accuracy** = correct / labelled, where a quotation is correct when the system
  quotation aligned to it is a match (:func:`analysis.evaluate.quotes.score_quotes`) and its
  ``speaker`` equals the actor or one of its aliases after case-folding, collapsing spaces and
  dropping words written in lower case (:func:`normalise`: "Regierung" names "die chinesische
  Regierung", "Rafael Nadal" is not "Nadal").
  A quotation the system missed counts as wrong (the reader's question is "who is quoted?").
  Also given over the matched quotations only, and per mention kind.
* **junk speakers** (:func:`junk_speakers`, no labels needed): the share of attributed
  quotations whose ``speaker`` is a pronoun (``pronouns.tsv``), is written in lower case without
  a role or group noun (a fragment such as "denen", "as you"; "industry leaders" is a group), or
  is a closed-class word (``function_words.tsv``: an
  adverb, conjunction, preposition or article such as "Demgegenüber", "Danach").
* **actor consistency**: for every actor with two or more matched quotations in the corpus (actors
  are compared by their normalised name across documents), the share of those quotations that
  carry the actor's most frequent system speaker (a missing speaker is a value of its own);
  pooled over quotations. 1.0 means one system name per actor, whatever that name is.

>>> labels = pd.DataFrame({"quote_id": ["q1", "q2"], "mention_kind": ["name", "pronoun"],
...                        "actor": ["Wladimir Putin", "Wladimir Putin"], "aliases": [[], []]})
>>> gold = pd.DataFrame({"quote_id": ["q1", "q2"]})
>>> pred = pd.DataFrame({"speaker": ["Wladimir Putin", "Kim Jong Un"]})
>>> alignment = pd.DataFrame({"gold": [0, 1], "system": [0, 1], "matched": [True, True]})
>>> s = score_actors(alignment, pred, gold, labels)
>>> s.summary["speaker_entity_accuracy"], s.summary["actor_consistency"]
(0.5, 0.5)
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.errors import InputError, require_columns
from analysis.resources import table, wordlist

LABELS_DIR = Path(__file__).resolve().parent / "labels"
KINDS = ("name", "pronoun", "role", "source", "other", "none")
_SPACE = re.compile(r"\s+")


def normalise(name) -> str:
    """The capitalised words of a name, case-folded, with single spaces: articles and adjectives
    written in lower case do not decide (``" Wladimir  PUTIN"`` → ``"wladimir putin"``,
    ``"die chinesische Regierung"`` → ``"regierung"``).

    >>> normalise("chinesische Medien") == normalise("Medien"), normalise("Ursula von der Leyen")
    (True, 'ursula leyen')
    """
    if not isinstance(name, str):
        return ""
    words = _SPACE.sub(" ", name).strip().split(" ")
    return " ".join(w for w in words if not w[:1].islower()).casefold() or " ".join(words).casefold()


LABEL_FILES = {("german-news-quotes", "dev"): "actors-de-dev.tsv",
               ("german-news-quotes", "train"): "actors-de-train.tsv"}  # dataset, split -> shipped labels


def default_labels(dataset: str, split: str) -> Path:
    """The label file shipped for a dataset split (it may not exist)."""
    return LABELS_DIR / LABEL_FILES.get((dataset, split), f"actors-{dataset}-{split}.tsv")


def sample_order(documents, *, salt: str = "actors-de-train") -> list[str]:
    """Documents in the order the label files draw them: by SHA-1 of ``<salt>:<document>``.

    ``actors-de-train.tsv`` labels the first 400 train documents of this order (the number in
    the dataset's file name), in batches of 60, 40, 60, 60, 60, 60 and 60; a further batch
    continues it from the 401st.

    >>> sample_order(["1265", "2028", "3002", "1229"])
    ['1229', '3002', '2028', '1265']
    """
    docs = {str(d).strip() for d in documents}
    return sorted(docs, key=lambda d: hashlib.sha1(f"{salt}:{d}".encode("utf-8")).hexdigest())


def batch_documents(documents, batch: str, *, salt: str = "actors-de-train") -> list[str]:
    """The documents ``START:END`` of :func:`sample_order` (1-based, both ends included: the
    label batches "1:220", "221:280").

    >>> batch_documents(["1265", "2028", "3002", "1229"], "2:3")
    ['3002', '2028']
    """
    start, sep, end = str(batch).partition(":")
    if not (sep and start.isdigit() and end.isdigit() and 1 <= int(start) <= int(end)):
        raise InputError(f"a batch is START:END with 1 <= START <= END (e.g. 1:220); got {batch!r}")
    return sample_order(documents, salt=salt)[int(start) - 1:int(end)]


def actor_key(name) -> str:
    """The key of an actor name: SHA-1 of its :func:`normalise` form, 12 hex digits ('' for none).

    >>> actor_key("die chinesische Regierung") == actor_key("Regierung"), len(actor_key("Putin")), actor_key("")
    (True, 12, '')
    """
    norm = normalise(name)
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:12] if norm else ""


def read_actor_labels(path) -> pd.DataFrame:
    """Read a label file into ``quote_id``, ``mention_kind``, ``actor_key``, ``alias_keys`` (list).

    Unknown mention kinds, repeated annotations and a file with neither ``actor`` nor
    ``actor_key`` are an :class:`InputError` naming the lines or columns.
    """
    path = Path(path)
    try:
        df = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read actor labels ({exc})") from None
    require_columns(df, ["document", "annotation", "mention_kind"], table=str(path))
    if "actor" not in df.columns and "actor_key" not in df.columns:
        raise InputError(f"{path}: needs an actor or an actor_key column (has: {', '.join(df.columns)})")
    bad = df.index[~df["mention_kind"].isin(KINDS)]
    if len(bad):
        raise InputError(f"{path}: unknown mention_kind on lines {[int(i) + 2 for i in bad[:10]]} "
                         f"(known: {', '.join(KINDS)})")
    qid = "gnq-" + df["document"].str.strip() + "-q" + df["annotation"].str.strip()
    dup = qid[qid.duplicated(keep=False)]
    if len(dup):
        raise InputError(f"{path}: annotations labelled twice on lines {[int(i) + 2 for i in dup.index[:10]]}")
    return keyed_labels(df.assign(quote_id=qid))


def keyed_labels(labels: pd.DataFrame) -> pd.DataFrame:
    """Labels with ``actor_key`` and ``alias_keys``, from ``actor``/``aliases`` text when given."""
    if "actor_key" in labels.columns:
        keys = labels["actor_key"].str.strip()
        alias = labels["alias_keys"] if "alias_keys" in labels.columns else pd.Series("", index=labels.index)
        alias_keys = [list(v) if isinstance(v, list) else [a for a in str(v).split("|") if a] for v in alias]
    else:
        keys = labels["actor"].map(actor_key)
        alias = labels["aliases"] if "aliases" in labels.columns else pd.Series("", index=labels.index)
        alias_keys = [[actor_key(a) for a in (v if isinstance(v, list) else str(v).split("|")) if actor_key(a)]
                      for v in alias]
    return pd.DataFrame({"quote_id": labels["quote_id"], "mention_kind": labels["mention_kind"],
                         "actor_key": keys, "alias_keys": alias_keys})


@dataclass
class ActorScores:
    """Result of :func:`score_actors`: a flat ``summary`` and the per-kind table."""

    summary: dict
    by_mention: pd.DataFrame = field(repr=False)
    rows: pd.DataFrame = field(repr=False)  # one row per labelled gold quotation


def score_actors(alignment: pd.DataFrame, pred: pd.DataFrame, gold: pd.DataFrame,
                 labels: pd.DataFrame) -> ActorScores:
    """Entity accuracy and consistency of ``pred["speaker"]`` against ``labels`` (see module doc)."""
    require_columns(alignment, ["gold", "system", "matched"], table="alignment")
    require_columns(gold, ["quote_id"], table="gold quotes")
    require_columns(labels, ["quote_id", "mention_kind"], table="actor labels")
    labels = keyed_labels(labels)
    speakers = pred["speaker"] if "speaker" in pred.columns else pd.Series(None, index=pred.index)
    by_qid = {}
    for g, s, m in alignment[["gold", "system", "matched"]].itertuples(index=False):
        by_qid[gold.at[g, "quote_id"]] = (speakers.get(s) if m and s is not None and not pd.isna(s) else None, bool(m))
    rows = []
    for qid, kind, key, alias_keys in labels[["quote_id", "mention_kind", "actor_key", "alias_keys"]].itertuples(
            index=False):
        if not key or qid not in by_qid:
            continue
        system, matched = by_qid[qid]
        ok = matched and actor_key(system) in {key, *alias_keys}
        rows.append({"quote_id": qid, "mention_kind": kind, "actor_key": key, "system": system,
                     "matched": matched, "correct": bool(ok)})
    rows = pd.DataFrame(rows, columns=["quote_id", "mention_kind", "actor_key", "system", "matched", "correct"])
    by_mention = (rows.groupby("mention_kind").agg(n=("correct", "size"), matched=("matched", "sum"),
                                                   correct=("correct", "sum"))
                  .reindex([k for k in KINDS if k in set(rows["mention_kind"])]).reset_index())
    by_mention["accuracy"] = by_mention["correct"] / by_mention["n"]
    by_mention["accuracy_matched"] = by_mention["correct"] / by_mention["matched"].where(by_mention["matched"] > 0)
    matched = rows[rows["matched"]]
    summary = {
        "speaker_entity_accuracy": float(rows["correct"].mean()) if len(rows) else 0.0,
        "speaker_entity_accuracy_matched": float(matched["correct"].mean()) if len(matched) else 0.0,
        "actor_consistency": _consistency(matched),
        "n_labelled": len(rows), "n_labelled_matched": len(matched),
        **{f"speaker_entity_accuracy_{k}": float(a) for k, a in zip(by_mention["mention_kind"], by_mention["accuracy"])},
    }
    return ActorScores(summary, by_mention, rows)


JUNK_CLASSES = ("adv", "sentence_adv", "conj", "prep", "det", "placeholder", "comp")


def junk_speakers(quotes: pd.DataFrame, *, lang: str = "de") -> pd.Series:
    """Why each quotation's ``speaker`` is no actor ('' when it is one or empty): ``pronoun``
    (also a pronoun with a contraction or the words after it, "I’m just"), ``lower-case``,
    ``function word`` or ``label`` (a transcript's conversation label glued to words, "Q Karine";
    ``turn_labels.tsv``).

    >>> q = pd.DataFrame({"speaker": ["Wladimir Putin", "er", "denen", "Demgegenüber", None]})
    >>> junk_speakers(q).tolist()
    ['', 'pronoun', 'lower-case', 'function word', '']
    >>> junk_speakers(pd.DataFrame({"speaker": ["We’re going", "Q Karine"]}), lang="en").tolist()
    ['pronoun', 'label']
    """
    require_columns(quotes, ["speaker"], table="quotes")
    from analysis.speaker_names import name_cap, role_of
    from analysis.speakers import _resources

    roles = _resources(lang)[1]
    refs = table(lang, "reference_words")
    pron = set(table(lang, "pronouns")["form"].str.lower()) | set(
        refs.loc[refs["class"].isin(["first_person", "second_person"]), "word"])
    labels = table(lang, "turn_labels")
    conversation = set(labels.loc[labels["role"] != "heading", "label"]) - {
        w for w in labels["label"] if w.lower() in wordlist(lang, "stopwords")}  # not the article "A"
    fw = table(lang, "function_words")
    closed = set(fw.loc[fw["class"].isin(JUNK_CLASSES), "word"].str.lower())

    def reason(name) -> str:
        if not isinstance(name, str) or not name.strip():
            return ""
        words = name.split()
        low = name.strip().lower()
        head = re.split(r"[’']", words[0])[0].lower()
        rest_lower = all(w[:1].islower() for w in words[1:])
        if not (name.isupper() and len(name) > 1) and (low in pron or head in pron and (len(words) <= 2 or rest_lower)):
            return "pronoun"
        if words[0] in conversation and len(words) > 1:
            return "label"  # "Q Two": a transcript's label glued to the words after it
        if not name_cap(words[0], lang) and not any(w[:1].isupper() for w in words[1:]) and not any(
                role_of(w, roles) for w in words):
            return "lower-case"
        if low in closed:
            return "function word"
        return ""

    return quotes["speaker"].map(reason).rename("junk")


def _consistency(matched: pd.DataFrame) -> float:
    keyed = matched.assign(key=matched["actor_key"], name=matched["system"].map(normalise))
    groups = keyed.groupby("key")["name"]
    sizes = groups.size()
    many = sizes[sizes >= 2].index
    if not len(many):
        return 1.0
    top = groups.agg(lambda s: s.value_counts().iloc[0])
    return float(top[many].sum() / sizes[many].sum())
