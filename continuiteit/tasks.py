"""Project-wide tasks that belong to no single app."""

from __future__ import annotations

import logging
import os
import socket

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(name="continuiteit.gezondheid")
def gezondheid(teken: str) -> dict[str, str | int]:
    """Echo a token with the identity of the process that ran it.

    Used by health checks and by the worker test: the answer proves that a separate worker
    process picked the task from the broker and sent a result back.
    """
    logger.info("gezondheid: %s", teken)
    return {"teken": teken, "host": socket.gethostname(), "pid": os.getpid()}
