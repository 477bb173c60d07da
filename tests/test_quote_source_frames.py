"""Quotations after a source frame (laut, nach Angaben, zufolge) and cues of speech that the
German rules read: each construction with a sentence of its own."""
import pandas as pd

from analysis.quotes import extract_quotes


def quotes_of(text):
    return extract_quotes(pd.DataFrame({"article_id": ["a"], "lang": ["de"], "text": [text]}))


def rows(text, cols=("kind", "text", "cue", "speaker_mention")):
    return quotes_of(text)[list(cols)].values.tolist()


# --- a source frame whose whole content is quoted: one direct quotation, not two ---------------

def test_quoted_content_after_laut_is_one_direct_quotation():
    text = "Laut Innenministerin Anna Berg „ist die Lage unter Kontrolle“."
    assert rows(text) == [["direct", "„ist die Lage unter Kontrolle“", "Laut", "Innenministerin Anna Berg"]]


def test_quoted_content_after_zufolge_keeps_its_source_as_speaker():
    q = quotes_of("Die Sitzung endete spät. Der Mitteilung zufolge „bleibt das Werk geschlossen“.")
    assert q[["kind", "text", "cue", "speaker_mention"]].values.tolist() == [
        ["direct", "„bleibt das Werk geschlossen“", "zufolge", "Der Mitteilung"]]
    assert not isinstance(q["speaker"].iloc[0], str)  # a source without a holder: no actor, never the quoted words


def test_quoted_part_of_a_longer_content_stays_mixed_with_its_direct_part():
    text = "Nach Angaben der Stadt sei der Platz „vorerst gesperrt“."
    assert rows(text, ("kind", "text")) == [["mixed", "sei der Platz „vorerst gesperrt“"], ["direct", "„vorerst gesperrt“"]]


# --- nach after a noun of a view or of hearsay: "seiner Ansicht nach", "dem Vernehmen nach" ----

def test_view_noun_before_nach_attributes_the_clause():
    assert rows("Ihrer Auffassung nach hat die Regierung zu spät gehandelt.") == [
        ["indirect", "hat die Regierung zu spät gehandelt", "nach", "Ihrer Auffassung"]]


def test_hearsay_before_nach_in_the_middle_of_the_clause():
    assert rows("Im Hafen liegen dem Vernehmen nach drei Schiffe fest.", ("kind", "text", "speaker_mention")) == [
        ["indirect", "Im Hafen liegen … drei Schiffe fest", "dem Vernehmen"]]


def test_view_noun_before_nach_frames_a_quotation():
    text = "Das Spiel ist vorbei. Seiner Meinung nach „war das eine Niederlage mit Ansage“."
    assert rows(text) == [["direct", "„war das eine Niederlage mit Ansage“", "nach", "Seiner Meinung"]]


def test_nach_as_a_complement_or_a_particle_attributes_nothing():
    assert quotes_of("Die Firma kam der Aufforderung nach und zahlte die Summe.").empty
    assert quotes_of("Die Gewerkschaft blieb bei ihrer Forderung nach höheren Löhnen.").empty
    assert quotes_of("Die seiner Ansicht nach fragwürdige Rolle der Bank wurde untersucht.").empty


def test_a_speech_verb_keeps_the_frame_when_the_content_holds_a_view_noun_before_nach():
    text = "Der Direktor erklärte, das Land besitze seiner Meinung nach vier Raketen."
    assert rows(text, ("kind", "text", "cue")) == [["indirect", "das Land besitze seiner Meinung nach vier Raketen", "erklärte"]]


def test_nach_angaben_before_a_colon_frames_the_quotation():
    text = "Die Opposition reagierte. Nach Angaben von Innenminister Peter Huber: „Wir haben die Lage im Griff.“"
    q = quotes_of(text)
    assert q[["kind", "cue", "speaker_mention", "speaker"]].values.tolist() == [
        ["direct", "Nach", "Angaben von Innenminister Peter Huber", "Peter Huber"]]


# --- a colon frame without a verb: a name, then adverbs ----------------------------------------

def test_name_and_adverb_before_a_colon_frame_the_quotation():
    q = quotes_of("Die Debatte wurde hitzig. Staatssekretärin Eva Brandt wörtlich: „Das lassen wir nicht zu.“")
    assert q[["kind", "speaker_mention", "speaker"]].values.tolist() == [["direct", "Staatssekretärin Eva Brandt", "Eva Brandt"]]


def test_adverb_alone_before_a_colon_names_no_speaker():
    q = quotes_of("Die Debatte wurde hitzig. Dazu weiter: „Das lassen wir nicht zu.“")
    assert q["kind"].tolist() == ["direct"] and not isinstance(q["speaker_mention"].iloc[0], str)


# --- a draft (Entwurf, Gesetzentwurf) is a source: Danach after it, nach before it -------------

def test_danach_after_a_draft_bill_attributes_to_it():
    text = "Der Senat legte einen Gesetzentwurf vor. Danach ist die Notenbank künftig nur für die Zinsen zuständig."
    assert rows(text, ("kind", "text", "cue")) == [["indirect", "ist die Notenbank künftig nur für die Zinsen zuständig", "Danach"]]


def test_a_draft_is_a_source_without_an_actor():
    q = quotes_of("Nach dem Entwurf soll die Abgabe im Mai steigen.")
    assert q[["kind", "text", "speaker_mention"]].values.tolist() == [["indirect", "soll die Abgabe im Mai steigen", "dem Entwurf"]]
    assert not isinstance(q["speaker"].iloc[0], str)
