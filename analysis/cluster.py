"""A Dask ``distributed`` client for a pipeline run: a local cluster, or a real one by its address.

A local cluster has ``workers`` processes of one thread each (a partition is pure Python work,
so processes, not threads, use the cores). A scheduler address (``tcp://host:8786``, as printed
by ``dask scheduler``, dask-jobqueue or dask-kubernetes) that does not answer within
``timeout`` seconds is an :class:`InputError`, not a hang.

>>> connect(scheduler="tcp://127.0.0.1:9", timeout=1)
Traceback (most recent call last):
...
analysis.errors.InputError: no Dask scheduler answered at tcp://127.0.0.1:9 within 1 s; start one (dask scheduler) or leave out --scheduler for a local cluster
"""
from __future__ import annotations

import logging
from contextlib import contextmanager

from analysis.errors import InputError

log = logging.getLogger(__name__)


def connect(*, workers: int | None = None, scheduler: str | None = None, timeout: float = 5,
            memory_limit: str | None = None):
    """A ``distributed.Client``: to ``scheduler`` if given, else to a new local cluster of ``workers``.

    Dask's own log lines (cluster start and stop) are shown only when this module logs at DEBUG.
    """
    from distributed import Client, LocalCluster

    if not log.isEnabledFor(logging.DEBUG):
        logging.getLogger("distributed").setLevel(logging.WARNING)

    if scheduler is not None and workers is not None:
        raise InputError("give either a number of workers (a local cluster) or a scheduler address, not both")
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=f"{timeout}s", set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            reason = str(exc).splitlines()[0] if isinstance(exc, ValueError) else ""
            raise InputError(f"no Dask scheduler answered at {scheduler} within {timeout:g} s"
                             + (f" ({reason})" if reason else "")
                             + "; start one (dask scheduler) or leave out --scheduler for a local cluster") from None
    else:
        if workers is not None and workers < 1:
            raise InputError(f"workers: expected a whole number >= 1, got {workers}")
        cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                               memory_limit=memory_limit or "auto", dashboard_address=":0",
                               silence_logs=logging.DEBUG if log.isEnabledFor(logging.DEBUG) else logging.WARNING)
        client = Client(cluster, set_as_default=False)
    _log_dashboard(client)
    return client


def _log_dashboard(client) -> None:
    from importlib.util import find_spec

    workers = len(client.scheduler_info()["workers"])
    if scheduler_is_local(client) and find_spec("bokeh") is None:
        log.info("Dask cluster of %d workers; its dashboard needs bokeh (pip install bokeh)", workers)
    else:
        log.info("Dask dashboard: %s (%d workers)", client.dashboard_link, workers)


def scheduler_is_local(client) -> bool:
    """Whether the client's scheduler runs in this process (a local cluster started here)."""
    return getattr(client, "cluster", None) is not None and hasattr(client.cluster, "scheduler")


@contextmanager
def cluster_client(client=None, **options):
    """``client`` as it is (the caller closes it), or a new one from :func:`connect` closed at the end."""
    if client is not None:
        yield client
        return
    client = connect(**options)
    try:
        yield client
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None:
            cluster.close()
