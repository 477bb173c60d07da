"""Speaker resolution: from the mention in a speech frame to a canonical actor.

:func:`resolve_speakers` fills the ``speaker`` and ``speaker_resolution`` columns of a quotes
table (see :func:`analysis.quotes.extract_quotes`). Per article, in order:

1. **explicit names** keep their name part: determiners and a leading role description are
   dropped (``der russische Präsident Wladimir Putin`` → ``Wladimir Putin``) and the role is
   remembered for step 3; an inflected name takes the base form found in the article
   (``Kim Jong Uns`` → ``Kim Jong Un``, ``Putins`` → ``Putin``); a short form becomes the
   longest full name of the article containing it (``Putin`` → ``Wladimir Putin``).
2. **pronouns** (``er``, ``sie``, ``he``, ``they`` …; ``resources/<lang>/pronouns.tsv``) take the
   speaker of the nearest earlier quotation, else the nearest earlier name in the text
   (``speaker_resolution = "pronoun"``).
3. **roles** (``der Präsident``, ``der Kremlchef``; ``resources/<lang>/role_nouns.tsv``) take the
   actor introduced with the same role, or a role of the same office group, earlier in the
   article, else the office's holder on the article's date (:mod:`analysis.office_holders`) (``"role"``).
4. **nationalities**: a nationality adjective with a source noun names a country
   (``nach russischen Angaben`` → ``Russland``, but ``das russische Fernsehen`` stays;
   ``resources/<lang>/nationalities.tsv`` and ``source_nouns.tsv``; ``"nationality"``); the
   holder of any other source noun speaks (``Angaben der Polizei``, ``Polizeiangaben`` →
   ``Polizei``), and is resolved like a mention of its own.
5. **aliases**: an optional user table (columns ``actor``, ``alias``, optional ``lang``; a
   DataFrame or a CSV/YAML file) maps any resolved name or mention to its actor (``"alias"``),
   merging actors across articles.

Quotations whose speaker was inherited from a preceding quotation keep ``"inherited"``.

>>> import pandas as pd
>>> arts = pd.DataFrame({"article_id": ["a"], "lang": ["de"], "text": [
...     "Der russische Präsident Wladimir Putin kam. Er sprach. Der Präsident lachte."]})
>>> q = pd.DataFrame({"article_id": ["a", "a"], "speaker_mention": ["Er", "Der Präsident"],
...                   "speaker_span": [[44, 46], [55, 68]], "speaker_resolution": ["explicit", "explicit"]})
>>> resolve_speakers(q, arts)[["speaker", "speaker_resolution"]].values.tolist()
[['Wladimir Putin', 'pronoun'], ['Wladimir Putin', 'role']]
"""
from __future__ import annotations

import logging
import re
from functools import cache, cached_property
from pathlib import Path

import pandas as pd

from analysis.actor_names import actor_kind, kind_of
from analysis.clause_antecedent import main_clause_antecedent, nearest_subject_name, neuter_speaker, previous_subject
from analysis.coreference import (
    chain_subject,
    colon_subject,
    demonstrative_noun,
    described_organisation,
    name_before_apposition,
    opening_person,
    organisation_compound,
    organisation_of_role,
    person_antecedent,
    person_of_role,
    person_words,
    role_antecedent,
    subject_antecedent,
    subject_beside_source,
)
from analysis.errors import InputError, require_columns
from analysis.office_holders import document_holders, mention_country, office_not_country, sitting_holder
from analysis.pronoun_agreement import agrees, first_name_genders, verb_number
from analysis.resources import ROOT, table, word_class, wordlist
from analysis.role_words import find_role_words, inflected_role, office_noun, role_key, role_spans
from analysis.segment import lemmatize
from analysis.speaker_clauses import subject_after_verb
from analysis.speaker_mentions import headed_name, mention_head, name_part, names_itself, repair_mention
from analysis.speaker_pointers import continued_speakers, own_subject
from analysis.speaker_quantities import no_actor
from analysis.speaker_names import (
    GENITIVE_DETS, base_form, calendar_words, capitalised_word, drop_description, genders, held_full_name,
    name_cap, name_runs, name_words, noun_endings, role_of, trim_fragment,
)
from analysis.speaker_sources import (
    FUGEN_S,
    action_agent,
    adjective_holder,
    adjective_stem,
    countries_and_sources,
    country_of,
    earlier_holder,
    institution,
    is_source,
    nominative,
    possessive,
    sentence_case,
    source_head,
    source_holder,
    spokesperson_holder,
    unnamed_group,
)

log = logging.getLogger(__name__)

_NAME_TOKEN = re.compile(r"[A-ZÄÖÜ][\w\-’']*")
_TOKEN = re.compile(r"[\w\-’']+")
_COMMA_NAME = re.compile(r",(?=[ \t]+[A-ZÄÖÜ])")


@cache
def _name_run(lang: str) -> re.Pattern:
    """Capitalised words after white space, also "el-Masri" (:func:`capitalised_word`)."""
    return re.compile(rf"(?:[ \t]+{capitalised_word(lang, dots=False)})+")


@cache
def _apposed_run(lang: str) -> re.Pattern:
    """Capitalised words after white space with the name particles of ``lang`` between them
    ("Heike van Laak", "Ursula von der Leyen"; ``name_parts.tsv``)."""
    lead, inner, _ = name_words(lang)
    cap = capitalised_word(lang, dots=False)
    particles = "|".join(sorted(lead | inner))
    return re.compile(rf"[ \t]+{cap}(?:(?:[ \t]+(?:{particles}))*[ \t]+{cap})*" if particles else rf"(?:[ \t]+{cap})+")


_NAME_START = re.compile(r"[A-ZÄÖÜ]")
DEMONSTRATIVE_REACH = 300  # characters before a demonstrative pronoun in which its name is looked for (about two sentences)


