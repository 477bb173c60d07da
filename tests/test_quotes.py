"""Quotation extraction: the founding article, each quotation kind, bad input."""
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.errors import InputError
from analysis.quotes import QUOTE_COLUMNS, extract_quotes, find_quotation_marks


def art(text, lang="de", article_id="a"):
    return pd.DataFrame({"article_id": [article_id], "lang": [lang], "text": [text]})


def quotes_of(text, lang="de"):
    return extract_quotes(art(text, lang))


def find(q, fragment):
    rows = q[q["text"].str.contains(fragment, regex=False)]
    assert len(rows), f"no quotation containing {fragment!r}; found {q['text'].tolist()}"
    exact = rows[rows["text"] == fragment]  # a quoted part nested in a reported sentence is its own quotation
    return (exact if len(exact) else rows).iloc[0]


# --- the founding article -------------------------------------------------------------------

PUTIN, KIM = "Wladimir Putin", "Kim Jong Un"
FOUNDING = [
    # (fragment of the quotation, canonical speaker, accepted kinds)
    ("Das Treffen dauerte offenbar länger als geplant", "Ria", {"indirect"}),
    ("Die Gespräche seien konstruktiv, diplomatisch", PUTIN, {"indirect"}),
    ("Er wolle auf die „Festigung der Freundschaft“", PUTIN, {"mixed"}),
    ("Beide Seiten hätten auch darüber gesprochen", PUTIN, {"indirect"}),
    ("„Wir konnten über die Geschichte unserer Beziehungen", PUTIN, {"direct"}),
    ("dass eine atomare Abrüstung in Nordkorea nicht möglich sei", PUTIN, {"indirect"}),
    ("„Sie brauchen nur eine Garantie für ihre Sicherheit.“", PUTIN, {"direct"}),
    ("Über diese Garantien müsse die internationale Gemeinschaft nachdenken", PUTIN, {"free_indirect"}),
    ("Der russische Staatschef sprach sich für eine Neuauflage", PUTIN, {"reported"}),
    ("Er könne aber nicht sagen", PUTIN, {"free_indirect"}),
    ("er sei bereit, US-Präsident Donald Trump", PUTIN, {"indirect"}),
    ("„Es gibt keine Geheimnisse“", PUTIN, {"direct"}),
    ("er hoffe auf einen erfolgreichen und nützlichen Besuch", KIM, {"indirect"}),
    ("Putin hat sich unterdessen für eine Normalisierung", PUTIN, {"reported"}),
    ("Russland unterstütze entsprechende Bemühungen", PUTIN, {"indirect"}),
    ("Kim verlangte eine erhebliche Lockerung", KIM, {"reported"}),
]


@pytest.fixture(scope="module")
def founding(sample_articles):
    return extract_quotes(sample_articles)


@pytest.mark.parametrize("fragment,speaker,kinds", FOUNDING)
def test_founding_article_quotations(founding, fragment, speaker, kinds):
    row = find(founding, fragment)
    assert row["speaker"] == speaker
    assert row["kind"] in kinds


def test_founding_article_resolution_paths(founding):
    assert find(founding, "Er wolle auf die")["speaker_resolution"] == "role"          # "sagte der Präsident"
    assert find(founding, "Es gibt keine Geheimnisse")["speaker_resolution"] == "pronoun"  # "sagte er"
    assert find(founding, "Sie brauchen nur eine Garantie")["speaker_resolution"] == "inherited"
    assert find(founding, "Der russische Staatschef sprach")["speaker_resolution"] == "role"
    assert find(founding, "er hoffe auf")["speaker_mention"] == "Kim"


def test_founding_article_narration_is_not_quoted(founding):
    for narration in ("Details wurden nicht bekannt", "Die letzten Gespräche fanden 2009 statt",
                      "Ursprünglich waren nur 50 Minuten vorgesehen", "Das Kommentieren dieses Artikels"):
        assert not founding["text"].str.contains(narration, regex=False).any(), narration


