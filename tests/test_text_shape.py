"""Text shape: hard-wrapped copies of real text give the sentences of the original; structure
(paragraphs, headings, lists, speaker labels, verse) stays apart; markup leftovers go."""

import json
import textwrap

import pandas as pd
import pytest
from wordfreq import zipf_frequency

from analysis.cli import main
from analysis.corpus import load_articles
from analysis.segment import split_sentences
from analysis.text_shape import reflow, shape_text, strip_markup, wrap_width

ENGLISH = """Trade Talks Resume in Geneva

Negotiators from both countries met again on Tuesday after a pause of several months, and officials described the first round as constructive. The delegations exchanged proposals on tariffs, agricultural quotas and the protection of intellectual property, according to a statement released in the evening.
The talks are expected to continue until the end of the week. A spokesperson for the trade ministry said that no agreement would be signed before both parliaments had reviewed the draft, which runs to more than two hundred pages.
- The first working group deals with tariffs on steel, aluminium and the parts of cars that cross the border several times.
- The second working group deals with services, data transfers and the recognition of professional qualifications.
THE PRESIDENT: Thank you all for coming. We have worked on this agreement for a long time, and I believe that the people of both countries will benefit from it for many years to come.
Q   Mr. President, can you tell us whether the tariffs on steel will be lifted before the summer, as the industry has demanded for months?
MS. PSAKI: We are not going to get ahead of the negotiators, but the President has been clear that he wants a result that protects workers in the steel industry."""

VERSE = "The woods are lovely, dark and deep,\nBut I have promises to keep,\nAnd miles to go before I sleep,\nAnd miles to go before I sleep."


def _original() -> str:
    articles, _ = load_articles("data", text_shape=False)
    return articles["text"].iloc[0]


def _wrap(text: str, width: int, *, break_on_hyphens: bool = False) -> str:
    """``text`` hard-wrapped paragraph by paragraph (each line of ``text`` is a paragraph)."""
    return "\n".join(textwrap.fill(line, width, break_on_hyphens=break_on_hyphens, subsequent_indent="  " if line.startswith("- ") else "")
                     for line in text.split("\n"))


def _hyphenate(text: str, width: int, lang: str) -> str:
    """``text`` greedily wrapped at ``width``, splitting a known word that does not fit with a hyphen."""
    out = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            if line and len(line) + 1 + len(word) > width:
                core = word.rstrip(".,;:!?“”\"")
                cut = width - len(line) - 2  # room for a space and the hyphen
                if core.isalpha() and zipf_frequency(core.lower(), lang) >= 1 and 3 <= cut <= len(core) - 3:
                    out.append(f"{line} {word[:cut]}-")
                    line = word[cut:]
                    continue
                out.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        out.append(line)
    return "\n".join(out)


def _sentences(text: str, lang: str) -> list[str]:
    return split_sentences(pd.DataFrame({"article_id": ["a"], "text": [text], "lang": [lang]}))["text"].tolist()


@pytest.mark.parametrize("width", [60, 66, 72, 80])
@pytest.mark.parametrize("hyphens", [False, True])
def test_wrapped_sample_article_gives_the_original_sentences(width, hyphens):
    original = _original()
    wrapped = _wrap(original, width, break_on_hyphens=hyphens)
    assert wrapped.count("\n") > 3 * original.count("\n")
    text, done = shape_text(wrapped, lang="de")
    assert done.startswith("reflowed:")
    assert _sentences(text, "de") == _sentences(original, "de")
    assert text == original  # paragraphs too: each wrapped paragraph is one line again


@pytest.mark.parametrize("width", [60, 70, 80])
def test_words_split_at_line_end_are_rejoined(width):
    original = _original()
    wrapped = _hyphenate(original, width, "de")
    text, done = shape_text(wrapped, lang="de")
    assert "dehyphenated:" in done
    assert _sentences(text, "de") == _sentences(original, "de")


def test_real_hyphens_stay():
    assert reflow("\n".join([
        "Die Delegationen sprachen in Wladiwostok mehrere Stunden lang mit dem US-",
        "Präsidenten über Sanktionen, an denen Nord- und Südkorea, China, Russland und",
        "Japan beteiligt sind, und über die früheren Sechs-Parteien-Gespräche, die Nord-",
        "und Südkorea einschlossen, wie die Agentur am Abend in Moskau berichtete."])) == (
        "Die Delegationen sprachen in Wladiwostok mehrere Stunden lang mit dem US-Präsidenten über Sanktionen, "
        "an denen Nord- und Südkorea, China, Russland und Japan beteiligt sind, und über die früheren "
        "Sechs-Parteien-Gespräche, die Nord- und Südkorea einschlossen, wie die Agentur am Abend in Moskau berichtete.")


@pytest.mark.parametrize("width", [60, 70, 80])
def test_wrapped_transcript_keeps_headings_lists_and_speaker_labels_apart(width):
    wrapped = _wrap(ENGLISH, width)
    text, done = shape_text(wrapped, lang="en")
    assert done.startswith("reflowed:")
    assert text == ENGLISH
    assert _sentences(text, "en") == _sentences(ENGLISH, "en")


