"""Relations between actors: who does what to whom, as event dyads (source → target).

Every event the event lexicon finds in a sentence (:func:`analysis.events.find_events`) becomes a
row of the **relations** table, with a **source** (who acts) and a **target** (whom it is
done to, or with whom), both actors found in the sentence (:mod:`analysis.actor_mentions`:
countries, capitals, organisations, the actors of an actors table). The rules, in order:

* **source**: a mention that opens the event's clause before the event word ("**Russland**
  unterstütze …, sagte Putin"); else, inside a quotation with a speaker, the speaker (not a news
  medium: "Wir werden die Ukraine unterstützen", sagte Scholz); otherwise a
  mention marked as an agent before the event word ("die **von den USA** geführten Sanktionen");
  else the nearest unmarked mention before the event word in its clause (the subject: "**Putin**
  traf sich mit Kim"); else an agent after it ("sanctions imposed **by the EU**", "der Besuch
  **von Putin**"); else, for German and for
  nouns, the nearest unmarked mention after it in the clause ("Daran nahmen **Russland** … teil",
  "das Treffen **des nordkoreanischen Staatschefs** mit Putin"); else the nearest unmarked
  mention earlier in the sentence ("**Moskau** setzt sich dafür ein, dass die Sanktionen …
  gelockert werden").
* **target**: the nearest mention after a partner word in the event's clause (``relation_markers.tsv``:
  "mit den USA", "gegen Russland", "sanctions on Iran", "talks with Kim"), after the event word
  first; else, for verbs, the nearest unmarked mention after the event word in its clause that is
  not the source (the object: "Putin besuchte **China**", "Russia attacked **Ukraine**"; in German
  also before a clause-final verb: "wir werden **die Ukraine** unterstützen"); else a
  mention coordinated with the source ("**Kim Jong Un** und **Wladimir Putin** haben … ein
  Gespräch beendet"); else a mention after an agent word following the event word, once a
  source is known ("unterstützt die Bemühungen **von Kim**").
* A target that is the source's own actor is dropped (no relation to itself).
* **criticism** (a sentence without an event word whose tone is clearly negative,
  :func:`analysis.events.criticism`): a DISAPPROVE row whose source is the speaker of its
  quotation (the critic; None outside a quotation, where the critic is the text's author) and
  whose target is the first actor the sentence names other than the speaker (whom the criticism is
  about: "„Die **Regierung** hat die Öffentlichkeit getäuscht“, sagte Merz"); its offsets are the sentence's.

Rows keep every event, also those without a source or a target (``source``/``target`` None):
nothing found is nothing lost. :func:`dyads_by` aggregates the complete dyads.

>>> import pandas as pd
>>> s = pd.DataFrame({"article_id": ["a"], "sentence": [0], "start": [0], "lang": ["de"],
...                   "text": ["Moskau setzt sich dafür ein, dass die Sanktionen gegen Pjöngjang gelockert werden."]})
>>> extract_relations(s)[["source", "target", "event", "goldstein"]].values.tolist()
[['Russland', 'Nordkorea', 'RETREAT', 3.75]]
"""
from __future__ import annotations

import json
import logging
from functools import cache

import numpy as np
import pandas as pd

from analysis.actor_mentions import (
    ActorNames,
    Mention,
    actor_names,
    find_mentions,
    gazetteer,
)
from analysis.actor_names import actor_id
from analysis.errors import InputError, require_columns
from analysis.events import (
    CAPITALISED_NOUNS,
    available_languages,
    criticism,
    find_events,
)
from analysis.resources import table
from analysis.sentiment.aggregate import grouped_intervals, with_group_keys
from analysis.sentiment.lexicon import lexicon as tone_lexicon
from analysis.sentiment.parameters import PUNCT, TOKEN_RE
from analysis.statements import span_pairs

log = logging.getLogger(__name__)

RELATION_COLUMNS = ["article_id", "sentence", "quote_id", "source", "source_actor_id", "target", "target_actor_id",
                    "event", "quad_class", "goldstein", "polarity", "hits", "lang", "start", "end", "term",
                    "event_context", "source_mention", "source_rule", "target_mention", "target_rule"]
MARKER_GAP = 3           # words allowed between a partner word and its mention ("mit dem US-Präsidenten")
_PUNCT = frozenset(PUNCT)


@cache
def _markers(lang: str) -> dict[str, str]:
    t = table(lang, "relation_markers")
    return dict(zip((w.lower() for w in t["word"]), t["role"]))


