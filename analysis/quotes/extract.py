"""The quotes table: the passes of :mod:`analysis.quotes.rules` run over each article."""
from __future__ import annotations

import logging

import pandas as pd
from tqdm.auto import tqdm

from analysis.errors import require_columns
from analysis.quotes.article import Article
from analysis.quotes.lexicon import lexicon
from analysis.quotes.prefilter import TokenGroups, features, role_nouns, sentence_groups
from analysis.quotes.tokens import Quote
from analysis.runtime import gc_paused
from analysis.segment import article_languages, segment

log = logging.getLogger(__name__)

QUOTE_COLUMNS = [
    "article_id", "quote_id", "kind", "rule", "text", "spans", "cue", "cue_span", "speaker_mention",
    "speaker_span", "speaker", "speaker_resolution", "confidence",
    "cue_spans", "speaker_spans", "frame_spans", "addressee_spans", "sentence", "lang", "turn_id",
]
KINDS = ("direct", "indirect", "mixed", "free_indirect", "reported", "turn")
RECORD_SPEAKER_COLUMNS = ("speaker", "meta.speaker")  # a record-level speaker, as loaders name it


def _empty_quotes() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in QUOTE_COLUMNS})


def extract_quotes(articles: pd.DataFrame, sentences: pd.DataFrame | None = None,
                   tokens: pd.DataFrame | None = None, *, lang: str | None = None,
                   actors=None, resolve: bool = True, min_confidence: float = 0.0,
                   nested: bool | None = None, merge: bool | None = None,
                   prefilter: bool = True, record_speaker: str | None = None,
                   progress: bool = False) -> pd.DataFrame:
    """The ``quotes`` table of ``articles``: one row per quotation (see module docstring).

    ``sentences`` and ``tokens`` are the tables of :func:`analysis.segment.segment`; they are
    computed when not given. ``lang`` overrides the articles' ``lang`` column. ``actors`` is an
    optional alias table (DataFrame or CSV/YAML path with columns actor, alias, lang) handed to
    :func:`analysis.speakers.resolve_speakers`; ``resolve=False`` leaves ``speaker`` as the mention.
    Quotations below ``min_confidence`` are dropped.

    Two conventions differ between annotation schemes and are options (None = the language's
    default): ``nested`` emits a quoted part inside an indirect quotation also as a direct
    quotation of its own (default for German, as in the German news quotation dataset);
    ``merge`` joins a framed direct quotation and the frameless one right after it
    (``“A,” he said. “B.”``) into one discontinuous quotation (default for English, as in PolNeAR).
    ``prefilter=False`` runs the rules on every sentence instead of only those the pre-filter
    lets through (:mod:`analysis.quotes.prefilter`); the answers are the same, only slower.

    Transcripts: speaker labels (``MS. PSAKI:``, ``Präsidentin Bärbel Bas:``) make turns, quotations
    of kind ``turn`` (:mod:`analysis.quotes.turns`); ``record_speaker`` names a column of ``articles``
    with each record's speaker (default: ``speaker`` or ``meta.speaker`` if present), whose texts
    without labels are one turn of that speaker. First person inside a turn is its speaker.

    Columns: article_id, quote_id, kind, rule (the rule that found the quotation, see
    :func:`analysis.quotes.quote_rules`), text (the quoted text; parts of a discontinuous quote
    joined by " … "), spans (list of [start, end]), cue, cue_span, speaker_mention, speaker_span,
    speaker, speaker_resolution, confidence, plus cue_spans, speaker_spans, frame_spans (lists of
    [start, end]), sentence (index of the first sentence), lang and turn_id (the quote_id of the
    turn the quotation is part of, else None).

    >>> import pandas as pd
    >>> art = pd.DataFrame({"article_id": ["x"], "lang": ["de"],
    ...                     "text": ["Laut Polizei wurden drei Menschen verletzt."]})
    >>> extract_quotes(art)[["kind", "text", "cue", "speaker"]].values.tolist()
    [['indirect', 'wurden drei Menschen verletzt', 'Laut', 'Polizei']]
    """
    require_columns(articles, ["article_id", "text"], table="articles")
    if articles.empty:
        return _empty_quotes()
    with gc_paused():
        return _extract_quotes(articles, sentences, tokens, lang=lang, actors=actors, resolve=resolve,
                               min_confidence=min_confidence, nested=nested, merge=merge, prefilter=prefilter,
                               record_speaker=record_speaker, progress=progress)


