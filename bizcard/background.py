"""Background work without a broker (embedded mode): a small pool of threads in this process.

Runs the same task functions the Celery worker runs; used when ``REDIS_URL`` is unset.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from django.conf import settings
from django.db import connections

logger = logging.getLogger(__name__)

_executor: ThreadPoolExecutor | None = None
_executor_lock = threading.Lock()


def submit(fn: Callable[..., object], *args: object) -> Future:
    """Run ``fn(*args)`` on the pool; errors are logged, never lost in a Future nobody reads."""
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(
                max_workers=settings.BIZCARD_EMBEDDED_WORKERS, thread_name_prefix="bizcard-bg"
            )
    return _executor.submit(_run, fn, args)


def _run(fn: Callable[..., object], args: tuple[object, ...]) -> object:
    try:
        return fn(*args)
    except Exception:
        logger.exception("Background task %s%r failed", getattr(fn, "__name__", fn), args)
        raise
    finally:
        connections.close_all()  # this thread's connections; the next task opens fresh ones