def test_founding_article_offsets_point_into_the_text(founding, sample_articles):
    text = sample_articles["text"].iloc[0]
    for row in founding.itertuples():
        assert row.text == " … ".join(text[s:e] for s, e in row.spans)
        if row.cue_spans:
            assert row.cue == " ".join(text[s:e] for s, e in row.cue_spans)
        if row.speaker_span is not None:
            s, e = row.speaker_span
            assert text[s:e] == row.speaker_mention


# --- kinds ----------------------------------------------------------------------------------

def test_contract_columns():
    q = quotes_of("„Wir kommen wieder, ganz sicher“, sagte die Ministerin.")
    assert list(q.columns[: len(QUOTE_COLUMNS)]) == QUOTE_COLUMNS
    row = q.iloc[0]
    assert row["kind"] == "direct" and row["cue"] == "sagte" and row["speaker"] == "Ministerin"


def test_direct_with_colon_frame():
    q = quotes_of("Merkel sagte: „Wir schaffen das, und wir werden es auch zeigen.“")
    row = find(q, "Wir schaffen das")
    assert row["kind"] == "direct" and row["speaker"] == "Merkel" and row["cue"] == "sagte"


def test_direct_over_paragraphs_with_reopened_mark():
    text = ("„Wir haben lange verhandelt und sind nun am Ziel.\n\n„Jetzt beginnt die Arbeit erst richtig“, "
            "sagte der Sprecher Hans Maier.")
    q = quotes_of(text)
    direct = q[q["kind"] == "direct"]
    assert len(direct) == 1
    s, e = direct.iloc[0]["spans"][0]
    assert s == 0 and text[s:e].endswith("richtig“")
    assert direct.iloc[0]["speaker"] == "Hans Maier"


def test_indirect_frame_first_with_dass_and_particle_verb():
    q = quotes_of("Der Minister räumte ein, dass die Reform zu spät komme.")
    row = find(q, "dass die Reform zu spät komme")
    assert row["kind"] == "indirect" and row["cue"] == "räumte ein" and row["speaker"] == "Minister"


def test_indirect_frame_after():
    q = quotes_of("Die Lage sei ernst, warnte der Bürgermeister am Montag.")
    row = find(q, "Die Lage sei ernst")
    assert row["cue"] == "warnte" and row["speaker_mention"] == "der Bürgermeister"


@pytest.mark.parametrize("text,speaker", [
    ("Laut Polizei wurden drei Menschen verletzt.", "Polizei"),
    ("Der Polizei zufolge wurden drei Menschen verletzt.", "Polizei"),
    ("Nach Angaben von Augenzeugen wurden drei Menschen verletzt.", "Augenzeugen"),
    ("Es wurden drei Menschen verletzt, so ein Sprecher der Feuerwehr.", "Feuerwehr"),
    ("Wie die Polizei mitteilte, wurden drei Menschen verletzt.", "Polizei"),
])
def test_attribution_without_speech_verb(text, speaker):
    row = find(quotes_of(text), "drei Menschen verletzt")
    assert row["kind"] == "indirect"
    assert speaker in row["speaker"]


def test_free_indirect_continues_speaker_and_merges_sentences():
    text = ("Der Trainer Jens Kohl sagte, das Team sei müde. Es habe zu viele Spiele gehabt. "
            "Die Pause komme zur rechten Zeit. Am Sonntag regnete es.")
    q = quotes_of(text)
    free = q[q["kind"] == "free_indirect"]
    assert len(free) == 1
    assert free.iloc[0]["text"] == "Es habe zu viele Spiele gehabt. Die Pause komme zur rechten Zeit."
    assert free.iloc[0]["speaker"] == "Jens Kohl"
    assert not q["text"].str.contains("regnete").any()


@pytest.mark.parametrize("text", [
    "Drei Kubaner wurden wegen Verschwörung zu lebenslanger Haft verurteilt.",  # passive: sentenced, not said
    "Weitere Aktionen sind für Montag angekündigt.",
    "Die Regierung will die Entscheidung kritisieren.",                          # not yet said
])
def test_no_reported_speech_after_werden_sein_or_a_modal(text):
    assert "reported" not in set(quotes_of(text)["kind"])