@cache
def _clause_words(lang: str) -> frozenset[str]:
    """Clause-opening words (the tone lexicon's clause markers) without the coordinating ones."""
    coord = {w for w, r in _markers(lang).items() if r == "coordination"}
    return frozenset(tone_lexicon(lang).clause_markers - coord - {"oder", "or"})


def _tokens(text: str, lang: str):
    """Token spans, lower-cased tokens and clause numbers of a sentence."""
    ms = list(TOKEN_RE.finditer(text))
    lows = [m.group().lower() for m in ms]
    words = _clause_words(lang)
    clause, c = [], 0
    for i, low in enumerate(lows):
        if low in _PUNCT or (i and low in words):
            c += 1
        clause.append(c)
    return ms, lows, clause


def _token_at(ms, pos: int) -> int:
    """Index of the token that holds character ``pos`` (or the first after it)."""
    for i, m in enumerate(ms):
        if m.end() > pos:
            return i
    return len(ms) - 1


def _mark(k: int, lows, ms, mentions_at: set[int], lang: str) -> tuple[str, int]:
    """The role of the mention starting at token ``k`` (target, agent, coordination or plain) and the
    token of its marker (``k`` when plain)."""
    markers = _markers(lang)
    for j in range(k - 1, max(-1, k - 2 - MARKER_GAP), -1):
        if lows[j] in _PUNCT or j in mentions_at:
            break
        if lows[j] in markers:
            return markers[lows[j]], j
    return "plain", k


class _Sentence:
    """The mentions of one sentence with their token positions, clauses and marks."""

    def __init__(self, text: str, lang: str, names: ActorNames):
        self.lang = lang
        self.ms, self.lows, self.clause = _tokens(text, lang)
        self.mentions: list[Mention] = find_mentions(text, lang, names=names)
        self.at = [_token_at(self.ms, m.start) for m in self.mentions]
        self.last = [_token_at(self.ms, m.end - 1) for m in self.mentions]
        starts = set(self.at)
        self.marks = [_mark(k, self.lows, self.ms, starts - {k}, lang) for k in self.at]

    def pick(self, trigger: int, *, noun: bool, speaker) -> tuple:
        """(source index or speaker, source rule, target index, target rule) for an event at ``trigger``."""
        c = self.clause[trigger]
        same = [j for j, k in enumerate(self.at) if self.clause[k] == c or self.clause[self.last[j]] == c]
        role = [r for r, _ in self.marks]
        src, src_rule = None, None
        opening = [j for j in same if role[j] == "plain" and self.at[j] < trigger and self._opens_clause(j)]
        if opening:
            src, src_rule = opening[0], "subject"
        elif speaker is not None:
            src, src_rule = "speaker", "speaker"
        else:
            agents = [j for j in same if role[j] == "agent"]
            agents_before = [j for j in agents if self.at[j] < trigger]
            before = [j for j in same if role[j] == "plain" and self.at[j] < trigger]
            after = [j for j in same if role[j] == "plain" and self.at[j] > trigger]
            earlier = [j for j, k in enumerate(self.at) if role[j] == "plain" and k < trigger and self.clause[k] < c]
            if agents_before:
                src, src_rule = agents_before[-1], "agent"
            elif before:  # German: the first of the clause ("Russland wird die Ukraine angreifen")
                src, src_rule = before[0] if self.lang in CAPITALISED_NOUNS else before[-1], "subject"
            elif agents:
                src, src_rule = agents[0], "agent"
            elif after and (noun or self.lang in CAPITALISED_NOUNS):
                src, src_rule = after[0], "subject-after"
            elif earlier:
                src, src_rule = earlier[-1], "sentence-subject"
        tgt, tgt_rule = self._target(trigger, same, role, src, noun=noun)
        return src, src_rule, tgt, tgt_rule

    def criticised(self, speaker_actor: str | None) -> tuple:
        """(source, source rule, target index, target rule) of criticism without an event word: the
        speaker criticises the first actor of the sentence that is not the speaker's own."""
        tgt = next((j for j, m in enumerate(self.mentions) if m.actor != speaker_actor), None)
        return ("speaker" if speaker_actor else None, "speaker" if speaker_actor else None,
                tgt, "criticised" if tgt is not None else None)

    def _opens_clause(self, j: int) -> bool:
        """Whether mention ``j`` starts its clause (after at most one word: "Der russische Präsident")."""
        k = self.at[j]
        start = next((i for i in range(k, -1, -1) if i == 0 or self.clause[i - 1] != self.clause[k]), 0)
        while start < k and self.lows[start] in _PUNCT:
            start += 1
        return k - start <= 1

    def _target(self, trigger: int, same, role, src, *, noun: bool):
        partners = [j for j in same if role[j] == "target" and j != src]
        after = [j for j in partners if self.at[j] > trigger]
        if after:
            return after[0], "partner"
        if partners:
            return partners[-1], "partner"
        if not noun:
            objects = [j for j in same if role[j] == "plain" and self.at[j] > trigger and j != src]
            if not objects and self.lang in CAPITALISED_NOUNS:  # verb-final: "… die Ukraine unterstützen"
                objects = [j for j in same if role[j] == "plain" and self.at[j] < trigger and j != src][::-1]
            if objects:
                return objects[0], "object"
        of = [j for j in same if role[j] == "agent" and self.at[j] > trigger and j != src]
        if of and src is not None:  # "unterstützt die Bemühungen von Kim"
            return of[0], "of"
        if isinstance(src, int):
            co = [j for j in range(len(self.mentions)) if j != src and role[j] == "coordination"
                  and self.marks[j][1] > self.last[src] and self.marks[j][1] - self.last[src] <= 4]
            if not co and role[src] == "coordination":
                co = [j for j in range(src) if role[j] in ("plain", "coordination")
                      and self.marks[src][1] - self.last[j] <= 4]
                co = co[-1:]
            if co:
                return co[0], "coordinated"
        return None, None


