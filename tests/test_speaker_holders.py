"""Who speaks for a source or an unnamed person: the organisation of its staff, the agent of an action."""
import pytest

from tests.test_speakers import resolve_one


@pytest.mark.parametrize("text, mention, speaker", [
    # must change: an unnamed member of an organisation's staff speaks for it
    ("Die Verantwortlichen des Außenministeriums teilten mit, man prüfe den Fall.",
     "Die Verantwortlichen des Außenministeriums", "Außenministerium"),
    ("Ein Beamter der Nationalpolizei sagte, es gebe keine Spur.", "Ein Beamter der Nationalpolizei", "Nationalpolizei"),
    ("Vertreter der niedersächsischen SPD erklärten, sie lehnten den Plan ab.",
     "Vertreter der niedersächsischen SPD", "SPD"),
    # near misses: staff without an organisation, a member of parliament, a spokesperson as before
    ("Ein Beamter sagte, es gebe keine Spur.", "Ein Beamter", "Beamter"),
    ("Ein Abgeordneter der Grünen sagte, es gebe keine Spur.", "Ein Abgeordneter der Grünen", "Abgeordneter der Grünen"),
    ("Ein Sprecher der Feuerwehr sagte, es gebe keine Spur.", "Ein Sprecher der Feuerwehr", "Feuerwehr"),
])
def test_staff_speak_for_their_organisation(text, mention, speaker):
    assert resolve_one(text, mention)[0] == speaker