def test_reported_speech_act():
    row = find(quotes_of("Die Gewerkschaft forderte höhere Löhne für alle Beschäftigten."), "höhere Löhne")
    assert row["kind"] == "reported" and row["speaker"] == "Gewerkschaft"


def test_back_referring_frame():
    q = quotes_of("Die Anlage wird im Mai wieder geöffnet. Das teilte der Betreiber am Freitag mit.")
    row = find(q, "Die Anlage wird im Mai wieder geöffnet.")
    assert row["cue"] == "teilte mit" and row["speaker"] == "Betreiber"


def test_english_said_told_according_to_and_inversion():
    text = ("The plan will fail, said Mr. Smith. "
            "Jones told reporters that the vote was rigged. "
            "According to the agency, prices rose sharply. "
            "“We will win this race,” the senator said.")
    q = quotes_of(text, lang="en")
    assert find(q, "The plan will fail")["speaker"] == "Mr. Smith"
    row = find(q, "the vote was rigged")
    assert row["speaker"] == "Jones" and "told" in row["cue"]
    row = find(q, "prices rose sharply")
    assert "agency" in row["speaker"] and row["text"] == "prices rose sharply"
    assert find(q, "We will win this race")["kind"] == "direct"


# --- bad input ------------------------------------------------------------------------------

def test_unbalanced_mark_closes_at_paragraph_end():
    text = "Er rief „Wir bleiben hier und kämpfen weiter\n\nDie Polizei räumte den Platz am Abend."
    spans = find_quotation_marks(text)
    assert spans == [(8, text.index("\n"), False)]
    q = quotes_of(text)
    assert not q["text"].str.contains("Polizei räumte").any()


def test_apostrophes_and_low_single_marks_are_not_quotes():
    text = "So geht's weiter mit Kim's Plan, sagte er, und ‚na ja‚ das war es."
    assert find_quotation_marks(text) == []


def test_two_apostrophes_are_a_double_quotation_mark():
    # the convention of many news archives: ''…'' for “…”; a possessive apostrophe stays one
    text = "''We will win this race,'' said Jones' adviser. He said ''the plan has failed'' again."
    assert [text[a:b] for a, b, _ in find_quotation_marks(text, lang="en")] == [
        "''We will win this race,''", "''the plan has failed''"]
    row = find(quotes_of(text, "en"), "We will win this race")
    assert (row["kind"], row["speaker_mention"]) == ("direct", "Jones' adviser")


def test_short_titles_without_frame_are_not_quotations():
    q = quotes_of("Die Raumkapsel „Shenzhou 6“ landete sicher. Das Schiff „Morning Star“ sank im Hafen.")
    assert q.empty


def test_empty_article_and_article_without_quotes():
    assert quotes_of("").empty
    assert quotes_of("Die Sonne schien. Es war warm.").empty
    assert list(extract_quotes(pd.DataFrame({"article_id": [], "text": []})).columns) == QUOTE_COLUMNS


def test_missing_text_column_is_an_input_error():
    with pytest.raises(InputError, match="text"):
        extract_quotes(pd.DataFrame({"article_id": ["a"]}))


def test_five_megabyte_article():
    """A 5 MB article (news-like: one quotation paragraph in ten) runs through and keeps offsets."""
    narration = "Der Zug fuhr am Morgen ab und erreichte die Stadt am Abend. Es regnete den ganzen Tag.\n\n"
    quoted = "Die Gespräche seien konstruktiv verlaufen, sagte Putin. „Es gibt keine Geheimnisse“, sagte er.\n\n"
    block = narration * 9 + quoted
    n = 5_000_000 // len(block)
    text = block * n
    q = quotes_of(text)
    assert len(q) == 2 * n
    assert set(q["speaker"]) == {"Putin"}
    last = q.iloc[-1]
    assert text[last["spans"][0][0]:last["spans"][0][1]] == "„Es gibt keine Geheimnisse“"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("„“”\"»«‚‘’' ,.:;\n\n") + list("aBsagteer Putin seiSie"))
               | st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_arbitrary_unicode_never_raises_and_spans_slice_inside(text):
    # lone surrogates (category Cs) are left out: they cannot come from a decoded file and pandas'
    # Arrow-backed strings refuse them before any of our code runs
    q = quotes_of(text)
    for row in q.itertuples():
        for key in ("spans", "cue_spans", "speaker_spans", "frame_spans"):
            for s, e in getattr(row, key):
                assert 0 <= s < e <= len(text)
    for s, e, _ in find_quotation_marks(text):
        assert 0 <= s < e <= len(text)