@cache
def _resources(lang: str):
    lang = lang if (ROOT / lang / "pronouns.tsv").exists() else "de"
    pron = table(lang, "pronouns")
    roles = table(lang, "role_nouns")
    fw = table(lang, "function_words") if (ROOT / lang / "function_words.tsv").exists() else pd.DataFrame(
        {"word": [], "class": []})
    role_map = {r.lower(): (g, c) for r, g, c in zip(roles["role"], roles["group"], roles["country"])}
    dets = {w for w, c in zip(fw["word"], fw["class"]) if c in ("det", "adv", "sentence_adv", "conj")}
    preps = {w for w, c in zip(fw["word"], fw["class"]) if c == "prep"}
    head_ends = frozenset(w for w, c in zip(fw["word"], fw["class"]) if c == "head_end")
    return set(pron["form"]), role_map, dets, preps, head_ends


@cache
def _reference_words(lang: str) -> tuple[frozenset, frozenset, frozenset, frozenset, frozenset, frozenset]:
    """Relative pronouns that can stand for a speaker, possessives before a source noun, the
    possessives that point to the clause's own subject, the pronouns that name no actor here:
    first and second person, indefinite; the prepositions before a source's holder ("Angaben
    von Kritikern"); and first person alone (a turn's speaker) (``reference_words.tsv``)."""
    lang = lang if (ROOT / lang / "reference_words.tsv").exists() else "de"
    fw = table(lang, "reference_words")
    words = {c: frozenset(fw.loc[fw["class"] == c, "word"].str.lower())
             for c in ("relative", "possessive", "own", "first_person", "second_person", "indefinite", "holder_prep")}
    return (words["relative"], words["possessive"] | words["own"], words["own"],
            words["first_person"] | words["second_person"] | words["indefinite"], words["holder_prep"],
            words["first_person"])


def read_actors(source) -> pd.DataFrame:
    """An actor alias table (columns actor, alias, lang) from a DataFrame, CSV or YAML file.

    YAML may be a list of ``{actor, alias, lang}`` records or a mapping ``actor: [aliases]``.

    >>> read_actors(pd.DataFrame({"actor": ["Wladimir Putin"], "alias": ["Kremlchef"]}))["lang"].tolist()
    ['']
    """
    if source is None:
        return pd.DataFrame({"actor": [], "alias": [], "lang": []})
    if isinstance(source, pd.DataFrame):
        df = source.copy()
    else:
        path = Path(source)
        if not path.exists():
            raise InputError(f"actor table {path}: file not found (expected CSV or YAML with actor, alias, lang)")
        if path.suffix.lower() in (".yaml", ".yml"):
            import yaml
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                data = [{"actor": a, "alias": al, "lang": ""} for a, aliases in data.items()
                        for al in ([aliases] if isinstance(aliases, str) else (aliases or []))]
            df = pd.DataFrame(data or [])
        else:
            df = pd.read_csv(path, dtype=str, keep_default_na=False)
    require_columns(df, ["actor", "alias"], table="actors")
    if "lang" not in df.columns:
        df["lang"] = ""
    df = df.fillna("").astype({"actor": str, "alias": str, "lang": str})
    return df[["actor", "alias", "lang"]]


def _alias_index(actors: pd.DataFrame) -> dict:
    index = {}
    for actor, alias, lang in zip(actors["actor"], actors["alias"], actors["lang"]):
        for key in (alias, actor):
            if key:
                index.setdefault((key.lower(), lang), actor)
    return index


def _strip_genitive(name: str, known: set[str]) -> str:
    """``Kim Jong Uns`` → ``Kim Jong Un`` when the base form is known in the article."""
    if name.endswith(("s", "’s", "'s")):
        for base in (name[:-2], name[:-1]):
            if base in known:
                return base
    return name


