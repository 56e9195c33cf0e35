"""The Celery beat schedule (`settings.CELERY_BEAT_SCHEDULE`): every entry names a task the worker
knows, and the monitoring jobs run through Celery as beat would start them."""

from __future__ import annotations

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.core import mail

from continuiteit.celery import app

SCHEMA = settings.CELERY_BEAT_SCHEDULE
MONITORING = (
    "monitoring.maak_momentopname",
    "monitoring.verstuur_geplande_rapporten",
    "monitoring.verstuur_herinneringen",
)


def geregistreerd() -> set[str]:
    app.loader.import_default_modules()  # what a worker does at start: autodiscover every app's tasks
    return set(app.tasks.keys())


def test_the_monitoring_jobs_are_scheduled_and_registered():
    taken = {regel["task"] for regel in SCHEMA.values()}
    assert set(MONITORING) <= taken
    assert set(MONITORING) <= geregistreerd()


@pytest.mark.parametrize("naam", sorted(SCHEMA))
def test_every_beat_entry_names_a_registered_task(naam):
    taak = SCHEMA[naam]["task"]
    assert taak in geregistreerd(), f"beat-regel {naam!r} noemt onbekende taak {taak!r}"
    assert isinstance(SCHEMA[naam]["schedule"], crontab)


def test_reminders_and_reports_run_daily_and_snapshots_on_the_first_of_the_month():
    """Scheduled reports are checked daily, so a failed send is retried the next day (once per period)."""
    per_taak = {regel["task"]: regel["schedule"] for regel in SCHEMA.values()}
    for taak in ("monitoring.verstuur_herinneringen", "monitoring.verstuur_geplande_rapporten"):
        assert per_taak[taak].day_of_month == set(range(1, 32)) and len(per_taak[taak].hour) == 1
    assert per_taak["monitoring.maak_momentopname"].day_of_month == {1}


@pytest.mark.django_db
def test_the_reminder_and_report_tasks_run_through_celery(settings):
    settings.SITE_URL = "https://portaal.example"
    geregistreerd()
    # Eager in tests (tests/conftest.py): delay() runs the task in-process, as a worker would.
    app.tasks["monitoring.verstuur_herinneringen"].delay().get()
    app.tasks["monitoring.verstuur_geplande_rapporten"].delay().get()
    assert mail.outbox == []  # nothing due in an empty database, and no error
