import pandas as pd
import pytest

from analysis import segment, tokenize


def test_tokenize_maps_over_dask_partitions(sample_articles):
    dd = pytest.importorskip("dask.dataframe")
    articles = pd.concat([sample_articles.assign(article_id=f"a{i}") for i in range(4)], ignore_index=True)
    tokens = dd.from_pandas(articles, npartitions=2).map_partitions(tokenize, meta=tokenize(articles.head(0))).compute()
    expected = segment(articles).tokens
    pd.testing.assert_frame_equal(tokens.reset_index(drop=True), expected.reset_index(drop=True))