def test_frame_after_a_frameless_direct_quotation():
    q = quotes_of("„Wir werden das Werk nicht schließen.“ Das sagte die Ministerin Anna Berg am Montag.")
    row = find(q, "Wir werden das Werk nicht schließen")
    assert row["kind"] == "direct" and row["speaker"] == "Anna Berg" and row["cue"] == "sagte"
    assert len(q) == 1


# --- the sentence filters (speed) lose no quotation -----------------------------------------------

FILTER_TEXTS = [
    "Die Lage sei ernst, sagte der Minister. Er wolle handeln. Das teilte das Ministerium mit.",
    "Der Sprecher räumte ein, dass Fehler gemacht worden seien. Die Firma wies die Vorwürfe zurück.",
    "Die Kanzlerin sprach sich für neue Gespräche aus. Laut Polizei wurden drei Menschen verletzt.",
    "Nach Angaben der Behörde ist die Lage ruhig. Den Berichten zufolge gab es keine Toten.",
    "Wie die Polizei mitteilte, wurde niemand verletzt. Es gab keine Schäden, so ein Sprecher.",
    "Ich sage Ihnen, das ist falsch. Wir wissen, dass die Zahlen stimmen. Fragen Sie mich nicht.",
    "Er kündigte an, die Steuern zu senken. Sie stellte fest: Die Reform kommt. Demnach soll sie 2025 kommen.",
    "Putin erklärte dazu:\n\n„Wir konnten über alles sprechen.“ Das sagte er am Abend.",
    "Stellen Sie sich das vor. Machen Sie mit, sagte sie. Er gab zu, dass er sich geirrt habe.",
    "In einem Interview sprach Merkel von einem Neuanfang. Die Medien sprechen von einem Putsch. Auch sie forderten "
    "den Rücktritt. Als Lichtjahr bezeichnet man eine Strecke.",
    "Heute hat die Staatsanwaltschaft das Ergebnis der Obduktion bekannt gegeben. Der Leiter der Studie, Paulo "
    "Pinheiro, kritisiert die Regierung. Die Forderungen wurden vom Minister als unrealistisch bezeichnet.",
]


def test_sentence_filters_lose_no_quotation(sample_articles):
    """The pre-filter (word-type flags, the sentences kept, the Konjunktiv, cue and clause-mark
    checks on the raw columns) gives the same quotations as the rules run on every sentence."""
    arts = pd.concat([sample_articles[["article_id", "lang", "text"]],
                      pd.DataFrame({"article_id": [f"f{n}" for n in range(len(FILTER_TEXTS))], "lang": "de",
                                    "text": FILTER_TEXTS})], ignore_index=True)
    fast = extract_quotes(arts)
    slow = extract_quotes(arts, prefilter=False)
    assert len(fast) > 20
    pd.testing.assert_frame_equal(fast, slow)


def test_gc_state_is_restored():
    import gc

    assert gc.isenabled()
    quotes_of("Die Lage sei ernst, sagte er.")
    assert gc.isenabled()
    gc.disable()
    try:
        quotes_of("Die Lage sei ernst, sagte er.")
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("text,addressee", [
    ("Das sei ein Fehler, sagte er gegenüber der Zeitung.", ["der Zeitung"]),
    ("Das sei ein Fehler, sagte er dem Spiegel.", ["dem Spiegel"]),        # a dative right after the speaker
    ("Die Lage sei ernst, teilte das Ministerium nach dem Treffen mit.", []),  # a dative after a preposition
])
def test_addressee_in_the_frame(text, addressee):
    row = quotes_of(text).iloc[0]
    assert [text[a:b] for a, b in row["addressee_spans"]] == addressee


