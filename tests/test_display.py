import re

import pandas as pd

from analysis.display import show_table


def cells(page: str) -> list[list[str]]:
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", page, re.S)
    return [re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", r, re.S) for r in rows]


def test_numbers_are_rounded_and_p_values_scientific():
    table = pd.DataFrame({"term": ["Gipfel", "<b>Zoll</b>"], "n": [12345, 7], "g2": [15.98765, 0.1],
                          "p": [6.4e-05, 0.75], "p_chi2": [1e-300, None], "log_ratio": [-2.0, 1234.56789],
                          "kept": [True, False]})
    page = show_table(table)
    assert cells(page)[1:] == [["Gipfel", "12,345", "15.988", "6.40e-05", "1.00e-300", "-2.000", "True"],
                               ["&lt;b&gt;Zoll&lt;/b&gt;", "7", "0.100", "7.50e-01", "", "1,234.568", "False"]]
    assert table.loc[0, "g2"] == 15.98765  # the table itself keeps every digit


def test_wide_tables_scroll_long_texts_are_cut_and_left_out_rows_are_said():
    table = pd.DataFrame({f"column_{i}": ["x" * 300] * 30 for i in range(25)})
    page = show_table(table, rows=5, width=50)
    assert page.startswith("<div style='overflow-x:auto;max-width:100%'>")
    assert cells(page)[1][0] == "x" * 49 + "…" and len(cells(page)) == 6
    assert "first 5 of 30 rows" in page
    assert "rows</p>" not in show_table(table, rows=30)


def test_a_labelled_index_is_shown():
    counts = pd.Series({"direct": 3, "indirect": 2}, name="quotations").rename_axis("kind").to_frame()
    assert ["direct", "3"] in cells(show_table(counts))