class _ArticleEntities:
    """Names and role appositions of one article."""

    def __init__(self, text: str, lang: str, role_words: list | None = None):
        self.text = text
        self.pronouns, self.role_map, self.dets, self.preps, self.head_ends = _resources(lang)
        self.relatives, self.possessives, self.own, self.first_person, self.holder_preps, _ = _reference_words(lang)
        self.conjunctions = word_class(lang, "function_words", "conj")  # "AFP und Reuters"
        self.complementizers = word_class(lang, "function_words", "comp")  # "Wie", "Ob": no name's first word
        self.case_dets = word_class(lang, "function_words", "case_det")  # "des Präsidenten": singular
        self.stopwords = wordlist(lang if (ROOT / lang / "stopwords.txt").exists() else "de", "stopwords")  # a name ends before "During"
        self.articles = name_words(lang)[2]
        self.calendar = calendar_words(lang)
        self.lang = lang
        self.pronoun_forms, self.role_genders, self.gender_endings = genders(lang)
        self.noun_endings = noun_endings(lang)
        self.role_endings = noun_endings(lang, "role_ending")
        self.salutations = frozenset(noun_endings(lang, "salutation"))
        self.name_stop = frozenset(self.dets | self.preps | self.pronouns | self.possessives | self.calendar)
        self.nationalities, self.sources = countries_and_sources(lang)
        self.feminine_endings = noun_endings(lang, "feminine_ending")
        self.organisation_endings = noun_endings(lang, "organisation_ending")  # "Fluggesellschaft KLM"
        self.nationality_nouns = noun_endings(lang, "nationality_noun")
        self.nationality_adjectives = noun_endings(lang, "nationality_adjective")
        self.particles = name_words(lang)[0]
        self.definite = word_class(lang, "reference_words", "definite")  # "dieser Studie": no pronoun
        self.organisation_nouns = word_class(lang, "reference_words", "organisation_noun")  # "Die Organisation"
        self.indefinite = word_class(lang, "reference_words", "indefinite_article")  # "ein Polizeisprecher" is someone new
        self.spokespersons = tuple(r for r, (group, _) in self.role_map.items() if group == "spokesperson")
        self.names: list[tuple[int, str]] = []      # (position, full name)
        self.roles: list[tuple] = []  # (position, group, country, name, role noun, named in the title)
        self.holders, self.home = {}, ""  # office -> holder on the date, the offices' country (office_holders)
        if role_words is None:
            role_words = find_role_words(text, role_key(lang))
        self._collect_roles(text, role_words, in_title=False)
        self._collect_appositions(text)
        self.names.extend(name_runs(text, self))
        self.names.sort()
        self.known = {nm for _, nm in self.names}

    def _collect_roles(self, text: str, role_words, *, in_title: bool) -> None:
        """Role nouns followed by a name ("der russische Präsident Wladimir Putin")."""
        for start, end_ in role_words:
            w = text[start:end_]
            if self.lang == "de" and not w[:1].isupper():
                continue
            role = role_of(w, self.role_map)
            run = _name_run(self.lang).match(text, end_) if role else None
            if not run:
                continue
            before = text[max(0, start - 40):start].split()
            inflected = inflected_role(w, self.role_map)
            if inflected and self.case_dets.isdisjoint(x.lower() for x in before[-3:]):
                continue  # "den Vertretern", "Organisationen": a plural; "des Präsidenten Hugo Chávez" is one
            names = [x for x in run.group().split() if role_of(x, self.role_map) is None]
            names = names[: next((k for k, x in enumerate(names) if x.lower() in self.dets | self.stopwords
                                  or x.lower() in self.calendar), len(names))][:4]
            if names and not (inflected and len(names) < 2):  # "des Bundespräsidenten Klage": a noun
                name = " ".join(names)
                if (own := headed_name(w, names, self)) and not in_title:
                    name = own  # "vom Bundesverband Erneuerbare Energie": "der Verband" is all of it
                adjective = before[-1] if before and before[-1][:1].islower() and len(before[-1]) > 4 else ""
                country = role[1] or adjective_stem(adjective)
                self.roles.append((-1 if in_title else start, role[0], country, name, office_noun(before, w, self.lang), in_title))
                self.names.append((0 if in_title else end_ + 1, name))

    def _collect_appositions(self, text: str) -> None:
        """Roles with a genitive and the name set off by commas ("Der Geschäftsführer der Firma,
        Gerd-Jürgen Bruckschen, hatte", "die Sprecherin der FDP-Fraktion, Gisela Piltz, sagte")."""
        for m in _COMMA_NAME.finditer(text):
            run = _apposed_run(self.lang).match(text, m.end())
            if run is None or not text.startswith((",", " ("), run.end()):
                continue
            names = [x for x in run.group().split() if role_of(x, self.role_map) is None][:4]
            if sum(name_cap(x, self.lang) for x in names) < 2:
                continue
            before = list(re.finditer(r"\S+", text[max(0, m.start() - 90):m.start()]))[-7:]
            for k in range(len(before) - 2, -1, -1):
                w, nxt = before[k].group(), before[k + 1].group()
                if any(c in w for c in ".;:!?„“\""):
                    break
                role = role_of(w, self.role_map) if w[:1].isupper() else None
                if role and nxt.lower() in self.dets | self.preps:
                    prev = before[k - 1].group() if k else ""
                    adjective = prev if prev[:1].islower() and len(prev) > 4 else ""
                    pos = max(0, m.start() - 90) + before[k].start()
                    self.roles.append((pos, role[0], role[1] or adjective_stem(adjective), " ".join(names),
                                       w.lower(), False))
                    self.names.append((run.start() + 1, " ".join(names)))
                    break

    def add_title(self, title: str) -> None:
        """The roles a title names ("Remarks by President Biden"): the first choice for the same role
        in the text ("the President" in a briefing is the title's President, not one named later)."""
        title = re.sub(r"\\?_", " ", title)  # "President\_Biden": an escaped space of markdown
        self._collect_roles(title, find_role_words(title, role_key(self.lang)), in_title=True)
        self.names.sort()
        self.known = {nm for _, nm in self.names}

    def add_name(self, pos: int, name: str) -> None:
        if name and name not in self.known:
            self.names.append((pos, name))
            self.known.add(name)

    @cached_property
    def persons(self) -> frozenset[str]:
        """Last words of the names introduced as persons, when first asked (:func:`analysis.coreference.person_words`)."""
        return person_words(self)

    def full_name(self, name: str) -> str:
        """The longest known name that begins or ends with ``name`` ("Putin" → "Wladimir Putin",
        "Kim" → "Kim Jong Un", not "Gesundheit Kim Jong Uns"); a one-word name first takes a name it
        ends that opens with a first name ("Anelka" → "Nicolas Anelka", not "Anelka zu Domenech");
        one word is not extended into an organisation named after it ("Trump" stays apart from
        "Trump Administration", German "Bush" from "Regierung Bush"), an acronym not by what follows it."""
        parts = name.split()
        n = len(parts)
        if n > 1 and parts[0].lower() in self.particles:
            parts = [parts[0].lower(), *parts[1:]]  # "Von der Leyen" opening a sentence
        given = first_name_genders(self.lang)
        best, best_score = name, (False, n)
        for _, nm in self.names:
            np_ = nm.split()
            at_end = np_[-n:] == parts
            score = (n == 1 and at_end and np_[0] in given, len(np_))  # a surname: the person it ends
            if score > best_score and len(np_) > n and (np_[:n] == parts or at_end) and not any(
                    len(w) > 1 and w.isupper() for w in (np_[n:] if np_[:n] == parts else np_[:-n])) \
                    and not source_head(np_[0], self.sources) and not (n == 1 and name.isupper() and np_[0] == name) \
                    and not (n == 1 and (np_[0] == name or np_[-1] == name and len(np_) == 2 and self.lang == "de")
                             and self._named_after(name, nm)):
                # "Angaben von Kritikern" is no longer form of "Kritiker", "Regierung Bush" none of "Bush"
                # ("Verfassungsschutz" is the "Bundesamt für Verfassungsschutz")
                best, best_score = nm, score  # not "Biden EO", "Merz CDU": an acronym is no part of a person's name
        return best  # "Anelka": Nicolas Anelka (a first name before it), not "Anelka zu Domenech"

    def _named_after(self, word: str, longer: str) -> bool:
        """Whether ``longer`` is an organisation or medium whose kind ``word`` alone does not have."""
        return kind_of(longer, self.lang) in ("organisation", "media") and kind_of(word, self.lang) == "other"

    def by_role(self, words: list[str], before: int) -> str | None:
        """The actor introduced with the role in ``words`` (same noun, else same office group)."""
        role, noun, country = None, "", ""
        for k, w in enumerate(words):
            r = role_of(w, self.role_map)
            if r:
                role, noun, at = r, office_noun(words[:k], w, self.lang), k  # "the Vice President": that office only
                prev = words[k - 1] if k else ""
                adjective = prev[:1].islower() and prev.lower() not in self.dets
                country = r[1] or (adjective_stem(prev) if adjective else "")
                if k + 1 < len(words) and words[k + 1].lower() in GENITIVE_DETS | {"der"}:
                    break  # "der Chef der Behörde": the head noun, not the one in the genitive
        if role is None:
            return None
        best, best_score = None, None
        for pos, group, c, name, rnoun, in_title in self.roles:
            if group != role[0] or pos > before + len(" ".join(words)) or (rnoun != noun and " " in rnoun + noun):
                continue  # a role is introduced before it is referred to, or in the mention itself; another office
            if country and c and not c.startswith(country[:5]) and not country.startswith(c[:5]):
                continue
            score = (rnoun == noun, bool(country and c), in_title and not country, pos < before,
                     pos if pos < before else -pos)
            if best_score is None or score > best_score:
                best, best_score = name, score
        return best if country or not self.holders else sitting_holder(  # "the President" of a briefing
            noun, best, self.holders, self.lang, country=mention_country(words, at, self.lang) or self.home)

    def name_words_before(self, before: int) -> frozenset[str]:
        """The capitalised words of the names introduced before ``before`` (no articles or roles)."""
        return frozenset(w for p, nm in self.names if p < before for w in nm.split()
                         if w[:1].isupper() and w.lower() not in self.name_stop and role_of(w, self.role_map) is None)

    def nearest_name(self, before: int) -> str | None:
        cands = [(p, n) for p, n in self.names if p < before]
        return max(cands)[1] if cands else None

    def salient(self, before: int, previous: list[tuple[int, str]], pronoun: str,
                number: str | None = None) -> str | None:
        """The actor a pronoun at ``before`` refers to: the latest earlier speaker it agrees with in
        gender and number ("er" is not "die Wahlkommission", "it" no person), else the nearest such
        name before (a demonstrative, *dieser*, takes the latest agreeing person's name within
        ``DEMONSTRATIVE_REACH`` characters, speaker or not);
        ``number`` is that of the pronoun's verb (:func:`analysis.pronoun_agreement.verb_number`).
        (Preferring a name that opens a later sentence, the newer subject, scored lower on the
        German dev labels; see docs/quotes.md.)"""
        gendered = self.pronoun_forms.get(pronoun, ("-", "-"))[0] != "-"
        if pronoun in self.definite:
            cands = [(p, n) for p, n in self.names if before - DEMONSTRATIVE_REACH < p < before
                     and kind_of(n, self.lang) == "person" and self.agrees(pronoun, n, number)]
            noun = demonstrative_noun(self, before, self.pronoun_forms.get(pronoun, ("-", "-"))[0])
            if noun and (not cands or noun[0] > max(cands)[0]):  # "die Anzeige eines Privatdetektivs. Dieser behauptete"
                _, own, new_referent, phrase = noun
                return (None if new_referent else self.by_role([own], before)) or spokesperson_holder(
                    phrase, self, self.lang) or _spokesperson_of(own, self) or own
            if cands:
                return drop_description(max(cands)[1], self)  # "durch seinen Fahrer Adriano De Souza belastet. Dieser behauptete"
        if self.lang == "de" and gendered and (named := main_clause_antecedent(self, before, pronoun, lambda n: self.agrees(
                pronoun, n, number), lambda p, w: self.salient(p, previous, w, number))):
            return drop_description(named, self)  # "…, nachdem sie berichtet hatte": the main clause's
        if self.lang == "de" and gendered and (
                named := colon_subject(self, before, lambda n: self.agrees(pronoun, n, number))):
            return drop_description(named, self)  # "X äußerte sich: „…“, sagte er"
        if self.lang == "de" and previous and gendered:  # German: a subject introduced since the previous speaker
            subject = previous_subject(self, before, pronoun, lambda n: self.agrees(pronoun, n, number)) or subject_antecedent(
                self, before, previous[-1][0], lambda n: self.agrees(pronoun, n, number), [n for _, n in previous])
            if subject:
                return drop_description(subject, self)
            if not self._person_like(previous[-1][1]) and (subject := subject_beside_source(
                    self, previous[-1][0], lambda n: self.agrees(pronoun, n, number), [n for _, n in previous])):
                return drop_description(subject, self)  # "Zudem hob Sarkozy dem „Figaro“ zufolge … Er sagte"
            role = role_antecedent(self, before, lambda n: kind_of(n, self.lang) == "other" and not inflected_role(
                n, self.role_map) and self.agrees(pronoun, n, number))  # "einer Armeesprecherin … Sie sagte"
            named = self.by_role([role], before) if role else None
            if found := (named if named and self.agrees(pronoun, named, number) else None) or (
                    role and _spokesperson_of(role, self)):
                return found
        if self.lang == "en" and gendered:  # he, she: the latest person (see coreference.person_antecedent)
            return person_antecedent(self, before, previous, lambda n: self.agrees(pronoun, n, number))
        for _, name in reversed(previous):
            if self.agrees(pronoun, name, number):
                return name
        if self.lang == "de" and gendered and (
                named := chain_subject(self, before, pronoun, lambda n: self.agrees(pronoun, n, number))):
            return drop_description(named, self)  # the first quotation: the subject the pronouns continue
        named = nearest_subject_name(self, before, [(p, n) for p, n in self.names if p < before and self.agrees(
            pronoun, n, number)])  # the latest name, in no prepositional phrase
        return drop_description(named, self) if named else None

    def _person_like(self, name: str) -> bool:
        """A person's name, or a word of one the article names ("Merz" of "Friedrich Merz")."""
        return kind_of(name, self.lang) == "person" or any(name in known.split() for known in self.known if " " in known)

    def agrees(self, pronoun: str, name: str, number: str | None = None) -> bool:
        """Whether ``pronoun`` can stand for ``name`` (:func:`analysis.pronoun_agreement.agrees`)."""
        return agrees(self, pronoun, name, number=number)


