import pandas as pd

from analysis.plots import save_figure
from analysis.plots.corpus import plot_articles_over_time, plot_sentence_lengths
from analysis.plots.quotes import cue_lemmas, plot_cue_profile, plot_quotes_by_speaker
from analysis.widgets import quote_browser, quote_in_context

QUOTES = pd.DataFrame({
    "article_id": ["a"] * 5,
    "speaker": ["Wladimir Putin", "Wladimir Putin", "Kim Jong Un", None, "Wladimir Putin"],
    "kind": ["direct", "indirect", "indirect", "reported", "reported"],
    "cue": ["sagte", "erklärte", "sagte", "forderte", "sprach aus"],
    "lang": ["de"] * 5,
    "spans": [[[0, 5]], [[6, 10]], [[11, 15]], [[0, 3]], [[16, 20]]],
})


def test_quotes_by_speaker_bars_and_labels():
    ax = plot_quotes_by_speaker(QUOTES)
    assert ax.get_title() == "Who is quoted, and how" and ax.get_xlabel() == "quotations"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1] == "Wladimir Putin" and "(unattributed)" in labels
    assert len(ax.patches) == 3 * 3  # speakers x kinds present
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["direct", "indirect", "reported"]
    assert sum(p.get_width() for p in ax.patches) == len(QUOTES)
    assert max(p.get_x() + p.get_width() for p in ax.patches) == 3  # Putin's stacked bar


def test_cue_profile_heatmap():
    ax = plot_cue_profile(QUOTES)
    image = ax.get_images()[0].get_array()
    assert image.shape == (2, 3)  # speakers x cues sagen, erklären, aussprechen (the unattributed "fordern" is left out)
    assert ax.get_xlabel() == "speech verb (lemma)" and ax.get_ylabel() == "speaker"
    assert abs(image.sum() - 2.0) < 1e-9  # shares sum to 1 per speaker


def test_cue_lemmas_join_particles():
    assert cue_lemmas(QUOTES).tolist() == ["sagen", "erklären", "sagen", "fordern", "aussprechen"]


def test_corpus_plots_and_export(tmp_path):
    tokens = pd.DataFrame({"article_id": ["a"] * 5, "sentence": [0, 0, 0, 1, 1], "is_punct": [False, False, True, False, True]})
    ax = plot_sentence_lengths(tokens)
    assert ax.get_ylabel() == "sentences" and sum(p.get_height() for p in ax.patches) == 2
    arts = pd.DataFrame({"date": pd.to_datetime(["2019-04-01", "2019-04-20", "2019-06-03"]), "source": ["x", "y", "x"]})
    ax = plot_articles_over_time(arts, by="source")
    assert len(ax.get_lines()) == 2 and ax.get_legend().get_title().get_text() == "source"
    paths = save_figure(ax, "timeline", folder=tmp_path)
    assert paths[0].read_bytes()[:4] == b"\x89PNG" and "<svg" in paths[1].read_text(encoding="utf-8")


def test_umlauts_render_in_svg(tmp_path):
    ax = plot_quotes_by_speaker(QUOTES.assign(speaker="Jürgen Müller-Lüdenscheidt"))
    svg = save_figure(ax, "umlaut", folder=tmp_path)[1].read_text(encoding="utf-8")
    assert "Jürgen Müller-Lüdenscheidt" in svg


def test_quote_browser_filters():
    articles = pd.DataFrame({"article_id": ["a"], "text": ["Hallo Welt und mehr Text hier."]})
    panel = quote_browser(QUOTES, articles)
    speaker, kind = panel.children[0].children
    html = panel.children[1]
    assert "5 quotation(s)" in html.value
    speaker.value = "Kim Jong Un"
    assert "1 quotation(s)" in html.value and '<span class="quote">' in html.value
    kind.value = "direct"
    assert "0 quotation(s)" in html.value


def test_quote_in_context_escapes_and_ignores_bad_spans():
    out = quote_in_context({"spans": [[0, 3]], "cue_span": None, "speaker_span": [50, 60]}, "<b> tag")
    assert out.startswith("… <span class=\"quote\">&lt;b&gt;</span>")
