"""Fixtures shared by the whole suite."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _testinstellingen(settings) -> None:
    """Mail stays in memory, tasks run in-process, static files without a manifest."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests


@pytest.fixture(autouse=True)
def _taken_in_proces() -> None:
    """The Celery app reads its configuration once; force in-process execution for every test."""
    from continuiteit.celery import app

    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