def _resolve(mention: str, pos: int, ents: _ArticleEntities, lg: str, previous: list[tuple[int, str]],
             inherited: bool, depth: int = 0) -> tuple[str | None, str]:
    """(speaker, resolution) of one mention at text position ``pos`` (see the module doc)."""
    def how(kind: str) -> str:
        return "inherited" if inherited else kind

    if depth == 0:
        mention = repair_mention(mention, pos, ents)
    mention = mention_head(mention, ents)
    words = trim_fragment(mention.split(), lg, lambda w: role_of(w, ents.role_map) or source_head(w, ents.sources))
    mention = " ".join(words)
    head = re.split(r"[’']", words[0])[0] if words else ""
    if head != words[0] and head.lower() in ents.pronouns | ents.first_person:
        words[0] = head  # "I’m", "we’re": the pronoun without its contraction
        mention = " ".join(words)
    cut = next((k for k, w in enumerate(words) if k and w.lower() in ents.relatives and lg != "de"), None)
    if cut:  # "a president who …": the relative clause is no part of the speaker
        words = words[:cut]
        mention = " ".join(words)
    if len(words) >= 2 and words[0].lower() in ents.pronouns and words[1][:1].isupper() and lg == "de" and not (
            words[0].lower() in ents.definite and (source_head(words[1], ents.sources) or role_of(words[1], ents.role_map))):
        words = words[:1]  # "Sie Fehler vorwerfen": the pronoun is the subject, the noun its object
        mention = words[0]
    low = mention.strip().lower()
    if no_actor(words, lg):
        return None, "unresolved"  # "29 percent of Republicans", "The Executive Order": no named actor
    if words and words[0].lower() in ents.possessives and words[0].lower() not in ents.pronouns \
            and not is_source(words, ents, lg):
        return _possessed_role(words, pos, ents, previous, how)  # "dessen Stellvertreter"; "Ihr Antrag": no actor
    if low in ents.first_person:  # "ich", "wir": the author or the record's speaker, never a name nearby
        return None, "unresolved"
    relative = low in ents.relatives and ents.text[:pos].rstrip().endswith(",")  # "Dschassim, der betonte"
    if (low in ents.dets and not relative) or any(w.lower() in ents.pronouns or (
            w.islower() and w in ents.first_person) for w in words[1:]) or (
            lg == "de" and len(words) == 2 and words[0].lower() in GENITIVE_DETS):
        return None, "unresolved"  # "Deswegen", "Lassen Sie", "Des Weiteren": an adverb, a verb, a genitive alone
    if lg == "de" and low in ents.pronouns and ents.pronoun_forms.get(low, ("-",))[0] == "n" and depth < 2:  # "Es weist"
        return neuter_speaker(ents, pos, low, previous, lambda m, p: _resolve(m, p, ents, lg, previous, inherited, 2)[0], how)
    if low in ents.pronouns:
        name = ents.salient(pos, previous, low, verb_number(ents.text, pos, len(low), lg))
        return (name, how("pronoun")) if name else (None, "unresolved")
    if (relative or low in ents.relatives and low not in ents.dets) and depth < 2:  # "Berichten, denen zufolge"
        antecedent = _antecedent(ents.text, pos)
        return _resolve(antecedent, pos - len(antecedent) - 2, ents, lg, previous, inherited, depth + 1) \
            if antecedent else (None, "unresolved")
    if country := country_of(words, ents, lg):
        return country, how("nationality")
    if office := adjective_holder(words, ents, lg):
        return office, how("explicit")  # "behördlichen Angaben zufolge": the authorities
    # "Angaben der Polizei", "Polizeiangaben": the holder of the source speaks
    held = source_holder(words, ents, lg)
    if held is None and (held := spokesperson_holder(words, ents, lg)) and (
            own := _apposed_name(mention, pos, len(mention), ents)):
        return own, how("role")  # "Die Sprecherin der Stiftung Warentest, Heike van Laak,": she speaks, named
    held = held or action_agent(words, ents)
    if held is None and is_source(words, ents, lg):
        if possessive(words, ents):  # "nach eigenen Angaben", "dessen Angaben": the holder named before
            own = any(w.lower() in ents.own for w in words) and depth < 2
            subject = _clause_subject(ents.text, pos, len(mention), ents) if own else ""
            if not own and depth < 2 and (pronoun := _possessive_pronoun(words, ents)):
                subject = _sentence_subject(ents.text, pos, ents)  # "Hartmann erhob in ihrer Presseerklärung"
                subject = subject if subject and ents.agrees(pronoun, name_part(subject, ents)[0]) else ""
            if subject:
                return _resolve(subject, pos, ents, lg, previous, inherited, depth + 1)
            name = ents.nearest_name(pos) or (previous[-1][1] if previous else None)
            return (name, how("pronoun")) if name else (None, "unresolved")
        if depth < 2 and (earlier := earlier_holder(words, pos, ents, lg)):  # "der Bericht": the one named before
            return _resolve(earlier, pos, ents, lg, previous, inherited, depth + 1)
        return None, "unresolved"  # "dem Bericht", "ersten Informationen": a source without a holder
    if held and depth < 2 and (held.lower() in ents.pronouns or is_source(held.split(), ents, lg)):
        held = earlier_holder(words, pos, ents, lg) or held  # "Angaben des Berichts": whose report
        return _resolve(held, pos, ents, lg, previous, inherited, depth + 1)
    held = held or mention
    name, had_role = office_not_country(held.split(), *name_part(held, ents), lg, ents.role_map)  # not "United States"
    resolution = how("explicit")
    if had_role and (own := _apposed_name(held, pos, len(mention), ents)) and own not in held:
        name, resolution = own, how("role")  # "der Direktor der Behörde" that a frame cut before ", Karim el-Masri,"
    first = held.split()[0] if held.split() else ""
    article = next((w for w, nxt in zip(words, words[1:]) if nxt == first), "") if first in words[1:] else ""
    new_referent = first.lower() in ents.indefinite or article.lower() in ents.indefinite
    # "ein Polizeisprecher", "Angaben einer Bauerngewerkschaft": someone not named before
    if had_role and new_referent and (apposed := name_before_apposition(ents, pos)):
        return apposed, how("role")  # "Stephen Singer, ein Klimaexperte vom WWF erklärte"
    if had_role and not new_referent and not names_itself(held.split(), ents) and not (
            name and name[:1].isupper() and role_of(name.split()[0], ents.role_map) is None and name != held.strip()):
        found = ents.by_role(held.split(), pos) or _organisation_compound(held.split(), pos, ents, previous) or (
            person_of_role(held.split(), pos, ents, previous) or organisation_of_role(held.split(), pos, ents, previous))
        if found:
            name, resolution = found, how("role")
    name = unnamed_group(base_form(drop_description(held_full_name(_strip_genitive(name, ents.known), held.split(), ents), ents), lg), ents, lg)
    name = nominative(name, words, pos, ents, lg)  # "einem Augenzeugen", "den Beobachtern"
    if new_referent and (spoken_for := _spokesperson_of(name, ents) or _medium_of(name, ents)):
        name = spoken_for  # "ein Polizeisprecher": an unnamed spokesperson voices the police
    if not any(name_cap(w, lg) for w in name.split()) and not any(role_of(w, ents.role_map) for w in name.split()) \
            and not (" " not in name and kind_of(name, lg) == "media") and not re.fullmatch(r"„[^„“]+“", mention):
        return None, "unresolved"  # a lower-case fragment ("denen", "back publicly") names no actor; "n24", "„heise online“" do
    name = sentence_case(name, pos, ents, lg) if lg == "de" else name  # "Afghanischen Behörden zufolge"
    if resolution == "explicit":
        ents.add_name(pos, name)
    return name, resolution


