"""A concept dictionary entry may say in which context its terms do not count (exclude) or must stand (require)."""
import pytest

from analysis.concepts import compile_concepts, find_concepts, read_concepts
from analysis.errors import InputError

DE = read_concepts({"Entlastung": {"lemmas": ["Entlastung"], "exclude": ["Familie", "Landwirt*", "steuerliche"],
                                   "window": 4},
                    "Sondervermögen Bundeswehr": {"lemmas": ["Sondervermögen"], "exclude": ["Infrastruktur",
                                                                                            "Klima- und Transformationsfonds"]}})
EN = read_concepts({"aid to Ukraine": {"phrases": ["supplemental", "security assistance"], "require": ["Ukraine", "Ukrainian*"]},
                    "student debt relief": {"phrases": ["debt relief"], "exclude": ["G20", "countries"]}})


def concepts(text, lang):
    return [m.concept for m in find_concepts(text, DE if lang == "de" else EN, lang=lang)]


@pytest.mark.parametrize("text, lang", [
    ("Das ist eine Entlastung der Familien.", "de"),          # by lemma: Familien is Familie
    ("Eine Entlastung für Landwirte und Gärtner.", "de"),       # by its beginning: Landwirt*
    ("Die steuerliche Entlastung von 2018 war zu klein.", "de"),
    ("Das Sondervermögen für Infrastruktur kommt.", "de"),
    ("Wir schieben das Geld in den Klima- und Transformationsfonds statt ins Sondervermögen.", "de"),
    ("The supplemental funds Israel's security.", "en"),       # required: no Ukraine near it
    ("Security assistance for Israel is on its way.", "en"),
    ("The G20 agreed on debt relief for poor countries.", "en"),
])
def test_a_term_in_an_excluding_or_without_its_required_context_is_no_mention(text, lang):
    assert concepts(text, lang) == []


@pytest.mark.parametrize("text, lang, expected", [
    ("Wir brauchen eine Entlastung bei den Strompreisen.", "de", ["Entlastung"]),
    # the context ends at the sentence and at the window
    ("Die Entlastung kommt. Familien warten lange darauf.", "de", ["Entlastung"]),
    ("Die Entlastung kommt jetzt sehr bald, sagen die Familien.", "de", ["Entlastung"]),
    ("Der Familienbonus und die Entlastung kommen.", "de", ["Entlastung"]),   # a compound is another word
    ("Das Sondervermögen für die Bundeswehr kommt.", "de", ["Sondervermögen Bundeswehr"]),
    ("The supplemental keeps Ukraine in the fight.", "en", ["aid to Ukraine"]),
    ("We sent security assistance to the Ukrainians.", "en", ["aid to Ukraine"]),
    ("We delivered student debt relief to millions.", "en", ["student debt relief"]),
])
def test_a_term_in_its_context_still_counts(text, lang, expected):
    assert concepts(text, lang) == expected


def test_context_terms_are_read_and_compiled_per_concept(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("concept,kind,pattern,window\nEntlastung,lemma,Entlastung,3\nEntlastung,exclude,Landwirt*,\n"
                    "Klima,lemma,Klimaschutz,\n", encoding="utf-8")
    d = read_concepts(path)
    assert d[["kind", "window"]].values.tolist() == [["lemma", 3], ["exclude", 3], ["lemma", 10]]
    c = compile_concepts(d, lang="de")
    assert c.context == {"Entlastung": (3, (("landwirt*",),), ())}
    assert [m.concept for m in find_concepts("Entlastung für Landwirte, mehr Klimaschutz", c)] == ["Klima"]
    assert "exclude" not in {m.kind for m in find_concepts("Klimaschutz und Landwirte", c)}


@pytest.mark.parametrize("suffix, body, line, words", [
    ("yaml", "X:\n  lemmas: [a]\n  window: zehn\n", 3, "window must be a whole number"),
    ("yaml", "X:\n  lemmas: [a]\n  window: 0\n", 3, "window must be a whole number"),
    ("yaml", "X:\n  lemmas: [a]\n  exclude: ['*']\n", 3, "an exclude term is a word"),
    ("yaml", "X:\n  lemmas: [a]\n  require: [zwei Wörter*]\n", 3, "a single word may end in *"),
    ("yaml", "X:\n  lemmas: [a]\n  exclude: [[a, b]]\n", 3, "exclude must be a list of text"),
    ("yaml", "X:\n  exclude: [a]\n", 1, "has exclude or require terms but no lemmas"),
    ("yaml", "X:\n  lemmas: [a]\n  unless: [b]\n", 3, "unknown field 'unless'"),
    ("csv", "concept,kind,pattern\nX,exclude,a\n", 2, "has exclude or require terms but no lemmas"),
    ("csv", "concept,kind,pattern,window\nX,lemma,a,2\nX,exclude,b,3\n", 3, "window 3, but line 2 gives 2"),
    ("csv", "concept,kind,pattern,window\nX,lemma,a,-1\n", 2, "window must be a whole number"),
    ("csv", "concept,kind,pattern\nX,unless,a\n", 2, "expected lemma, phrase, regex, exclude or require"),
])
def test_a_malformed_context_names_the_line(tmp_path, suffix, body, line, words):
    path = tmp_path / f"bad.{suffix}"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError, match=rf"line {line}: .*{words}"):
        read_concepts(path)