def _quote_index(quotes: pd.DataFrame | None) -> dict:
    """article_id → [(start, end, quote_id, speaker, actor_id)] from the quotes table's spans."""
    if quotes is None or len(quotes) == 0:
        return {}
    require_columns(quotes, ["article_id", "quote_id", "spans", "speaker"], table="quotes")
    out: dict = {}
    ids = quotes["actor_id"] if "actor_id" in quotes.columns else [None] * len(quotes)
    for aid, qid, spans, speaker, actor in zip(quotes["article_id"], quotes["quote_id"], quotes["spans"],
                                               quotes["speaker"], ids):
        if isinstance(spans, str):  # a quotes table read back from CSV holds its spans as JSON
            try:
                spans = json.loads(spans)
            except ValueError:
                raise InputError(f"quotes: quote {qid!r} has spans that are no list of [start, end] pairs: {spans[:40]!r}") from None
        for s, e in span_pairs(spans):
            out.setdefault(aid, []).append((s, e, qid, speaker, actor))
    for v in out.values():
        v.sort(key=lambda q: q[1] - q[0])  # the innermost quotation first
    return out


def _media(actors: pd.DataFrame | None) -> frozenset[str]:
    if actors is None or "kind" not in getattr(actors, "columns", ()):
        return frozenset()
    return frozenset(actors.loc[actors["kind"] == "media", "name"].dropna())


def _languages(sentences: pd.DataFrame, articles, lang: str | None, lang_col: str) -> list:
    if lang is not None:
        if lang not in available_languages():
            raise InputError(f"no event lexicon for language {lang!r} (have: {', '.join(available_languages())})")
        return [lang] * len(sentences)
    if lang_col in sentences.columns:
        return sentences[lang_col].tolist()
    if articles is not None and lang_col in articles.columns:
        return sentences["article_id"].map(articles.drop_duplicates("article_id").set_index("article_id")[lang_col]).tolist()
    raise InputError(f"sentences: no language given; pass lang='de' or 'en', a {lang_col!r} column, or articles= with one")


def _row(r, h, sent: _Sentence, picked, quote, polarity, lang, offset: int) -> dict:
    src, src_rule, tgt, tgt_rule = picked
    if src == "speaker":
        source, source_id = _speaker_actor(quote[3], quote[4], lang)
        source_mention = quote[3]
    elif src is not None:
        m = sent.mentions[src]
        source, source_id, source_mention = m.actor, m.actor_id, m.text
    else:
        source = source_id = source_mention = None
    if tgt is not None:
        m = sent.mentions[tgt]
        target, target_id, target_mention = m.actor, m.actor_id, m.text
        if target == source:
            target = target_id = target_mention = tgt_rule = None
    else:
        target = target_id = target_mention = None
    return {"article_id": r["article_id"], "sentence": r.get("sentence"), "quote_id": quote[2] if quote else None,
            "source": source, "source_actor_id": source_id, "target": target, "target_actor_id": target_id,
            "event": h["event"], "quad_class": h["quad_class"], "goldstein": float(h["value"]),
            "polarity": polarity, "hits": [h], "lang": lang, "start": offset + h["start"], "end": offset + h["end"], "term": h["term"], "event_context": h["context"],
            "source_mention": source_mention, "source_rule": src_rule, "target_mention": target_mention,
            "target_rule": tgt_rule}