@pytest.mark.parametrize("text,mention", [
    # closing marks opened inside the phrase are kept
    ("Die Lage sei ernst, sagte Ministerpräsident Günther Oettinger (CDU) am Montag.",
     "Ministerpräsident Günther Oettinger (CDU)"),
    ("Die Lage sei ernst, berichtete die „New York Times“ am Montag.", "die „New York Times“"),
    # genitive attributes, names joined by und, places and institutions after the noun
    ("Die Lage sei ernst, hieß es nach Angaben informierter Kreise.", "Angaben informierter Kreise"),
    ("Die Lage sei ernst, meldeten Reuters und AFP.", "Reuters und AFP"),
    ("Die Lage sei ernst, sagte ein Regierungssprecher in Berlin.", "ein Regierungssprecher in Berlin"),
    ("Die Lage sei ernst, sagte Josef Schuster vom Zentralrat der Juden.", "Josef Schuster vom Zentralrat der Juden"),
    ("Die Lage sei ernst, sagte Merkel in einem Interview.", "Merkel"),       # circumstance, not speaker
    ("Die Lage sei ernst, sagte Putin beim Gipfeltreffen.", "Putin"),
    # an apposition naming a role
    ("Die Lage sei ernst, sagte Erik Schweickert, der verbraucherschutzpolitische Sprecher der FDP.",
     "Erik Schweickert, der verbraucherschutzpolitische Sprecher der FDP"),
    # a placeholder gives way to the source named in the sentence, else to no speaker
    ("Die Lage sei ernst, hieß es in einer Erklärung der Regierung.", "einer Erklärung der Regierung"),
])
def test_speaker_phrase_extent(text, mention):
    assert find(quotes_of(text), "Die Lage sei ernst")["speaker_mention"] == mention


@pytest.mark.parametrize("text", ["Demnach sei die Lage ernst.", "Die Lage sei ernst, hieß es."])
def test_placeholder_without_source_has_no_speaker(text):
    row = find(quotes_of(text), "Lage sei ernst" if "Die" in text else "die Lage")
    assert row["speaker_mention"] is None and row["speaker_resolution"] == "none"