def _possessed_role(words: list[str], pos: int, ents: _ArticleEntities, previous, how) -> tuple[str | None, str]:
    """A possessive with a role noun: an unnamed spokesperson speaks for the possessor named
    before ("sein Sprecher" → the nearest name), another role is someone unnamed of that role
    ("dessen Stellvertreter" → Stellvertreter); a possessive with anything else names no actor."""
    last = words[-1].strip(",")
    role = role_of(last, ents.role_map) if len(words) >= 2 and last[:1].isupper() else None
    if role is None:
        return None, "unresolved"
    if role[0] == "spokesperson":
        name = ents.nearest_name(pos) or (previous[-1][1] if previous else None)
        return (drop_description(name, ents), how("pronoun")) if name else (None, "unresolved")
    return lemmatize(last, ents.lang) if inflected_role(last, ents.role_map) else last, how("role")


def _apposed_name(held: str, pos: int, length: int, ents: _ArticleEntities) -> str | None:
    """The name the article sets beside the role noun of a mention at ``pos`` ("der Direktor der
    Behörde, Bagus Puruhito," recorded by :meth:`_ArticleEntities._collect_appositions`), else None."""
    nouns = {w.lower() for w in held.split() if role_of(w, ents.role_map)}
    return next((r[3] for r in ents.roles if pos <= r[0] < pos + length and r[4] in nouns and r[3]), None)