def _speaker_actor(name: str, aid, lang: str) -> tuple[str, str]:
    """A speaker that is a place or institution of the gazetteer speaks for its state ("Moskau" → Russland)."""
    place = gazetteer(lang).places.get(name)
    if place is not None and place[0] != name:
        return place[0], actor_id(place[0])
    return name, aid if isinstance(aid, str) else actor_id(name)


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=float if c in ("goldstein", "polarity") else object) for c in RELATION_COLUMNS})


def extract_relations(sentences: pd.DataFrame, *, quotes: pd.DataFrame | None = None, actors: pd.DataFrame | None = None,
                      articles: pd.DataFrame | None = None, lang: str | None = None, lang_col: str = "lang",
                      progress: bool = False) -> pd.DataFrame:
    """The relations table: one row per event of every sentence, with its source and target actor.

    ``sentences``: ``article_id``, ``text`` (``sentence`` and ``start``, the sentence's offset in
    the article, are kept when present). ``quotes`` (with ``spans`` and ``speaker``, optionally
    ``actor_id``) makes the speaker the source of events inside a quotation; ``actors`` (a
    :func:`analysis.actors.build_actors` table) lets its names and aliases be found; ``articles``
    adds ``date`` (and gives the language when the sentences have none). ``polarity`` is the tone
    of the sentence (:func:`analysis.sentiment.score_sentiment`). Columns: :data:`RELATION_COLUMNS`
    (and ``date`` when known); ``hits`` holds the event hit (term, text, offsets, modifiers).

    >>> s = pd.DataFrame({"article_id": ["a"], "text": ["Russia imposed sanctions on Iran."]})
    >>> extract_relations(s, lang="en")[["source", "target", "event", "source_rule", "target_rule"]].values.tolist()
    [['Russia', 'Iran', 'SANCTION', 'subject', 'partner']]
    """
    from analysis.sentiment import score_sentiment

    require_columns(sentences, ["article_id", "text"], table="sentences")
    langs = _languages(sentences, articles, lang, lang_col)
    have = set(available_languages())
    texts = sentences["text"].tolist()
    ok = [isinstance(t, str) and lg in have for t, lg in zip(texts, langs)]
    skipped = sum(isinstance(t, str) and t.strip() != "" and lg not in have for t, lg in zip(texts, langs))
    if skipped:
        log.warning("relations: %d sentences in a language without an event lexicon (have: %s) have no events",
                    skipped, ", ".join(sorted(have)))
    quote_at = _quote_index(quotes)
    media = _media(actors)
    names = {lg: actor_names(actors, lang=lg) for lg in set(langs) if lg in have}
    polarity = np.zeros(len(sentences))
    labels = ["neutral"] * len(sentences)
    if any(ok):
        rows_ok = [i for i, k in enumerate(ok) if k]
        scored = score_sentiment(pd.DataFrame({"text": [texts[i] for i in rows_ok], "lang": [langs[i] for i in rows_ok]}),
                                 hits=False, events=False)
        polarity[rows_ok] = scored["polarity"].to_numpy()
        for i, label in zip(rows_ok, scored["label"]):
            labels[i] = label
    records = sentences.to_dict("records")
    it = range(len(records))
    if progress:
        from tqdm.auto import tqdm

        it = tqdm(it, desc="relations", unit="sentence")
    rows = []
    for i in it:
        if not ok[i]:
            continue
        r, lg = records[i], langs[i]
        hits = find_events(r["text"], lg) or [dict(h, end=len(r["text"]), text=r["text"]) for h in criticism(polarity[i], labels[i])]
        if not hits:
            continue
        sent = _Sentence(r["text"], lg, names[lg])
        offset = int(r["start"]) if pd.notna(r.get("start")) else 0
        for h in hits:
            at = offset + (h["start"] + h["end"]) // 2 if h["context"] == "criticism" else offset + h["start"]
            quote = next((q for q in quote_at.get(r["article_id"], ()) if q[0] <= at < q[1]), None)
            speaker = quote if quote is not None and isinstance(quote[3], str) and quote[3] not in media else None
            if h["context"] == "criticism":
                picked = sent.criticised(_speaker_actor(speaker[3], speaker[4], lg)[0] if speaker else None)
            else:
                trigger = _token_at(sent.ms, h["start"])
                noun = h["term"][:1].isupper() if lg in CAPITALISED_NOUNS else not _is_verb(h, lg)
                picked = sent.pick(trigger, noun=noun, speaker=speaker)
            rows.append(_row(r, h, sent, picked, quote if speaker is not None else None, float(polarity[i]), lg, offset))
    out = pd.DataFrame(rows, columns=RELATION_COLUMNS) if rows else _empty()
    if articles is not None and "date" in articles.columns and len(out):
        out["date"] = out["article_id"].map(articles.drop_duplicates("article_id").set_index("article_id")["date"])
    elif "date" in sentences.columns and len(out):
        out["date"] = out["article_id"].map(sentences.drop_duplicates("article_id").set_index("article_id")["date"])
    return out


