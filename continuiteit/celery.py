"""The Celery application. Without REDIS_URL tasks run in-process (the embedded default)."""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "continuiteit.settings")

app = Celery("continuiteit")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["continuiteit"])  # project-wide tasks (health check)
