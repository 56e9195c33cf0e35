"""A real Celery worker picks a task from Redis and sends the result back.

The rest of the suite runs tasks in-process (tests/conftest.py forces eager mode on the project's
Celery app), so this test talks to the worker through a Celery instance of its own.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest
from celery import Celery
from kombu import Exchange, Queue

BASE_DIR = Path(__file__).resolve().parent.parent
READY_TIMEOUT = 30  # seconds; a worker is ready in ~4 s on the project's machines
RESULT_TIMEOUT = 30


@pytest.mark.worker
def test_it_runs_a_task_in_a_separate_worker_process(tmp_path: Path) -> None:
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.skip("REDIS_URL is not set: the real-worker test needs Redis (CI sets it)")

    # A queue and node name of its own, so no other worker on the same Redis can answer for ours.
    suffix = secrets.token_hex(4)
    queue = f"test-gezondheid-{suffix}"
    nodename = f"test-{suffix}@localhost"
    client = Celery("test-celery-worker", broker=redis_url, backend=redis_url)

    log_path = tmp_path / "worker.log"
    with log_path.open("w") as log:
        worker = subprocess.Popen(
            [
                *[sys.executable, "-m", "celery", "-A", "continuiteit", "worker", "-l", "info"],
                *["-P", "solo", "--concurrency=1", "-Q", queue, "-n", nodename],
                *["--without-mingle", "--without-gossip"],  # no chatter with other workers
            ],
            cwd=BASE_DIR,
            env={**os.environ, "REDIS_URL": redis_url, "CELERY_TASK_ALWAYS_EAGER": "false", "DEBUG": "true"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_ready(client, nodename, worker, log_path)

        teken = secrets.token_urlsafe(16)
        result = client.send_task("continuiteit.gezondheid", args=[teken], queue=queue)
        antwoord = result.get(timeout=RESULT_TIMEOUT)
        result.forget()

        assert antwoord["teken"] == teken
        assert antwoord["pid"] != os.getpid()
        assert antwoord["pid"] == worker.pid  # the solo pool runs tasks in the worker process itself
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait(timeout=5)
        _delete_queue(client, queue)
        client.close()


def _wait_until_ready(client: Celery, nodename: str, worker: subprocess.Popen[bytes], log_path: Path) -> None:
    """Poll the worker with a broadcast ping; fail with its log if it dies or stays silent."""
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            pytest.fail(f"the worker exited with {worker.returncode}:\n{log_path.read_text()}")
        if client.control.inspect(destination=[nodename], timeout=1).ping():
            return
        time.sleep(0.5)
    pytest.fail(f"the worker did not answer a ping within {READY_TIMEOUT} s:\n{log_path.read_text()}")


def _delete_queue(client: Celery, queue: str) -> None:
    """Leave nothing behind on the shared Redis."""
    # Declared again first: the Redis transport deletes only bindings that this channel knows.
    with client.connection_for_write() as connection:
        bound = Queue(queue, Exchange(queue), routing_key=queue)(connection.default_channel)
        bound.declare()
        bound.delete()