def _spokesperson_of(name: str, ents: _ArticleEntities) -> str | None:
    """The organisation an unnamed spokesperson speaks for, from a compound ending in a role noun of
    the group ``spokesperson`` (``role_nouns.tsv``) whose first part is an organisation
    (``actor_kinds.tsv``) or an acronym before a hyphen: "Polizeisprecher" → "Polizei",
    "Regierungssprecherin" → "Regierung", "WWF-Sprecher" → "WWF"; not "Pressesprecher"; also a
    member of its staff ("Ministeriumsvertreter" → "Ministerium"). None otherwise.

    >>> _spokesperson_of("Polizeisprecher", _ArticleEntities("", "de")), _spokesperson_of("Pressesprecher", _ArticleEntities("", "de"))
    ('Polizei', None)
    """
    if " " in name or not name[:1].isupper():
        return None
    low = name.lower()
    staff = word_class(ents.lang, "reference_words", "staff")  # "Ministeriumsvertreter" → "Ministerium"
    suffix = max((r for r in (*ents.spokespersons, *staff) if low.endswith(r) and len(low) - len(r) >= 3), key=len,
                 default=None)
    if suffix is None:
        return None
    modifier = name[:-len(suffix)].rstrip("-")
    if modifier.lower().endswith(FUGEN_S):
        modifier = modifier[:-1]
    acronym = name[len(modifier)] == "-" and modifier.isupper() and modifier.isalpha() and 2 <= len(modifier) <= 6
    return modifier if acronym or actor_kind(modifier, lang=ents.lang) in ("organisation", "country") else None


def _medium_of(name: str, ents: _ArticleEntities) -> str | None:
    """The medium an unnamed reporter speaks for: a role noun of the group ``media`` with the
    medium's name after it ("Reporter des Fernsehsenders n-tv" → "n-tv", "Reporterin von n24").

    >>> _medium_of("Reporter des Fernsehsenders n-tv", _ArticleEntities("", "de"))
    'n-tv'
    """
    words = name.split()
    if len(words) < 3 or (role_of(words[0], ents.role_map) or ("",))[0] != "media":
        return None
    rest = [w for w in words[1:] if w.lower() not in ents.dets | ents.preps and w.lower() not in ents.holder_preps]
    while len(rest) > 1 and any(kind_of(rest[0][:len(rest[0]) - k], ents.lang) == "media" for k in (0, 1, 2)):
        rest = rest[1:]  # "Fernsehsenders n-tv": the head noun before the medium's name
    held = " ".join(rest)
    return held if rest and kind_of(held, ents.lang) == "media" else None