def test_text_that_is_not_wrapped_stays_as_it_is():
    assert shape_text(_original(), lang="de") == (_original(), "")
    assert shape_text(ENGLISH, lang="en") == (ENGLISH, "")
    assert shape_text(VERSE, lang="en") == (VERSE, "")
    assert wrap_width(VERSE.split("\n")) is None


def test_a_short_last_line_and_a_blank_line_end_a_paragraph():
    wrapped = _wrap(ENGLISH.replace("\n", "\n\n"), 70)
    assert shape_text(wrapped, lang="en")[0] == ENGLISH.replace("\n", "\n\n")


@pytest.mark.parametrize("raw, clean", [
    ("Er sagte &amp;quot;Nein&amp;quot; &amp;amp; ging.", "Er sagte \"Nein\" & ging."),
    ("Ein Wort&nbsp;mehr &#8211; und &#x201E;Zitat&#x201C;", "Ein Wort\xa0mehr – und „Zitat“"),
    ('Kim <span class="name">Jong Un</span> kam.', "Kim Jong Un kam."),
    ('Kim span class="name">Jong Un kam.', "Kim Jong Un kam."),
    ('Der Link&quot;&gt;Text', "Der LinkText"),
    ("Erste Zeile<br>zweite Zeile</p><p>Absatz", "Erste Zeile\nzweite Zeile\n\nAbsatz"),
    ("Putin</td><td>Kim", "Putin Kim"),
    ("<!-- Kommentar -->Text", "Text"),
    ("**Steel Association:** “The steel industry”", "Steel Association: “The steel industry”"),
    ("Das ist __sehr wichtig__ und *klar*.", "Das ist sehr wichtig und klar."),
    ("Ein [erfolgreicher\nZoll](https://example.org/a?b=c) wirkt.", "Ein erfolgreicher\nZoll wirkt."),
    ("Bild: ![Ein Foto](img/a.png) Ende.", "Bild:  Ende."),
    ("Ergebnis ** Ende", "Ergebnis  Ende"),
])
def test_markup_leftovers_are_removed(raw, clean):
    assert strip_markup(raw) == clean


@pytest.mark.parametrize("text", ["2 * 3 * 4 = 24", "* item one\n* item two", "snake_case_name and __init__", "a < b > c",
                                  "[1] Quelle", "Preis: 5 € (brutto)"])
def test_text_that_only_looks_like_markup_stays(text):
    assert strip_markup(text) == text


def test_loading_records_what_was_done_and_can_be_switched_off(tmp_path):
    wrapped = _wrap(ENGLISH, 70)
    records = [{"id": "w", "text": wrapped}, {"id": "m", "text": "A &amp; B said <b>yes</b>."},
               {"id": "e", "text": "<p><br/></p>"}, {"id": "p", "text": "Plain text."}]
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    articles, rejected = load_articles([path], errors="collect", lang="en")
    shape = dict(zip(articles["article_id"], articles["text_shape"]))
    assert shape["w"].startswith("reflowed:") and shape["m"] == "entities:1,tags:2" and shape["p"] == ""
    assert articles.set_index("article_id").loc["w", "text"] == ENGLISH
    assert rejected["reason"].tolist() == ["empty text (nothing left after removing markup)"]
    assert rejected["origin"].tolist() == [f"{path}:3"]
    raw, rejected = load_articles([path], errors="collect", lang="en", text_shape=False)
    assert "text_shape" not in raw and rejected.empty
    assert raw.set_index("article_id").loc["w", "text"] == wrapped


def test_cli_load_keeps_the_text_with_no_text_shape(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text(json.dumps({"text": "A <i>b</i>."}) + "\n", encoding="utf-8")
    assert main(["load", str(tmp_path / "in"), "--out", str(tmp_path / "on")]) == 0
    assert main(["load", str(tmp_path / "in"), "--out", str(tmp_path / "off"), "--no-text-shape"]) == 0
    assert pd.read_parquet(tmp_path / "on" / "articles.parquet")["text"].tolist() == ["A b."]
    assert pd.read_parquet(tmp_path / "off" / "articles.parquet")["text"].tolist() == ["A <i>b</i>."]


def test_a_hard_wrapped_text_page_loads_as_the_page_it_was(tmp_path):
    page = "Gipfel in Wladiwostok\n\n" + _original()
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    (tmp_path / "wrapped.txt").write_text(_wrap(page, 66), encoding="utf-8")
    articles, rejected = load_articles([tmp_path / "page.txt", tmp_path / "wrapped.txt"])
    plain, wrapped = articles.to_dict("records")
    assert rejected.empty and plain["title"] == wrapped["title"] == "Gipfel in Wladiwostok"
    assert wrapped["text"] == plain["text"] and wrapped["lead"] == plain["lead"]
    assert _sentences(wrapped["text"], "de") == _sentences(plain["text"], "de")
    unshaped, _ = load_articles([tmp_path / "wrapped.txt"], text_shape=False)
    assert unshaped.loc[0, "text"] != plain["text"]  # without shaping every wrapped line is a paragraph