@cache
def _verb_lemmas(lang: str) -> frozenset[str]:
    from analysis.events import event_lexicon

    return event_lexicon(lang).verbs


def _is_verb(hit: dict, lang: str) -> bool:
    return hit["term"].split(" + ")[0].lower() in _verb_lemmas(lang)


# --- aggregation ----------------------------------------------------------------------------

def _cooperation_and_polarity(g: pd.DataFrame) -> dict:
    row = {"n_cooperation": int(g["cooperation"].sum())}
    if "polarity" in g.columns:
        row["polarity"] = float(g["polarity"].astype(float).mean())
    return row


def dyads_by(relations: pd.DataFrame, by=("month",), *, directed: bool = True, date_col: str = "date",
             level: float = 0.95, min_n: int = 1) -> pd.DataFrame:
    """Events per dyad (source → target) and group, with intervals.

    Per dyad and group of ``by`` (column names; ``"month"`` is derived from ``date_col``; ``()``
    for none): ``n`` events; ``goldstein`` the mean weighted Goldstein value with ``goldstein_sd``
    and Student's t interval ``goldstein_lo``/``goldstein_hi`` = mean ± t(1 − (1 − level)/2, n − 1)
    · sd / √n (NaN for one event); ``n_cooperation``, ``n_conflict`` (events of positive and
    negative value) and ``share_conflict`` = n_conflict / n with its Wilson score interval
    ``share_conflict_lo``/``_hi`` = (p + z²/2n ± z √(p(1 − p)/n + z²/4n²)) / (1 + z²/n), z the
    normal quantile; ``polarity`` the mean tone of the events' sentences. With ``directed=False``
    A → B and B → A are one dyad (source and target in alphabetical order). Rows without a source
    or a target are left out (their number is logged). Sorted by ``n`` descending.

    >>> rel = pd.DataFrame({"source": ["Russland", "Russland", "Nordkorea"], "target": ["Nordkorea"] * 2 + ["Russland"],
    ...                     "goldstein": [1.0, 3.5, 1.0], "polarity": [0.2, 0.4, 0.0]})
    >>> dyads_by(rel, (), directed=False)[["source", "target", "n", "goldstein"]].values.tolist()
    [['Nordkorea', 'Russland', 3, 1.8333333333333333]]
    """
    require_columns(relations, ["source", "target", "goldstein"], table="relations")
    keys = [by] if isinstance(by, str) else list(by)
    df = relations[relations["source"].notna() & relations["target"].notna()]
    if len(df) < len(relations):
        log.info("dyads_by: %d of %d relations without a source or a target left out", len(relations) - len(df),
                 len(relations))
    df = with_group_keys(df, keys, date_col=date_col, table="relations")
    if not directed:
        pairs = [sorted((a, b)) for a, b in zip(df["source"], df["target"])]
        df = df.assign(source=[p[0] for p in pairs], target=[p[1] for p in pairs])
    df = df.assign(cooperation=df["goldstein"].astype(float) > 0, conflict=df["goldstein"].astype(float) < 0)
    cols = ["source", "target", *keys, "n", "goldstein", "goldstein_sd", "goldstein_lo", "goldstein_hi",
            "n_cooperation", "n_conflict", "share_conflict", "share_conflict_lo", "share_conflict_hi", "polarity"]
    out = grouped_intervals(df, ["source", "target", *keys], means=("goldstein",), shares=("conflict",), level=level,
                            min_n=min_n, extra=_cooperation_and_polarity)
    if out.empty:
        return pd.DataFrame(columns=cols)
    out = out[[c for c in cols if c in out.columns]]
    out.attrs["directed"] = directed  # for dyad_matrix: an undirected dyad is drawn in both cells
    return out