@pytest.mark.parametrize("lang,text,content,kind,mention", [
    # a subject with an apposition is not content interrupted by a frame ("Die Lage, sagte er, sei ernst")
    ("de", "Tegaye Mununhe, der Polizeichef der Region, sagte, dass weitere Boote im Einsatz seien.",
     "dass weitere Boote im Einsatz seien", "indirect", "Tegaye Mununhe, der Polizeichef der Region"),
    ("de", "Hans-Jürgen Papier, Präsident des Bundesverfassungsgerichtes, sagte, das sei keine Vorentscheidung.",
     "das sei keine Vorentscheidung", "indirect", "Hans-Jürgen Papier, Präsident des Bundesverfassungsgerichtes"),
    ("de", "Ahmad Nuristani, der Vorsitzende der Wahlkommission, sagte vor der Presse nur, dass die Wahl gültig sei.",
     "dass die Wahl gültig sei", "indirect", "Ahmad Nuristani, der Vorsitzende der Wahlkommission"),
    # a description with the name in commas, or a name with a description in commas, before the verb
    ("de", "Der BBC-Korrespondent in Mexiko-Stadt, Will Grant, berichtete, dass die Erde gewackelt habe.",
     "dass die Erde gewackelt habe", "indirect", "Der BBC-Korrespondent in Mexiko-Stadt, Will Grant"),
    ("de", "John Kline, ein Repräsentant aus Minnesota, sagte zu den Anschuldigungen, dass es kein Unfall gewesen sei.",
     "dass es kein Unfall gewesen sei", "indirect", "John Kline, ein Repräsentant aus Minnesota"),
    ("de", "Frank Sichau, der als Sprecher der Fraktion fungiert, erklärte, dass es Konsequenzen geben müsse.",
     "dass es Konsequenzen geben müsse", "indirect", "Frank Sichau, der als Sprecher der Fraktion fungiert"),
    ("de", "Frank Biermann, Vorsitzender der Union für das Münsterland, sagte angesichts der Lage, es sei unfassbar.",
     "es sei unfassbar", "indirect", "Frank Biermann, Vorsitzender der Union für das Münsterland"),
    # unchanged: a name, a comma and no role noun is a list, not an apposition (its last part is read)
    ("de", "Frank Biermann, Anna Lind und Tom Weber sagten, es sei unfassbar.",
     "es sei unfassbar", "indirect", "Anna Lind und Tom Weber"),
    # a quoted fragment in a clause whose verb is a cue
    ("de", "Stoiber erklärte seinen Rückzug mit einer „veränderten Lage“ nach dem Abgang von Müntefering.",
     "„veränderten Lage“", "direct", "Stoiber"),
    # names with a lower-case particle
    ("de", "Die Lage sei ernst, berichtete der Sender al-Dschasira am Montag.",
     "Die Lage sei ernst", "indirect", "der Sender al-Dschasira"),
    # a particle verb at the end of a frame clause
    ("de", "Wie die Polizei bekannt gab, wurde der Mann festgenommen.",
     "wurde der Mann festgenommen", "indirect", "die Polizei"),
    # English appositions belong to the speaker
    ("en", "Dean Baker, co-director of the Center for Economic and Policy Research, said that the plan would fail.",
     "that the plan would fail", "indirect", "Dean Baker, co-director of the Center for Economic and Policy Research"),
    ("en", "Dean Baker, co-director of the Center for Economic and Policy Research, said the plan would fail.",
     "the plan would fail", "indirect", "Dean Baker, co-director of the Center for Economic and Policy Research"),
    ("en", '"The plan will fail," said Daniel Hamermesh.', '"The plan will fail,"', "direct", "Daniel Hamermesh"),
    # adverbs in -ly before the verb are no subject; names in -ly are
    ("en", "The senator has repeatedly said that the plan would fail.", "that the plan would fail", "indirect", "The senator"),
    ("en", "Italy said that the plan would fail.", "that the plan would fail", "indirect", "Italy"),
    ("en", "“The plan will fail within a year,” said Daniel Hamermesh, a labor economist at the Institute.",
     "“The plan will fail within a year,”", "direct", "Daniel Hamermesh, a labor economist at the Institute"),
])
def test_quotation_kind_and_speaker(lang, text, content, kind, mention):
    row = find(quotes_of(text, lang), content)
    assert (row["kind"], row["text"], row["speaker_mention"]) == (kind, content, mention)
    assert row["frame_spans"] and not any(s <= text.index(content) < e for s, e in row["frame_spans"])


def test_a_quoted_part_of_a_fronted_speech_act_is_the_quotation():
    # as in the German news quotation dataset: the quoted words, with the speech act's speaker
    q = quotes_of("Von einer „gezielten Indiskretion“ sprach der Grünen-Politiker Christian Ströbele.")
    assert q[["kind", "rule", "text", "speaker_mention"]].values.tolist() == [
        ["direct", "nested_quote", "„gezielten Indiskretion“", "der Grünen-Politiker Christian Ströbele"]]


def test_quoted_name_without_a_cue_is_no_quotation():
    assert quotes_of("Die Band „Morning Star“ spielte am Abend in der Halle.").empty


@pytest.mark.parametrize("text", [
    # a frame after a clause needs a verb of speech, not of thought, in -ing or after "I"
    "On Thursday, the governor will travel to Denver to deliver remarks.",
    "The plan is working, encouraging investors across the region.",
    "I met the nurses and the doctors, I just knew the people of this town.",
    # a speech act still to come is no report
    "Tomorrow the mayor will talk about the new budget.",
    "They'll also talk about the road repairs.",
    "President Biden will highlight his plan to lower costs.",
    "The President will reiterate that the alliance is strong.",
    "The secretary may say that the talks failed.",
    # a pronoun as all the content renders nothing
    "He says it himself.",
    "They announced that yesterday.",
    # a contact without content
    "He spoke with the mayor on Monday.",
    "She has not spoken yet with the Brazilian President.",
    # an object before "that" opens a relative clause
    "The students realize a confidence that they never knew was inside of them.",
])
def test_english_non_reports(text):
    assert quotes_of(text, "en").query("kind != 'turn'").empty


