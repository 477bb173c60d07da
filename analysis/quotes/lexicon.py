"""Word lists of one language for the quotation rules, read from ``resources/<lang>/``.

``speech_verbs.tsv`` (cue verbs with their classes and particles), ``source_nouns.tsv`` (cue nouns),
``speech_act_contexts.tsv`` (words a reported speech act needs or never has, and words a few
cues need in their clause in any rule), ``konjunktiv.tsv``,
``attribution_frames.tsv`` (words that attribute without a verb), ``function_words.tsv``,
``verb_form_marks.tsv`` (how a participle looks), ``pronouns.tsv`` and ``stopwords.txt``.

>>> lex = lexicon("de")
>>> lex.frame("laut"), lex.frame("zufolge"), "sagen" in lex.cue_class
('prep', 'postp', True)
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache

from analysis.resources import ROOT, optional_table, source_nouns, table, wordlist
from analysis.runtime import forgets

log = logging.getLogger(__name__)


NOUN_GAP = 4  # "nach einem achtseitigen Bericht": a source noun at most the fourth word after nach
FRONTED = ("prep", "adv", "sentence_adv")  # word classes that open a main clause before its verb


@dataclass
class Lexicon:
    """Word lists of one language, read from ``resources/<lang>/``."""

    lang: str
    de: bool = False                                     # German rules (word order, Konjunktiv)
    cue_class: dict = field(default_factory=dict)        # full verb lemma -> set of classes
    particle_bases: dict = field(default_factory=dict)   # base lemma -> {particle: full lemma}
    reflexive: set = field(default_factory=set)          # lemmas that need 'sich'
    irreflexive: set = field(default_factory=set)        # lemmas that are no cue with 'sich'
    nouns: set = field(default_factory=set)              # cue nouns (lemma)
    konj: dict = field(default_factory=dict)             # form -> mood (I, II, reportative)
    participles: dict = field(default_factory=dict)      # participle -> verb lemma the lemmatiser misses
    participle_endings: tuple = ()                       # present participle: -end (verb_form_marks.tsv)
    participle_prefixes: tuple = ()                      # past participle: ge- (verb_form_marks.tsv)
    frames: dict = field(default_factory=dict)           # first word -> (construction, following words)
    fw: dict = field(default_factory=dict)               # function word -> class
    pronouns: set = field(default_factory=set)
    object_pronouns: set = field(default_factory=set)    # him, them: no subject
    neuter_pronouns: frozenset = frozenset()             # es: a subject only of a cue that is not impersonal
    persons: frozenset = frozenset()                     # first and second person (reference_words.tsv)
    relatives: frozenset = frozenset()                   # relative pronouns (reference_words.tsv)
    adjunct_openers: frozenset = frozenset()             # open a verb-last relative or adverbial clause (adjunct_clauses.txt)
    nach_sources: frozenset = frozenset()                # nouns before a postposed nach that attribute (nach_sources.txt)
    generic: frozenset = frozenset()                     # "man": anyone, no speaker (reference_words.tsv)
    act_needs: dict = field(default_factory=dict)        # reported cue -> words its clause needs (speech_act_contexts.tsv)
    act_never: dict = field(default_factory=dict)        # reported cue -> words that make it no speech act
    cue_needs: dict = field(default_factory=dict)        # cue -> words its clause needs in any rule (halten: für)
    stop: frozenset = frozenset()
    oblique: set = field(default_factory=set)            # determiners that cannot start a subject
    backref: set = field(default_factory=set)            # "Das sagte er": points back to the previous sentence
    addressee_preps: set = field(default_factory=set)    # "gegenüber X": X is the addressee
    addressee_verbs: set = field(default_factory=set)    # "told X": X is the addressee
    addressee_dets: set = field(default_factory=set)     # "sagte er dem Spiegel": a dative in the frame

    classes: dict = field(default_factory=dict)          # word -> all its classes in function_words.tsv
    _noun_cache: dict = field(default_factory=dict)
    _role_cache: dict = field(default_factory=dict)
    _words_cache: dict = field(default_factory=dict)

    def cls(self, word: str) -> str | None:
        return self.fw.get(word)

    def is_(self, word: str, cls: str) -> bool:
        """Whether ``word`` has class ``cls`` in ``function_words.tsv`` (a word may have several)."""
        return cls in self.classes.get(word, ())

    def present_participle(self, word: str) -> bool:
        """Whether ``word`` ends as a present participle (``verb_form_marks.tsv``; German "fordernd")."""
        return bool(self.participle_endings) and word.endswith(self.participle_endings)

    def prefixed_participle(self, word: str, lemma: str) -> bool:
        """Whether ``word`` is a past participle by a prefix its ``lemma`` lacks (German "gefordert" of
        "fordern"; ``verb_form_marks.tsv``).

        >>> lexicon("de").prefixed_participle("gefordert", "fordern"), lexicon("de").prefixed_participle("gehen", "gehen")
        (True, False)"""
        return any(word.startswith(p) and not lemma.startswith(p) for p in self.participle_prefixes)

    def words(self, cls: str) -> frozenset:
        got = self._words_cache.get(cls)
        if got is None:
            got = self._words_cache[cls] = frozenset(w for w, c in self.classes.items() if cls in c)
        return got

    def plain_cues(self) -> frozenset:
        """Cue lemmas that need neither a particle nor ``sich`` (their token alone is the cue)."""
        got = self._words_cache.get("__plain__")
        if got is None:
            got = self._words_cache["__plain__"] = frozenset(
                lem for lem in self.cue_class if lem not in self.particle_bases and lem not in self.reflexive)
        return got

    def particles(self) -> frozenset:
        """The separable particles of the cue verbs (an, aus, zurück)."""
        got = self._words_cache.get("__particles__")
        if got is None:
            got = self._words_cache["__particles__"] = frozenset(
                p for parts in self.particle_bases.values() for p in parts)
        return got

    @property
    def impersonal_cues(self) -> frozenset:
        """Cue lemmas of class ``impersonal``, whose *es* points elsewhere ("hieß es", "Es heißt")."""
        got = self._words_cache.get("__impersonal__")
        if got is None:
            got = self._words_cache["__impersonal__"] = frozenset(
                lem for lem, c in self.cue_class.items() if "impersonal" in c)
        return got

    def reported_bases(self) -> frozenset:
        """Lemmas (and particle-verb bases) of cues of the class ``reported``."""
        got = self._words_cache.get("__reported__")
        if got is None:
            rep = {lem for lem, c in self.cue_class.items() if "reported" in c}
            rep |= {base for base, parts in self.particle_bases.items() if any(f in rep for f in parts.values())}
            got = self._words_cache["__reported__"] = frozenset(rep)
        return got

    def source_noun_after(self, texts: list, lemmas: list, i: int, end: int) -> bool:
        """Whether a cue noun follows ``nach`` at ``i`` within ``NOUN_GAP`` words, after articles and
        adjectives or a demonstrative, or right after a name in the genitive ("nach einem achtseitigen
        Bericht", "nach diesen Erkenntnissen", "nach Celebis Angaben")."""
        for k in range(i + 1, min(end, i + 1 + NOUN_GAP)):
            if self.cue_noun(lemmas[k] if isinstance(lemmas[k], str) else texts[k]):
                return True
            if texts[k][:1].isupper():
                nxt = k + 1 < end and (lemmas[k + 1] if isinstance(lemmas[k + 1], str) else texts[k + 1])
                return texts[k].endswith("s") and bool(nxt) and self.cue_noun(nxt)
            low = texts[k].lower()
            if self.cls(low) not in ("det", None) and low not in self.pronouns and not self.is_(low, "oblique"):
                return False  # "nach diesen Erkenntnissen" goes on
        return False

    def cue_noun(self, lemma: str) -> bool:
        """A cue noun, also as the head of a compound (Armeeangaben, Polizeiberichten)."""
        w = lemma.lower()
        if w in self.nouns:
            return True
        hit = self._noun_cache.get(w)
        if hit is None:  # an unknown compound keeps its plural ending: "Armeeangaben"
            hit = any(v[k:] in self.nouns for v in (w, w[:-1], w[:-2]) for k in range(2, max(2, len(v) - 4)))
            self._noun_cache[w] = hit
        return hit

    def role(self, word: str) -> bool:
        """Whether a word ends in a role noun (Sprecher, Außenminister, Direktorin)."""
        hit = self._role_cache.get(word)
        if hit is None:
            from analysis.role_words import role_suffixes
            hit = self._role_cache[word] = role_suffixes([word], self.lang)[0] > 0
        return hit

    def frame(self, word: str) -> str | None:
        """Construction of an attribution word (``prep``, ``postp``, ``noun_prep``, ``so``, ``clause``)."""
        got = self.frames.get(word)
        return got[0] if got else None


@cache
def lexicon(lang: str) -> Lexicon:
    """The :class:`Lexicon` of ``lang`` (German rules are used for languages without resources)."""
    if not (ROOT / lang / "speech_verbs.tsv").exists():
        log.warning("no speech-verb list for language %r; using German resources", lang)
        lang = "de"
    lex = Lexicon(lang, de=lang == "de", nouns=set(source_nouns(lang, "cue")))
    verbs = table(lang, "speech_verbs")
    for row in verbs.to_dict(orient="records"):
        classes = set(row["class"].split(","))
        lex.cue_class.setdefault(row["lemma"], set()).update(classes)
        if row["particle"]:
            lex.particle_bases.setdefault(row["base"], {})[row["particle"]] = row["lemma"]
        if row.get("reflexive") == "nie":
            lex.irreflexive.add(row["lemma"])  # "sich charakterisieren durch" says nothing
        elif row.get("reflexive"):
            lex.reflexive.add(row["lemma"])
    konj = optional_table(lang, "konjunktiv")
    if konj is not None:
        lex.konj = dict(zip(konj["form"], konj["mood"]))
    contexts = optional_table(lang, "speech_act_contexts")
    if contexts is not None:
        kinds = {"need": lex.act_needs, "never": lex.act_never, "cue_need": lex.cue_needs}
        for lemma, context, word in zip(contexts["lemma"], contexts["context"], contexts["word"]):
            kinds[context].setdefault(lemma, set()).add(word)
    parts = optional_table(lang, "participles")
    if parts is not None:
        lex.participles = dict(zip(parts["form"], parts["lemma"]))
    marks = optional_table(lang, "verb_form_marks")
    if marks is not None:
        lex.participle_endings = tuple(marks.loc[marks["mark"] == "present_participle_ending", "form"])
        lex.participle_prefixes = tuple(marks.loc[marks["mark"] == "past_participle_prefix", "form"])
    frames = optional_table(lang, "attribution_frames")
    if frames is not None:
        for w, c in zip(frames["word"], frames["construction"]):
            first, *rest = w.split()
            lex.frames[first] = (c, tuple(rest))
    fw = optional_table(lang, "function_words")
    if fw is not None:
        for w, c in zip(fw["word"], fw["class"]):
            lex.fw.setdefault(w, c)
            lex.classes.setdefault(w, set()).add(c)
        lex.oblique, lex.backref, lex.addressee_preps, lex.addressee_verbs, lex.addressee_dets = (
            {w for w, cs in lex.classes.items() if c in cs}
            for c in ("oblique", "backref", "addressee_prep", "addressee_verb", "addressee_det"))
    if (ROOT / lang / "stopwords.txt").exists():
        lex.stop = wordlist(lang, "stopwords")
    if (ROOT / lang / "adjunct_clauses.txt").exists():
        lex.adjunct_openers = wordlist(lang, "adjunct_clauses")
    if (ROOT / lang / "nach_sources.txt").exists():
        lex.nach_sources = wordlist(lang, "nach_sources")
    pron = optional_table(lang, "pronouns")
    if pron is not None:
        lex.pronouns = set(pron["form"])
        lex.object_pronouns = set(pron.loc[pron["case"].isin(["acc", "dat"]), "form"])
        lex.neuter_pronouns = frozenset(pron.loc[(pron["gender"] == "n") & (pron["case"] == "nom"), "form"])
    refs = optional_table(lang, "reference_words")
    if refs is not None:
        lex.persons = frozenset(refs.loc[refs["class"].isin(["first_person", "second_person"]), "word"])
        lex.relatives = frozenset(refs.loc[refs["class"] == "relative", "word"])
        lex.generic = frozenset(refs.loc[refs["class"] == "generic", "word"])
    forgets(lex._noun_cache.clear)  # both grow with the vocabulary seen
    forgets(lex._role_cache.clear)
    return lex
