"""A role noun the article names: the person set off by commas after a spokesperson's
organisation, also with a name particle (docs/actors.md, "Measured with the cause table")."""
import pytest

from test_coreference import resolve_all


@pytest.mark.parametrize("text, mention, expected", [
    ("Die Sprecherin der Stiftung Warentest, Heike van Laak, sagte dazu, man bleibe dabei.",
     "Die Sprecherin der Stiftung Warentest", "Heike van Laak"),  # a particle inside the apposed name
    ("Ein Sprecher der Polizei, Hans Weber, sagte, es sei ruhig.", "Ein Sprecher der Polizei", "Hans Weber"),
])
def test_spokesperson_with_an_apposed_name_is_the_person(text, mention, expected):
    assert resolve_all(text, [mention]) == [expected]


@pytest.mark.parametrize("text, mention, expected", [
    ("Ein Sprecher der Polizei sagte, es sei ruhig.", "Ein Sprecher der Polizei", "Polizei"),  # no name: the police
    ("Ein Sprecher der Polizei, der anonym bleiben wollte, sagte, es sei ruhig.", "Ein Sprecher der Polizei",
     "Polizei"),  # a relative clause, no name
    ("Die Sprecherin der Stiftung Warentest, Heike, sagte, man bleibe dabei.",
     "Die Sprecherin der Stiftung Warentest", "Stiftung Warentest"),  # one word is no full name
])
def test_spokesperson_without_an_apposed_full_name_speaks_for_the_organisation(text, mention, expected):
    assert resolve_all(text, [mention]) == [expected]


@pytest.mark.parametrize("text, mention, expected", [
    ("Es sei gut, meldete die US-amerikanische Musikzeitschrift „Billboard“.",
     "die US-amerikanische Musikzeitschrift „Billboard“", "Billboard"),
    ("Es sei gut, meldete die Tageszeitung ''La Nacion''.", "die Tageszeitung ''La Nacion", "La Nacion"),  # cut before the mark
    ("Die Partei „Die Linke“ sagte, es sei gut.", "Die Partei „Die Linke“", "Die Linke"),
])
def test_quoted_name_after_a_medium_or_organisation_noun(text, mention, expected):
    assert resolve_all(text, [mention]) == [expected]


@pytest.mark.parametrize("text, mention, expected", [
    ("Es sei gut, meldete die Zeitschrift Stern.", "die Zeitschrift Stern", "Zeitschrift Stern"),  # no marks: as before
    ("Die Initiative „Grünes Tal“ teilte mit, es sei gut.", "Die Initiative „Grünes Tal“",
     "Initiative Grünes Tal"),  # a noun of no medium or organisation kind
    ("Der Sänger „Bounty Killer“ sagte, es sei gut.", "Der Sänger „Bounty Killer“", "Bounty Killer"),
])
def test_quoted_name_after_other_nouns_stays(text, mention, expected):
    assert resolve_all(text, [mention]) == [expected]


AMNESTY = "Auch Vertreter von Amnesty International verurteilten den Einsatz. "


@pytest.mark.parametrize("text, mentions, expected", [
    (AMNESTY + "Die Organisation verlangte, es werde untersucht.",
     ["Vertreter von Amnesty International", "Die Organisation"], "Amnesty International"),
    ("Die British Broadcasting Corporation berichtete, es sei gestört. Man habe es festgestellt, so der "
     "britische Fernsehsender.", ["Die British Broadcasting Corporation", "der britische Fernsehsender"],
     "British Broadcasting Corporation"),  # an adjective between: still the noun alone
])
def test_definite_organisation_noun_takes_up_the_organisation_quoted_before(text, mentions, expected):
    assert resolve_all(text, mentions)[-1] == expected


@pytest.mark.parametrize("text, mentions, expected", [
    ("Angela Merkel sagte, es sei gut. Die Organisation verlangte, es werde untersucht.",
     ["Angela Merkel", "Die Organisation"], "Organisation"),  # a person before
    ("Die Zeitung Haaretz berichtete, es sei gut. Die Organisation verlangte, es werde untersucht.",
     ["Haaretz", "Die Organisation"], "Organisation"),  # a medium before an organisation's noun
    (AMNESTY + "Eine Organisation verlangte, es werde untersucht.",
     ["Vertreter von Amnesty International", "Eine Organisation"], "Organisation"),  # someone new
    (AMNESTY + "Die Staatsanwaltschaft teilte mit, es werde ermittelt.",
     ["Vertreter von Amnesty International", "Die Staatsanwaltschaft"], "Staatsanwaltschaft"),  # names itself
    (AMNESTY + " ".join(["Der Einsatz dauerte lange und niemand griff ein."] * 9)
     + " Die Organisation verlangte, es werde untersucht.",
     ["Vertreter von Amnesty International", "Die Organisation"], "Organisation"),  # too far back
])
def test_organisation_noun_without_an_organisation_quoted_just_before_stays(text, mentions, expected):
    assert resolve_all(text, mentions)[-1] == expected


@pytest.mark.parametrize("mention, expected", [
    ("der deutsche Sportartikelhersteller Adidas-Salomon", "Adidas-Salomon"),
    ("Die holländische Fluggesellschaft KLM", "KLM"),
    ("der Mobilfunkanbieter Vodafone", "Vodafone"),  # a name in -e after the noun
])
def test_company_noun_before_its_name_drops(mention, expected):
    assert resolve_all(f"Es sei gut, teilte {mention} mit.", [mention]) == [expected]


@pytest.mark.parametrize("mention, expected", [
    ("die Gesellschaft für Sport und Technik", "Gesellschaft für Sport und Technik"),  # lower-case words: a name
    ("die Fluggesellschaft der Schweiz", "Fluggesellschaft der Schweiz"),  # a genitive, no name after the noun
    ("der Physiker Hans", "Physiker Hans"),  # no company's noun, one word
    ("die Max-Planck-Gesellschaft", "Max-Planck-Gesellschaft"),  # the company's name itself
])
def test_names_without_a_company_noun_before_them_stay(mention, expected):
    assert resolve_all(f"Es sei gut, teilte {mention} mit.", [mention]) == [expected]
