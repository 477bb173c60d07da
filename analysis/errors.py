"""Exceptions raised at the toolkit's boundaries.

Every error a user can cause (a missing file, an unreadable record, a table without the
expected columns) is an :class:`InputError` whose message names what was expected and what
was found, so that the command line can print it on one line.
"""


class InputError(ValueError):
    """Input that the toolkit cannot use; the message says where and why.

    >>> raise InputError("corpus.csv: no text column (expected one of: text, body)")
    Traceback (most recent call last):
    ...
    analysis.errors.InputError: corpus.csv: no text column (expected one of: text, body)
    """


def require_columns(df, columns, *, table: str) -> None:
    """Raise :class:`InputError` unless ``df`` is a DataFrame holding ``columns``.

    >>> import pandas as pd
    >>> require_columns(pd.DataFrame({"text": []}), ["text"], table="articles")
    """
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise InputError(f"{table}: expected a pandas DataFrame, got {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise InputError(
            f"{table}: missing column(s) {', '.join(missing)}; found {', '.join(map(str, df.columns)) or 'none'}"
        )