def _record_context(articles: pd.DataFrame, column: str | None) -> tuple[list, list]:
    """Each article's title and record speaker (None where the column is absent or empty)."""
    if column is not None:
        require_columns(articles, [column], table="articles")
    else:
        column = next((c for c in RECORD_SPEAKER_COLUMNS if c in articles.columns), None)
    n = len(articles)
    titles = articles["title"].fillna("").astype(str).tolist() if "title" in articles.columns else [""] * n
    speakers = [s if isinstance(s, str) and s.strip() else None
                for s in (articles[column].tolist() if column else [None] * n)]
    return titles, speakers


def _extract_quotes(articles: pd.DataFrame, sentences, tokens, *, lang, actors, resolve, min_confidence,
                    nested, merge, prefilter, record_speaker, progress) -> pd.DataFrame:
    langs = article_languages(articles, lang)
    if sentences is None or tokens is None:
        seg = segment(articles.assign(lang=langs), progress=progress)
        sentences, tokens = seg.sentences, seg.tokens
    require_columns(sentences, ["article_id", "sentence", "paragraph", "start", "end"], table="sentences")
    require_columns(tokens, ["article_id", "sentence", "start", "end", "text", "lower", "lemma"], table="tokens")
    feats, art_ids = features(tokens, dict(zip(articles["article_id"], langs)), every_sentence=not prefilter)
    sent_groups = sentence_groups(sentences)
    tok_groups = TokenGroups(feats, art_ids)
    roles = role_nouns(feats, art_ids, langs=dict(zip(articles["article_id"], langs)))
    rows = []
    iterator = zip(articles["article_id"].tolist(), articles["text"].tolist(), langs,
                   *_record_context(articles, record_speaker))
    for article_id, text, lg, title, speaker in tqdm(iterator, total=len(articles), disable=not progress,
                                                     desc="quotes", unit="art"):
        if not isinstance(text, str) or not text.strip():
            continue
        s_rows = sent_groups.get(article_id)
        if s_rows is None or article_id not in tok_groups.index:
            continue
        numbers, sents = s_rows
        order = {k: n for n, k in enumerate(numbers)}
        toks = tok_groups.article(article_id, order, len(sents))
        try:
            art = Article(text, sents, toks, lexicon(lg), prefilter=prefilter, title=title, record_speaker=speaker)
            art.trig, art.moody = toks.trig, toks.moody
            if nested is not None:
                art.nested = nested
            if merge is not None:
                art.merge_continued = merge
            found = art.analyse()
        except Exception:  # never let one odd article stop a corpus run
            log.exception("quotation rules failed on article %r; it gets no quotations", article_id)
            continue
        turn_number = {id(q.turn): n for n, q in enumerate(found) if q.kind == "turn"}
        for n, q in enumerate(found):
            turn = turn_number.get(id(q.turn)) if q.turn is not None else None
            rows.append(_row(article_id, n, q, text, lg, None if turn is None else f"{article_id}-q{turn}"))
    if not rows:
        return _empty_quotes()
    quotes = pd.DataFrame(dict(zip(QUOTE_COLUMNS, map(list, zip(*rows)))), columns=QUOTE_COLUMNS)
    quotes = quotes[quotes["confidence"] >= min_confidence].reset_index(drop=True)
    if resolve:
        from analysis.speakers import resolve_speakers
        quotes = resolve_speakers(quotes, articles, actors=actors, role_nouns=roles)
    return quotes


def _row(article_id, n: int, q: Quote, text: str, lang: str, turn_id: str | None) -> tuple:
    """The values of one quotation, in the order of ``QUOTE_COLUMNS``."""
    spans = [[int(s), int(e)] for s, e in sorted(q.spans)]
    cue = sorted(q.cue)
    speaker = q.speaker
    named = q.kind == "turn"  # a turn's speaker is its label's person or the record's, not the label's text
    return (
        article_id, f"{article_id}-q{n}", q.kind, q.rule,
        " … ".join(text[s:e] for s, e in spans), spans,
        " ".join(text[s:e] for s, e in cue), [cue[0][0], cue[-1][1]] if cue else None,
        q.speaker_name if named else " ".join(text[s:e] for s, e in speaker) if speaker else None,
        list(speaker[0]) if speaker else None,
        None, "inherited" if q.inherit and speaker else ("explicit" if speaker or q.speaker_name else "none"),
        float(q.confidence), [list(c) for c in cue],
        [list(s) for s in speaker], [list(f) for f in q.frame],
        [list(a) for a in q.addressee],
        q.sentence, lang, turn_id,
    )
