"""The reminder the day before (Celery beat, daily 08:00): meetings that begin tomorrow in
Amsterdam, not cancelled, to invitees who did not decline and did not switch these reminders off;
once per person, meeting and day."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core import mail

from bijeenkomsten import services
from bijeenkomsten.mail import verstuur_herinneringen
from bijeenkomsten.models import Genodigde
from monitoring.models import Herinneringsafmelding, Herinneringssoort, VerzondenBericht

from .conftest import amsterdam

pytestmark = pytest.mark.django_db

# Saturday 27 March 2027, 08:00: tomorrow is the day the clocks go forward (a 23-hour day).
NU = amsterdam(2027, 3, 27, 8)


def _plan(kring, titel: str, begin, einde, personen=None):
    bijeenkomst = kring.plan_bijeenkomst(titel=titel, begin=begin, einde=einde)
    services.nodig_uit(
        bijeenkomst, personen=personen or [kring.bcm, kring.waarnemer], actor=kring.coordinator
    )
    return bijeenkomst


def _onderwerpen() -> dict[str, set[str]]:
    per_persoon: dict[str, set[str]] = {}
    for bericht in mail.outbox:
        per_persoon.setdefault(bericht.to[0], set()).add(bericht.subject.split(" (")[0])
    return per_persoon


def test_it_reminds_invitees_of_the_meetings_that_begin_tomorrow_in_amsterdam(kring):
    _plan(kring, "Net na middernacht", amsterdam(2027, 3, 28, 0, 30), amsterdam(2027, 3, 28, 1, 30))
    _plan(kring, "Laat op de avond", amsterdam(2027, 3, 28, 23, 0), amsterdam(2027, 3, 28, 23, 45))
    _plan(kring, "Vandaag", amsterdam(2027, 3, 27, 23, 30), amsterdam(2027, 3, 28, 0, 15))
    _plan(kring, "Overmorgen", amsterdam(2027, 3, 29, 0, 15), amsterdam(2027, 3, 29, 1, 0))
    assert verstuur_herinneringen(NU) == 4
    assert _onderwerpen() == {
        kring.bcm.email: {"Morgen: Net na middernacht", "Morgen: Laat op de avond"},
        kring.waarnemer.email: {"Morgen: Net na middernacht", "Morgen: Laat op de avond"},
    }


def test_the_reminder_is_dutch_with_links_and_html(kring):
    bijeenkomst = _plan(
        kring, "Netwerkoverleg", amsterdam(2027, 3, 28, 14), amsterdam(2027, 3, 28, 16), [kring.bcm]
    )
    verstuur_herinneringen(NU)
    (bericht,) = mail.outbox
    genodigde = bijeenkomst.genodigden.get()
    site = settings.SITE_URL.rstrip("/")
    assert bericht.subject == "Morgen: Netwerkoverleg (28-03-2027 14:00)"
    assert "Morgen is de netwerkbijeenkomst" in bericht.body
    assert "U heeft nog niet laten weten of u komt." in bericht.body
    assert "zondag 28 maart 2027, 14:00–16:00" in bericht.body
    assert f"{site}/bijeenkomsten/antwoord/{genodigde.token}/" in bericht.body
    assert f"{site}/monitoring/herinneringen/" in bericht.body
    ((html, mimetype),) = bericht.alternatives
    assert mimetype == "text/html" and genodigde.token in html
    assert bericht.attachments == []


def test_no_reminder_for_a_declined_invitation_or_a_cancelled_meeting(kring):
    bijeenkomst = _plan(kring, "Afgemeld", amsterdam(2027, 3, 28, 14), amsterdam(2027, 3, 28, 16))
    services.beantwoord(
        bijeenkomst.genodigden.get(gebruiker=kring.waarnemer),
        Genodigde.Antwoord.AFGEMELD,
        actor=kring.waarnemer,
    )
    geannuleerd = _plan(kring, "Geannuleerd", amsterdam(2027, 3, 28, 10), amsterdam(2027, 3, 28, 11))
    services.annuleer_bijeenkomst(geannuleerd, actor=kring.coordinator)
    assert verstuur_herinneringen(NU) == 1
    assert _onderwerpen() == {kring.bcm.email: {"Morgen: Afgemeld"}}


def test_no_reminder_for_who_switched_meeting_reminders_off(kring):
    _plan(kring, "Overleg", amsterdam(2027, 3, 28, 14), amsterdam(2027, 3, 28, 16))
    Herinneringsafmelding.objects.create(gebruiker=kring.bcm, soort=Herinneringssoort.BIJEENKOMST)
    # Switching off another kind changes nothing for meetings.
    Herinneringsafmelding.objects.create(gebruiker=kring.waarnemer, soort=Herinneringssoort.ACTIE_TERMIJN)
    assert verstuur_herinneringen(NU) == 1
    assert set(_onderwerpen()) == {kring.waarnemer.email}


def test_running_twice_sends_nothing_twice(kring):
    _plan(kring, "Overleg", amsterdam(2027, 3, 28, 14), amsterdam(2027, 3, 28, 16))
    assert verstuur_herinneringen(NU) == 2
    assert verstuur_herinneringen(amsterdam(2027, 3, 27, 8, 5)) == 0
    assert len(mail.outbox) == 2
    assert set(VerzondenBericht.objects.values_list("soort", flat=True)) == {"bijeenkomst"}


def test_the_task_is_registered_under_its_beat_name(kring):
    from bijeenkomsten.tasks import verstuur_herinneringen as taak
    from continuiteit.celery import app

    assert taak.name == "bijeenkomsten.verstuur_herinneringen"
    assert settings.CELERY_BEAT_SCHEDULE["bijeenkomst-herinneringen"]["task"] == taak.name
    assert taak.name in app.tasks
    taak.delay()  # runs in-process in tests; nothing tomorrow (real time): no mail, no error
    assert mail.outbox == []


def test_the_reminder_run_has_a_fixed_number_of_queries(kring, django_assert_num_queries):
    def plan(aantal: int, uur: int) -> None:
        for i in range(aantal):
            _plan(
                kring,
                f"Overleg {uur}-{i}",
                amsterdam(2027, 3, 28, uur + i),
                amsterdam(2027, 3, 28, uur + i, 30),
                [kring.bcm, kring.waarnemer, kring.coordinator],
            )

    # meetings of tomorrow, their invitees with persons, their agenda points, switched-off persons,
    # known keys, insert of the keys (inside a savepoint: 2 more)
    plan(1, 8)
    with django_assert_num_queries(8):
        assert verstuur_herinneringen(NU) == 3
    plan(3, 12)
    with django_assert_num_queries(8):
        assert verstuur_herinneringen(NU) == 9  # only the three new meetings: the first was sent