def _organisation_compound(words: list[str], pos: int, ents: _ArticleEntities, previous) -> str | None:
    """"das Ministerium" → the "Fischereiministerium" named before (organisation and media nouns),
    or the organisation that compound describes (:func:`described_organisation`)."""
    nouns = [w for w in words if w[:1].isupper() and role_of(w, ents.role_map)]
    if not nouns or actor_kind(nouns[-1], lang=ents.lang) not in ("organisation", "media"):
        return None
    if any(w[:1].isupper() and w.lower() not in ents.dets for w in words[:words.index(nouns[-1])]):
        return None  # "Freisinnig-demokratische Partei": the mention is a name already
    found = organisation_compound(ents.text, nouns[-1], pos)
    return found and (described_organisation(ents, found[0], previous) or found[1])


def _possessive_pronoun(words: list[str], ents: _ArticleEntities) -> str | None:
    """The personal pronoun a possessive of the subject agrees like ("ihrer" → "sie", "seinen" →
    "er"; ``reference_words.tsv`` classes ``possessive_f``, ``possessive_m``), else None."""
    for w in words:
        low = w.lower()
        for cls, pronoun in (("possessive_m", "er"), ("possessive_f", "sie")):
            if low in word_class(ents.lang, "reference_words", cls):
                return pronoun
    return None


def _sentence_subject(text: str, pos: int, ents: _ArticleEntities) -> str:
    """The noun phrase that opens the sentence of ``pos`` when no preposition or adverb opens it
    ("Hartmann erhob heute in ihrer Presseerklärung" → "Hartmann"), else ''."""
    start = max(text.rfind("\n", 0, pos), text.rfind(".", 0, pos)) + 1
    words = text[start:pos].split()
    if not words or words[0].lower() in ents.preps or words[0].lower() in ents.dets - ents.articles:
        return ""
    found = _noun_phrase(words, ents)
    after = words[len(found.split()):]
    return found if found and after and after[0][:1].islower() else ""  # its finite verb follows ("Gemäß seiner" is none)


def _clause_subject(text: str, pos: int, length: int, ents: _ArticleEntities) -> str:
    """The subject of the sentence around a mention at ``pos``: its first noun phrase when the
    sentence opens with one ("Die Polizei hat nach eigenen Angaben …"), else the noun phrase after
    the finite verb that follows the mention ("Nach eigenen Angaben hat die Polizei …"), else ''; in
    a clause opened by a preposition, the noun phrase after its verb ("im Jahr 2004 war die Gruppe")."""
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    clause = text[max(start, text.rfind(", ", 0, pos) + 1):pos].split()
    if clause and clause[0].lower() in ents.preps:  # "…, im Jahr 2004 war die Gruppe nach eigener Aussage"
        verb = next((k for k, w in enumerate(clause) if k and w.islower() and w not in ents.dets | ents.preps), None)
        if verb is not None and (found := _noun_phrase(clause[verb + 1:], ents)):
            return found
    words = text[start:pos].split()
    if words and words[0].lower() not in ents.preps and words[0].lower() not in ents.dets - ents.articles:
        return _noun_phrase(words, ents)
    after = text[pos + length:pos + length + 120].split()
    return _noun_phrase(after[1:], ents) if after and after[0][:1].islower() else ""


def _noun_phrase(words: list[str], ents: _ArticleEntities) -> str:
    """The leading article, lower-case adjectives and capitalised words of ``words`` ('' unless it
    ends in a capitalised word)."""
    out = []
    links = word_class(ents.lang, "name_parts", "link", column="part")
    for k, w in enumerate(words):
        w = w.strip(",;:")
        if w in links and out and k + 1 < len(words) and _NAME_START.match(words[k + 1]) and institution(out[-1], ents.lang):
            out.append(w)  # "das Bundesamt für Strahlenschutz"
            continue
        named = any(_NAME_START.match(x) and x.lower() not in ents.articles for x in out)  # "Der" is no name yet
        if w.lower() in ents.articles and not out or _NAME_START.match(w) or out and w[:1].islower() and not named and w.lower() not in ents.preps:
            out.append(w)
        else:
            break
    return " ".join(out) if out and _NAME_START.match(out[-1]) else ""


def _antecedent(text: str, pos: int) -> str:
    """The noun phrase before the comma that precedes a relative pronoun at ``pos`` (its last
    capitalised words: "Berichten, denen zufolge" → "Berichten"), else ''."""
    before = text[max(0, pos - 80):pos].rstrip()
    if not before.endswith(","):
        return ""
    words = before[:-1].split()
    run = []
    for w in reversed(words):
        if not _NAME_START.match(w) or (run and w.endswith(".") and len(w) > 2):
            break  # not across a sentence end ("Hédi Annabi. René Préval, der …")
        run.insert(0, w)
    return " ".join(run[-4:])


