"""Exceptions raised at the toolkit's boundaries.

Every error a user can cause (a missing file, an unreadable record, a table without the
expected columns) is an :class:`InputError` whose message names what was expected and what
was found, so that the command line can print it on one line.
"""
import numbers


class InputError(ValueError):
    """Input that the toolkit cannot use; the message says where and why.

    >>> raise InputError("corpus.csv: no text column (expected one of: text, body)")
    Traceback (most recent call last):
    ...
    analysis.errors.InputError: corpus.csv: no text column (expected one of: text, body)
    """


def require_columns(df, columns, *, table: str) -> None:
    """Raise :class:`InputError` unless ``df`` is a DataFrame holding ``columns``; a required
    ``article_id`` column must hold an id in every row (no None or NaN).

    >>> import pandas as pd
    >>> require_columns(pd.DataFrame({"text": []}), ["text"], table="articles")
    >>> require_columns(pd.DataFrame({"article_id": ["a", None]}), ["article_id"], table="articles")
    Traceback (most recent call last):
    ...
    analysis.errors.InputError: articles: article_id missing (None or NaN) in 1 row(s), the first at index 1
    """
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise InputError(f"{table}: expected a pandas DataFrame, got {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise InputError(
            f"{table}: missing column(s) {', '.join(missing)}; found {', '.join(map(str, df.columns)) or 'none'}"
        )
    if "article_id" in columns and (absent := df["article_id"].isna()).any():
        raise InputError(f"{table}: article_id missing (None or NaN) in {int(absent.sum())} row(s), "
                         f"the first at index {df.index[absent.to_numpy()][0]!r}")


def require_int(value, *, name: str, minimum: int = 0) -> int:
    """``value`` as an ``int``; :class:`InputError` unless it is a whole number of at least ``minimum``.

    >>> require_int(3, name="window")
    3
    >>> require_int(-3, name="window")
    Traceback (most recent call last):
    ...
    analysis.errors.InputError: window: expected a whole number >= 0, got -3
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        raise InputError(f"{name}: expected a whole number >= {minimum}, got {value!r}")
    return int(value)


def require_positive(value, *, name: str) -> float:
    """``value`` as a ``float``; :class:`InputError` unless it is a number greater than 0.

    >>> require_positive(0, name="smoothing")
    Traceback (most recent call last):
    ...
    analysis.errors.InputError: smoothing: expected a number > 0, got 0
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not value > 0:
        raise InputError(f"{name}: expected a number > 0, got {value!r}")
    return float(value)
