"""Name mentions of German frames: a description in commas with a quoted name before the name,
a number compound adjective before the name, and an office's complement before its holder's name
(docs/actors.md, "Name mentions: a cause table of documents 1–220")."""
import pandas as pd
import pytest

from analysis.quotes import extract_quotes
from analysis.speaker_names import name_runs, trailing_name
from analysis.speakers import _ArticleEntities

LEAD = "Die Firma ist in Schwierigkeiten. "


def speakers(text: str) -> list[tuple[str, str]]:
    arts = pd.DataFrame({"article_id": ["a"], "text": [text], "lang": ["de"]})
    q = extract_quotes(arts)
    return list(zip(q["speaker_mention"], q["speaker"]))


@pytest.mark.parametrize("subject, mention, speaker", [
    ("Der Geschäftsführer von „Nordwind“, Karl Feldmann,", "Der Geschäftsführer von „Nordwind“, Karl Feldmann",
     "Karl Feldmann"),  # a quoted company name in the description
    ("Der Geschäftsführer von Nordwind, Karl Feldmann,", "Der Geschäftsführer von Nordwind, Karl Feldmann",
     "Karl Feldmann"),  # as before, without quotation marks
    ("Der 85-jährige Karl Feldmann", "Der 85-jährige Karl Feldmann", "Karl Feldmann"),
    ("Die 42-jährige Sängerin", "Die 42-jährige Sängerin", "Sängerin"),
])
def test_subject_before_the_cue_keeps_its_name(subject, mention, speaker):
    assert speakers(LEAD + subject + " sagte, das Geschäft sei mit der Strategie vereinbar.") == [(mention, speaker)]


def test_a_quoted_phrase_after_the_comma_is_no_description():
    text = LEAD + "Der Chef, „ein ehrlicher Mann“, sagte, das Geschäft sei mit der Strategie vereinbar."
    assert all(s != "ein ehrlicher Mann" for _, s in speakers(text))


@pytest.mark.parametrize("text, name", [
    ("Der Präsident der Region Elsass Adrien Zeller kritisierte die Maut.", "Adrien Zeller"),
    ("Der Vorsitzende der Selbstverwaltung Istvan Kovacs lehnte das ab.", "Istvan Kovacs"),  # no genitive -s to strip
    ("Die Sorge um die Gesundheit Kim Jong Uns wächst.", "Kim Jong Un"),  # a genitive after a noun, as before
])
def test_the_holder_after_an_office_and_its_complement(text, name):
    assert [n for _, n in name_runs(text, _ArticleEntities(text, "de"))] == [name]


@pytest.mark.parametrize("words, name", [
    ("der Region Elsass Adrien Zeller", "Adrien Zeller"),
    ("von San Francisco Dianne Feinstein", "Dianne Feinstein"),
    ("des Verwaltungsrats Ulrich Müller", "Ulrich Müller"),
    ("für Energie Günther Oettinger", "Günther Oettinger"),
])
def test_trailing_name_after_a_place_of_two_words(words, name):
    assert trailing_name(words.split()) == name


def test_a_surname_takes_the_holder_not_the_place():
    text = "Der Präsident der Region Elsass Adrien Zeller kritisierte die Maut. Zeller sagte, die Maut sei zu hoch."
    assert [s for _, s in speakers(text)][-1] == "Adrien Zeller"


@pytest.mark.parametrize("text, speaker", [
    ("Auch der frühere Präsident Irans zwischen 1997 und 2005, Mohammad Chatami, sagte, die Wahl sei ungerecht.",
     "Mohammad Chatami"),  # a time phrase inside the description, the name apposed after it
    ("Wie „heise online“ berichtet, sperrten chinesische Behörden den Zugang zu „YouTube“.", "heise online"),  # a quoted name in lower case
    ("Gemeinsam mit Finanzminister Tim Geithner sagte Barney Frank, die Reform komme.", "Barney Frank"),
    ("Zusammen mit Finanzminister Tim Geithner sagte Barney Frank, die Reform komme.", "Barney Frank"),  # fronted
])
def test_the_name_of_the_frame_speaks(text, speaker):
    assert [s for _, s in speakers(LEAD + text)] == [speaker]


def test_a_number_still_ends_a_mention_without_an_apposition():
    from analysis.speaker_mentions import repair_mention
    assert repair_mention("der Abendpost 12 Menschen", 0, _ArticleEntities("", "de")) == "der Abendpost"


def test_an_acronym_is_not_extended_by_the_words_after_it():
    text = "Die Bank erhielt Gelder der IAEA von Ägypten. Die IAEA wirft dem Iran vor, eine Aufrüstung zu betreiben."
    assert [s for _, s in speakers(text)] == ["IAEA"]
    ents = _ArticleEntities(text, "de")
    ents.add_name(0, "Angela Merkel")
    assert ents.full_name("Merkel") == "Angela Merkel"  # a surname still takes its full name


@pytest.mark.parametrize("text, mention, speaker", [
    ("Jan Giesel und David Perteck sagten, die Koalition sei inakzeptabel.", "Jan Giesel und David Perteck",
     "Jan Giesel und David Perteck"),  # two full names: the second is no phrase after the first
    ("Die IADB und der MIF schätzen, dass die Zahlen steigen.", "Die IADB und der MIF", "IADB und der MIF"),
    ("Die Polizei und die Feuerwehr erklärten, die Lage sei ernst.", "Die Polizei und die Feuerwehr",
     "Polizei und die Feuerwehr"),
    ("Merkel und Sarkozy erklärten, die Lage sei ernst.", "Merkel und Sarkozy", "Merkel und Sarkozy"),
])
def test_coordinated_speakers_stay_together(text, mention, speaker):
    assert speakers(LEAD + text)[-1] == (mention, speaker)


def test_a_name_keeps_dropping_the_phrase_after_it():
    from analysis.speaker_names import trim_tail
    assert trim_tail("Ronny Tong von der Civic Party".split()) == "Ronny Tong"
    assert trim_tail("Jan Giesel und David Perteck".split()) == "Jan Giesel und David Perteck"