def resolve_speakers(quotes: pd.DataFrame, articles: pd.DataFrame, *, actors=None,
                     lang: str | None = None, role_nouns: dict | None = None) -> pd.DataFrame:
    """Fill ``speaker`` and ``speaker_resolution`` of ``quotes`` (a copy is returned).

    ``actors``: optional alias table (see :func:`read_actors`). ``lang`` overrides the
    articles' ``lang`` column. ``role_nouns`` (optional, a speed-up): ``{article_id: (lang,
    [(start, end), ...])}``, the offsets of the role nouns at the ends of the article's words
    (from its tokens and :func:`role_suffixes`); without it the text is searched.
    """
    require_columns(quotes, ["article_id", "speaker_mention"], table="quotes")
    require_columns(articles, ["article_id", "text"], table="articles")
    out = quotes.copy()
    if out.empty:
        for c in ("speaker", "speaker_resolution"):
            if c not in out.columns:
                out[c] = pd.Series(dtype=object)
        return out
    alias = _alias_index(read_actors(actors))
    ids = articles["article_id"].tolist()
    texts = dict(zip(ids, articles["text"].tolist()))
    langs = dict(zip(ids, articles["lang"].tolist())) if "lang" in articles.columns else {}
    titles = {a: t for a, t in zip(ids, articles["title"].tolist()) if isinstance(t, str) and t.strip()} \
        if "title" in articles.columns else {}
    dates = dict(zip(ids, zip(*(articles[c] if c in articles.columns else [None] * len(ids) for c in ("date", "source")))))
    speakers, how = [], []
    prev_res = out["speaker_resolution"].tolist() if "speaker_resolution" in out.columns else ["explicit"] * len(out)
    span_col = out["speaker_span"].tolist() if "speaker_span" in out.columns else [None] * len(out)
    span_list = out["spans"].tolist() if "spans" in out.columns else [None] * len(out)
    cues = [int(c[0]) if c is not None and not isinstance(c, float) and len(c) else None for c in out["cue_span"]] \
        if "cue_span" in out.columns else [None] * len(out)
    mentions, mention_spans = out["speaker_mention"].tolist(), list(span_col)
    cache: dict = {}
    history: dict = {}  # article -> [(position, speaker), ...] of the quotations resolved so far
    for idx, (aid, mention, span, res0) in enumerate(zip(out["article_id"].tolist(), out["speaker_mention"].tolist(), span_col, prev_res)):
        lg = lang or langs.get(aid) or "de"
        text = texts.get(aid)
        if not isinstance(text, str):
            text = ""
        if aid not in cache:
            given = role_nouns.get(aid) if role_nouns else None
            key = role_key(lg)
            words = role_spans(text, given[1], key) if given and role_key(given[0]) == key else None
            cache[aid] = _ArticleEntities(text, lg, words)
            if titles.get(aid):
                cache[aid].add_title(titles[aid])
            cache[aid].holders, cache[aid].home = document_holders(*dates.get(aid, (None, None)), text, lg)  # "the President"
        ents = cache[aid]
        pos = int(span[0]) if span is not None and len(span) else 0
        if lg == "de" and res0 in ("none", "inherited") and (own := own_subject(ents, cues[idx], res0, span_list[idx], [
                p for p, _ in history.get(aid, [])])):  # "Obwohl Steinbrück … rechnet, sei …"; "… vorgelegt. Demnach"
            (mention, pos), res0 = own, "explicit"
            mentions[idx], mention_spans[idx] = mention, [pos, pos + len(mention)]
        if not isinstance(mention, str) or not mention.strip():
            speakers.append(None)
            how.append("none")
            continue
        name, resolution = _resolve(mention, pos, ents, lg, history.setdefault(aid, []), res0 == "inherited")
        if name is None and lg == "de" and cues[idx] is not None and (
                own := subject_after_verb(ents, pos + len(mention), cues[idx], quoted=span_list[idx])):  # "Des Weiteren verwies Steinbrück"
            name, resolution = _resolve(own[0], own[1], ents, lg, history[aid], False)
            mentions[idx], mention_spans[idx] = own[0], [own[1], own[1] + len(own[0])]
        if res0 == "inherited" and lg == "de" and (spans := span_list[idx]) and (own := opening_person(
                ents, min(int(a) for a, _ in spans))):
            name = own  # "Bundesaußenminister Siegmar Gabriel zeigte sich bestürzt und dass …": its own subject
        if name is not None and name.lower() in ents.pronouns:
            name, resolution = None, "unresolved"  # a pronoun left over from an earlier mention
        if name is None:
            speakers.append(None)
            how.append(resolution)
            continue
        low = mention.strip().lower()
        key = (name.lower(), lg)
        actor = alias.get(key) or alias.get((name.lower(), "")) or alias.get((low, lg)) or alias.get((low, ""))
        if actor:
            name, resolution = actor, "alias"
        speakers.append(name)
        how.append(resolution)
        history[aid].append((pos, name))
    out["speaker"], out["speaker_resolution"], out["speaker_mention"] = speakers, how, mentions
    if "speaker_span" in out.columns:
        out["speaker_span"] = mention_spans
    out = continued_speakers(out, texts, langs, lang)  # "Demnach …. Die Lage sei …": the pointer's holder
    return _turn_speakers(out, lang, langs) if "turn_id" in out.columns and "kind" in out.columns else out


def _turn_speakers(out: pd.DataFrame, lang: str | None, langs: dict) -> pd.DataFrame:
    """Turns are resolved by their label or record (``label``, ``record``); first person inside
    a turn (ich, wir; I, we) is the turn's speaker (``turn``)."""
    turns = out["kind"].eq("turn")
    if not turns.any():
        return out
    named = turns & out["speaker"].notna() & out["speaker_resolution"].ne("alias")
    out.loc[named, "speaker_resolution"] = out.loc[named, "rule"].map(
        {"speaker_label": "label", "record_speaker": "record"}).fillna("label")
    # a record's speaker is named in full by its record: "Olaf in der Beek", not "Olaf" or "Frau Steffi Lemke"
    record = named & out["rule"].eq("record_speaker") & out["speaker_mention"].map(lambda m: isinstance(m, str))
    out.loc[record, "speaker"] = out.loc[record, "speaker_mention"].str.split().str.join(" ")
    by_turn = dict(zip(out.loc[turns, "quote_id"], out.loc[turns, "speaker"]))
    for i, (aid, mention, turn) in enumerate(zip(out["article_id"], out["speaker_mention"], out["turn_id"])):
        if turns.iat[i] or turn is None or not isinstance(mention, str):
            continue
        own = _reference_words(lang or langs.get(aid) or "de")[5]
        head = re.split(r"[’']", mention.strip())[0].lower()
        if head in own and by_turn.get(turn):
            out.iat[i, out.columns.get_loc("speaker")] = by_turn[turn]
            out.iat[i, out.columns.get_loc("speaker_resolution")] = "turn"
    return out
