"""Invitation, update and cancellation mails: Dutch text with an HTML alternative, the `.ics` as
`text/calendar; method=…`, the personal response link; each sent once, even when the task runs
twice."""

from __future__ import annotations

import socket

import pytest
from django.conf import settings
from django.core import mail
from icalendar import Calendar

from bijeenkomsten import services
from bijeenkomsten.mail import verstuur_bijeenkomstmail
from bijeenkomsten.models import Genodigde
from monitoring.models import VerzondenBericht

from .conftest import over_dagen

pytestmark = pytest.mark.django_db


def _bijlage(bericht):
    """The calendar attachment (a MIME part) of a mail: (method parameter, parsed calendar)."""
    (deel,) = [a for a in bericht.attachments if not isinstance(a, tuple)]
    assert deel.get_content_type() == "text/calendar"
    assert deel.get_content_charset() == "utf-8"
    return deel.get_param("method"), Calendar.from_ical(deel.get_payload(decode=True))


def _per_ontvanger(berichten=None):
    return {b.to[0]: b for b in (berichten if berichten is not None else mail.outbox)}


def test_an_invitation_goes_to_each_new_invitee_with_ics_and_response_link(
    kring, django_capture_on_commit_callbacks
):
    bijeenkomst = kring.plan_bijeenkomst()
    with django_capture_on_commit_callbacks(execute=True):
        nieuw = services.nodig_uit(
            bijeenkomst, personen=[kring.bcm, kring.waarnemer], actor=kring.coordinator
        )
    berichten = _per_ontvanger()
    assert set(berichten) == {kring.bcm.email, kring.waarnemer.email}
    bericht = berichten[kring.bcm.email]
    genodigde = next(g for g in nieuw if g.gebruiker == kring.bcm)
    assert bericht.subject.startswith("Uitnodiging: Netwerkoverleg drinkwater (")
    link = settings.SITE_URL.rstrip("/") + f"/bijeenkomsten/antwoord/{genodigde.token}/"
    assert link in bericht.body
    assert f"Beste {kring.bcm.naam}," in bericht.body
    assert kring.coordinator.naam + " nodigt u uit" in bericht.body
    ((html, mimetype),) = bericht.alternatives
    assert mimetype == "text/html" and f'href="{link}"' in html and 'lang="nl"' in html
    # Another invitee's link is not in this mail.
    ander = next(g for g in nieuw if g.gebruiker == kring.waarnemer)
    assert ander.token not in bericht.body and ander.token not in html
    methode, agenda = _bijlage(bericht)
    assert methode == "REQUEST" == str(agenda["METHOD"])
    assert str(agenda.events[0]["UID"]) == bijeenkomst.uid


