"""A concept's words inside the proper name of an organisation, office, law or programme are no mention of it."""
import pytest

from analysis.concepts import find_concepts, name_spans, read_concepts

DE = read_concepts({"Migration": {"lemmas": ["Migration"]}, "Klimaschutz": {"lemmas": ["Klimaschutz"]},
                    "Sanktionen": {"lemmas": ["Sanktion"]}, "Flucht": {"lemmas": ["Flüchtling"]},
                    "Demokratie": {"lemmas": ["Demokratie"]}})
EN = read_concepts({"infrastructure": {"lemmas": ["infrastructure"]},
                    "Inflation Reduction Act": {"phrases": ["Inflation Reduction Act"]},
                    "energy": {"lemmas": ["energy"]}, "inflation": {"lemmas": ["inflation"]},
                    "nutrition": {"phrases": ["supplemental nutrition"]}})


def concepts(text, lang):
    return [m.concept for m in find_concepts(text, DE if lang == "de" else EN, lang=lang)]


@pytest.mark.parametrize("text, lang", [
    ("Das Bundesamt für Migration und Flüchtlinge ist angehalten, ein Register zu führen.", "de"),
    ("Das geht das Bundesministerium für Wirtschaft und Klimaschutz gerade an.", "de"),
    ("Der Ausschuss für Klimaschutz und Energie tagt morgen.", "de"),
    ("Nach Schätzung der Internationalen Organisation für Migration sind viele ertrunken.", "de"),
    ("Wir wollen in Hanau mit dem Zentrum für Demokratie und Vielfalt einen Salon einrichten.", "de"),
    ("The Secretary will meet members of the House Transportation and Infrastructure Committee.", "en"),
    ("We work with the Cybersecurity and Infrastructure Security Agency on it.", "en"),
    ("The Department of Energy announced the grants.", "en"),
    ("We support the Special Supplemental Nutrition Program for Women, Infants, and Children.", "en"),
])
def test_a_concept_inside_a_name_is_no_mention(text, lang):
    assert concepts(text, lang) == []


@pytest.mark.parametrize("text, lang, expected", [
    # the concept named plainly next to such a name still counts
    ("Das Bundesamt für Migration und Flüchtlinge verlangt mehr Klimaschutz.", "de", ["Klimaschutz"]),
    ("Die Bundesagentur für Arbeit verhängt Sanktionen.", "de", ["Sanktionen"]),
    ("Wir wollen weniger Migration, sagt das Bundesamt.", "de", ["Migration"]),
    ("Das Zentrum der Stadt lebt von der Demokratie.", "de", ["Demokratie"]),
    ("Wir brauchen mehr Klimaschutz und ein starkes Ministerium für Wirtschaft.", "de", ["Klimaschutz"]),
    ("The Department of Energy and infrastructure investment go together.", "en", ["infrastructure"]),
    ("The Transportation Committee wants more infrastructure.", "en", ["infrastructure"]),
    ("Infrastructure matters, the Committee said.", "en", ["infrastructure"]),
    # the name the dictionary lists is its own concept
    ("The Inflation Reduction Act lowers costs.", "en", ["Inflation Reduction Act"]),
    ("Inflation is falling. Act now, he said.", "en", ["inflation"]),
    # a law's title names what the law is about
    ("The Inflation Reduction Act is law.", "en", ["Inflation Reduction Act"]),
    ("The Department of Treasury sanctioned Energy Corp.", "en", ["energy"]),
])
def test_a_concept_next_to_a_name_still_counts(text, lang, expected):
    assert concepts(text, lang) == expected


def test_name_spans_keep_to_the_name():
    text = "Die Bundesagentur für Arbeit Sanktionen"
    assert [text[s:e] for s, e, _, _ in name_spans(text, lang="de")] == ["Bundesagentur für Arbeit"]
    text = "the Department of Health and Human Services said"
    assert [text[s:e] for s, e, _, _ in name_spans(text, lang="en")] == ["Department of Health and Human Services"]
    text = "energy. Department officials"
    assert name_spans(text, lang="en") == []
    text = "The Department of the Treasury sanctioned Energy Corp."
    assert [text[s:e] for s, e, _, _ in name_spans(text, lang="en")] == ["Department of the Treasury"]


def test_a_law_title_names_its_concept():
    plain = read_concepts({"inflation": {"lemmas": ["inflation"]}, "voting rights": {"phrases": ["voting rights"]}})
    assert [m.concept for m in find_concepts("The Inflation Reduction Act lowers costs.", plain, lang="en")] == ["inflation"]
    assert [m.concept for m in find_concepts("Pass the John Lewis Voting Rights Act.", plain, lang="en")] == ["voting rights"]





def test_a_name_runs_back_over_title_case_words_only():
    text = "Ask DEA, the Border Patrol, and Department of Homeland Security."
    assert [text[s:e] for s, e, _, _ in name_spans(text, lang="en")] == ["Department of Homeland Security"]
    text = "the Cybersecurity and Infrastructure Security Agency"
    assert [text[s:e] for s, e, _, _ in name_spans(text, lang="en")] == ["Cybersecurity and Infrastructure Security Agency"]
