"""The subject of a cue that the quotation rules handed over without a mention: a verb-final
clause's subject, the subject after a finite verb behind a fronted adverbial
(docs/actors.md, "Measured with a sub-table of the lost mentions")."""
import pandas as pd
import pytest

from analysis.speakers import resolve_speakers


def _resolve(text: str, cue: str, mention: str | None = None, resolution: str = "none") -> tuple:
    c = text.index(cue)
    m = text.index(mention) if mention else None
    quotes = pd.DataFrame({
        "article_id": ["a"], "speaker_mention": [mention], "speaker_span": [[m, m + len(mention)] if mention else None],
        "cue_span": [[c, c + len(cue)]], "speaker_resolution": [resolution], "spans": [[[c + len(cue) + 2, len(text)]]]})
    out = resolve_speakers(quotes, pd.DataFrame({"article_id": ["a"], "text": [text], "lang": ["de"]}))
    return out.at[0, "speaker"], out.at[0, "speaker_mention"]


@pytest.mark.parametrize("text, cue, expected", [
    ("Obwohl Steinbrück mit Mehreinnahmen von 3,5 Milliarden Euro rechnet, sei man weit entfernt.",
     "rechnet", "Steinbrück"),  # the comma of a number ends no clause
    ("Der Minister Peter Müller kam. Wie die Agentur Reuters berichtet, sei er zurückgetreten.",
     "berichtet", "Reuters"),
    ("Er kam. Wie „heise online“ berichtet, sperrten die Behörden den Zugang.", "berichtet", "„heise online“"),
])
def test_subject_of_a_verb_final_clause(text, cue, expected):
    speaker, mention = _resolve(text, cue)
    assert expected in (speaker, mention) and mention is not None


@pytest.mark.parametrize("text, cue, expected", [
    ("Des Weiteren verwies Steinbrück darauf, dass der Entwurf gut sei.", "verwies", "Steinbrück"),
    ("Des Weiteren wirft die OSZE der Wahlkommission vor, schlecht gearbeitet zu haben.", "wirft", "OSZE"),
])
def test_subject_after_the_verb_behind_a_fronted_adverbial(text, cue, expected):
    assert _resolve(text, cue, "Des Weiteren", "explicit")[0] == expected


@pytest.mark.parametrize("text, cue, mention", [
    ("Als Begründung wurde angegeben, es werde ein neuer Partner gesucht.", "wurde angegeben", None),  # V2 passive
    ("Er kam. Als er gefragt wurde, sagte er nichts dazu.", "gefragt", None),  # a passive: er is asked
    ("Die Zeitung, die er zitierte, sei gut.", "zitierte", None),  # a relative clause
    ("Er kam. Wenn Herr Kühn sagt, es sei gut, irrt er.", "sagt", None),  # a conditional reports nothing
    ("Er kam. Wie wir wissen, sei es gut.", "wissen", None),
    ("Wie der Sender meldete: „Die Straße bleibt gesperrt.“", "meldete", None),  # a colon: no subordinate clause
    ("Er kam. Wie vielen Wochen zu sagen ist, sei es gut.", "sagen", None),  # no article, no name  # first person: no speaker of its own
])
def test_no_subject_for_other_clauses(text, cue, mention):
    assert _resolve(text, cue, mention) == (None, None)


def test_pronoun_before_the_verb_keeps_it_subject():
    text = "Der Mann kam. Er erklärte einem Angestellten, dass er eine Bombe trage."
    speaker, mention = _resolve(text, "erklärte", "Er", "explicit")
    assert mention == "Er" and speaker != "Angestellte"