def test_inviting_again_sends_nothing_new(kring, bijeenkomst, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.nodig_uit(bijeenkomst, personen=[kring.bcm], alle_leden=True, actor=kring.coordinator)
    assert mail.outbox == []


def test_a_change_of_time_sends_an_update_to_everyone_who_did_not_decline(
    kring, bijeenkomst, django_capture_on_commit_callbacks
):
    services.beantwoord(
        bijeenkomst.genodigden.get(gebruiker=kring.waarnemer),
        Genodigde.Antwoord.AFGEMELD,
        actor=kring.waarnemer,
    )
    with django_capture_on_commit_callbacks(execute=True):
        bijeenkomst = services.wijzig_bijeenkomst(
            bijeenkomst,
            revisie=bijeenkomst.revisie,
            actor=kring.coordinator,
            begin=over_dagen(8, 9),
            einde=over_dagen(8, 11),
        )
    berichten = _per_ontvanger()
    assert set(berichten) == {kring.coordinator.email, kring.bcm.email}
    bericht = berichten[kring.bcm.email]
    assert bericht.subject.startswith("Gewijzigd: ")
    assert "09:00–11:00" in bericht.body
    methode, agenda = _bijlage(bericht)
    event = agenda.events[0]
    assert methode == "REQUEST"
    assert (str(event["UID"]), event["SEQUENCE"]) == (bijeenkomst.uid, 1)
    # The one who declined is not listed as attendee of the update either.
    assert kring.waarnemer.email not in {str(a).removeprefix("mailto:") for a in event["ATTENDEE"]}


def test_a_change_of_title_only_sends_no_mail(kring, bijeenkomst, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.wijzig_bijeenkomst(
            bijeenkomst, revisie=bijeenkomst.revisie, actor=kring.coordinator, titel="Anders"
        )
    assert mail.outbox == []


def test_a_cancellation_sends_method_cancel_to_everyone_who_did_not_decline(
    kring, bijeenkomst, django_capture_on_commit_callbacks
):
    services.beantwoord(
        bijeenkomst.genodigden.get(gebruiker=kring.waarnemer),
        Genodigde.Antwoord.AFGEMELD,
        actor=kring.waarnemer,
    )
    with django_capture_on_commit_callbacks(execute=True):
        bijeenkomst = services.annuleer_bijeenkomst(
            bijeenkomst, reden="Te weinig aanmeldingen", actor=kring.coordinator
        )
    berichten = _per_ontvanger()
    assert set(berichten) == {kring.coordinator.email, kring.bcm.email}
    bericht = berichten[kring.bcm.email]
    assert bericht.subject.startswith("Geannuleerd: ")
    assert "gaat niet door" in bericht.body and "Reden: Te weinig aanmeldingen" in bericht.body
    methode, agenda = _bijlage(bericht)
    event = agenda.events[0]
    assert methode == "CANCEL" == str(agenda["METHOD"])
    assert str(event["STATUS"]) == "CANCELLED"
    assert (str(event["UID"]), event["SEQUENCE"]) == (bijeenkomst.uid, 1)


def test_removing_an_invitee_sends_him_a_cancellation(kring, bijeenkomst, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.verwijder_genodigde(bijeenkomst.genodigden.get(gebruiker=kring.bcm), actor=kring.coordinator)
    (bericht,) = mail.outbox
    assert bericht.to == [kring.bcm.email]
    assert bericht.subject.startswith("Uitnodiging ingetrokken: ")
    methode, agenda = _bijlage(bericht)
    assert methode == "CANCEL" and str(agenda.events[0]["UID"]) == bijeenkomst.uid


def test_the_mail_task_running_twice_sends_each_mail_once(kring, bijeenkomst):
    ids = list(bijeenkomst.genodigden.values_list("gebruiker_id", flat=True))
    assert verstuur_bijeenkomstmail(bijeenkomst.pk, "uitnodiging", ids, bijeenkomst.sequence) == 3
    assert verstuur_bijeenkomstmail(bijeenkomst.pk, "uitnodiging", ids, bijeenkomst.sequence) == 0
    assert len(mail.outbox) == 3
    assert VerzondenBericht.objects.filter(soort="bijeenkomst").count() == 3


def test_an_update_overtaken_by_a_later_change_is_skipped(kring, bijeenkomst):
    ids = [kring.bcm.pk]
    bijeenkomst = services.wijzig_bijeenkomst(
        bijeenkomst, revisie=bijeenkomst.revisie, actor=kring.coordinator, locatie="Zwolle"
    )
    assert verstuur_bijeenkomstmail(bijeenkomst.pk, "wijziging", ids, bijeenkomst.sequence - 1) == 0
    assert verstuur_bijeenkomstmail(bijeenkomst.pk, "wijziging", ids, bijeenkomst.sequence) == 1


def test_a_failing_mail_server_stores_no_key_so_a_retry_sends(kring, bijeenkomst, settings):
    # A real SMTP backend pointed at a port nobody listens on: the server is unreachable.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", poort, 2
    ids = [kring.bcm.pk]
    assert verstuur_bijeenkomstmail(bijeenkomst.pk, "uitnodiging", ids, 0) == 0
    assert not VerzondenBericht.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert verstuur_bijeenkomstmail(bijeenkomst.pk, "uitnodiging", ids, 0) == 1


def test_the_mail_task_runs_a_fixed_number_of_queries(kring, django_assert_num_queries):
    from tests.factories import maak_lid

    for _ in range(3):
        maak_lid(kring.netwerk)
    weinig = kring.plan_bijeenkomst(titel="Weinig")
    services.nodig_uit(
        weinig, personen=[kring.bcm, kring.waarnemer, kring.coordinator], actor=kring.coordinator
    )
    veel = kring.plan_bijeenkomst(titel="Veel")
    services.nodig_uit(veel, alle_leden=True, actor=kring.coordinator)
    assert veel.genodigden.count() == 6
    for bijeenkomst in (weinig, veel):
        for titel in ("Opening", "Actieplan", "Rondvraag"):
            services.voeg_agendapunt_toe(bijeenkomst, titel=titel, actor=kring.coordinator)
    # meeting with organiser and network, its invitees with their persons, its agenda points, known
    # keys, insert of the keys (inside a savepoint: 2 more)
    for bijeenkomst in (weinig, veel):
        ids = list(bijeenkomst.genodigden.values_list("gebruiker_id", flat=True))
        with django_assert_num_queries(7):
            verstuur_bijeenkomstmail(bijeenkomst.pk, "uitnodiging", ids, 0)