@pytest.mark.parametrize("text,content,mention", [
    ("The vote was delayed again, the senator said.", "The vote was delayed again", "the senator"),
    ("The rates will rise in spring, other studies have shown.", "The rates will rise in spring", "other studies"),
    ("The mayor talked about the new budget.", "about the new budget", "The mayor"),
    ("The mayor told reporters on Tuesday that the budget was final.", "that the budget was final", "The mayor"),
    ("The mayor said on Tuesday that the budget was final.", "that the budget was final", "The mayor"),
    ("He also believes that, you know, politics infected the process.", "that, you know, politics infected the process", "He"),
    ("The President spoke with Xi on trade.", "with Xi on trade", "The President"),
])
def test_english_reports_kept(text, content, mention):
    row = find(quotes_of(text, "en"), content)
    assert (row["text"], row["speaker_mention"]) == (content, mention)


@pytest.mark.parametrize("text,mention", [
    ("Insgesamt spricht die Polizei von weniger Auseinandersetzungen.", "die Polizei"),
    ("Besonders kritisierten die Wahlbeobachter die Berichterstattung.", "die Wahlbeobachter"),
])
def test_a_fronted_adverb_is_no_speaker_the_subject_follows_the_verb(text, mention):
    row = find(quotes_of(text, "de"), text)
    assert (row["kind"], row["speaker_mention"]) == ("reported", mention)


def test_free_indirect_speech_continues_the_actor_named_since_the_last_quotation():
    text = ("Staatssekretär Harald Stegemann sagte, er habe nichts gewusst. Die Hamburger Stadtreinigung "
            "äußerte Zweifel an der Darstellung. Für eine Frist von einem Jahr sei es rechtens.")
    row = find(quotes_of(text, "de"), "Für eine Frist von einem Jahr sei es rechtens.")
    assert (row["kind"], row["speaker_mention"], row["speaker_resolution"]) == (
        "free_indirect", "Die Hamburger Stadtreinigung", "explicit")
    text = "Staatssekretär Harald Stegemann sagte, er habe nichts gewusst. Die Lage sei ernst."
    row = find(quotes_of(text, "de"), "Die Lage sei ernst.")
    assert (row["speaker"], row["speaker_resolution"]) == ("Harald Stegemann", "inherited")


def test_demnach_takes_the_source_of_the_quotation_before():
    text = "Die Polizei teilte mit, es gebe keine Verletzten. Demnach soll der Mann über die Grenze geflohen sein."
    row = find(quotes_of(text, "de"), "soll der Mann über die Grenze geflohen sein")
    assert (row["rule"], row["speaker"], row["speaker_resolution"]) == ("pointer", "Polizei", "inherited")


def test_a_relative_pronoun_after_a_name_is_the_name():
    text = ("Verteidigungsminister wird Heereskommandeur Abdel Kader Dschassim, der vor dem Parlament betonte, "
            "er gehöre keiner der Volksgruppen an.")
    row = find(quotes_of(text, "de"), "er gehöre keiner der Volksgruppen an")
    assert (row["speaker_mention"], row["speaker"]) == ("der", "Abdel Kader Dschassim")


@pytest.mark.parametrize("text,content,mention", [
    # a fronted "Als …" is no subject: it follows the verb
    ("Als Beispiel nannte der Berliner das Spiel in Leipzig: Am Vorabend sei der Schiedsrichter im Bordell gewesen.",
     "Am Vorabend sei der Schiedsrichter im Bordell gewesen", "der Berliner"),
])
def test_subject_after_a_fronted_phrase(text, content, mention):
    assert find(quotes_of(text, "de"), content)["speaker_mention"] == mention


def test_a_subordinate_clause_opening_the_sentence_is_no_speech_act():
    text = "Falls die Universität an ihrer Entscheidung festhält, steht ihr die Klage offen."
    assert quotes_of(text, "de").empty


def test_a_range_past_the_end_of_the_text_is_cut_there():
    from analysis.quotes.article import Article
    art = Article.__new__(Article)
    art.text = "Er sagte, es gehe gut"
    assert art.trim(9, 400, keep_end=False) == (10, len(art.text))
    assert art.trim(30, 400, keep_end=True) is None
