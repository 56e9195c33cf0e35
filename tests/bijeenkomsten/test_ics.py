"""The `.ics` files: parsed back with a standard parser (icalendar), correct instants on both sides
of a daylight-saving change, and the update/cancel semantics of RFC 5545/5546 (same UID, higher
SEQUENCE, METHOD)."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from icalendar import Calendar

from bijeenkomsten import ics, services
from bijeenkomsten.models import Genodigde

from .conftest import amsterdam

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def _lees(inhoud: bytes) -> Calendar:
    return Calendar.from_ical(inhoud)


def _event(inhoud: bytes):
    (event,) = _lees(inhoud).events
    return event


def test_times_are_right_on_both_sides_of_the_autumn_clock_change(kring):
    """25 October 2026 the clocks go back: +02:00 before, +01:00 after."""
    zaterdag = kring.plan_bijeenkomst(
        titel="Zaterdag", begin=amsterdam(2026, 10, 24, 14), einde=amsterdam(2026, 10, 24, 16)
    )
    maandag = kring.plan_bijeenkomst(
        titel="Maandag", begin=amsterdam(2026, 10, 26, 14), einde=amsterdam(2026, 10, 26, 16)
    )
    inhoud = ics.feed_ics([zaterdag, maandag], gebruiker=kring.coordinator)
    tekst = inhoud.decode()
    assert "DTSTART;TZID=Europe/Amsterdam:20261024T140000" in tekst
    assert "DTSTART;TZID=Europe/Amsterdam:20261026T140000" in tekst
    agenda = _lees(inhoud)
    (tijdzone,) = agenda.timezones
    assert tijdzone.tz_name == "Europe/Amsterdam"
    assert "20261025T030000" in tijdzone.to_ical().decode()  # the transition itself is described
    eerste, tweede = agenda.events
    assert eerste.start.utcoffset() == datetime.timedelta(hours=2)
    assert tweede.start.utcoffset() == datetime.timedelta(hours=1)
    assert eerste.start.astimezone(UTC) == datetime.datetime(2026, 10, 24, 12, 0, tzinfo=UTC)
    assert eerste.end.astimezone(UTC) == datetime.datetime(2026, 10, 24, 14, 0, tzinfo=UTC)
    assert tweede.start.astimezone(UTC) == datetime.datetime(2026, 10, 26, 13, 0, tzinfo=UTC)
    assert tweede.end.astimezone(UTC) == datetime.datetime(2026, 10, 26, 15, 0, tzinfo=UTC)
    # And they are the instants the database holds.
    assert eerste.start == zaterdag.begin and tweede.start == maandag.begin


def test_times_are_right_on_both_sides_of_the_spring_clock_change(kring):
    """28 March 2027 the clocks go forward: +01:00 before, +02:00 after."""
    voor = kring.plan_bijeenkomst(
        titel="Voor", begin=amsterdam(2027, 3, 27, 9, 30), einde=amsterdam(2027, 3, 27, 11)
    )
    na = kring.plan_bijeenkomst(
        titel="Na", begin=amsterdam(2027, 3, 29, 9, 30), einde=amsterdam(2027, 3, 29, 11)
    )
    eerste, tweede = _lees(ics.feed_ics([voor, na], gebruiker=kring.coordinator)).events
    assert eerste.start.astimezone(UTC) == datetime.datetime(2027, 3, 27, 8, 30, tzinfo=UTC)
    assert tweede.start.astimezone(UTC) == datetime.datetime(2027, 3, 29, 7, 30, tzinfo=UTC)


def test_an_invitation_carries_every_required_property(kring, bijeenkomst):
    genodigden = list(bijeenkomst.genodigden.select_related("gebruiker"))
    inhoud = ics.uitnodiging_ics(bijeenkomst, methode=ics.REQUEST, genodigden=genodigden)
    agenda = _lees(inhoud)
    assert str(agenda["VERSION"]) == "2.0"
    assert "Continuïteitportaal" in str(agenda["PRODID"])
    assert str(agenda["METHOD"]) == "REQUEST"
    event = agenda.events[0]
    assert str(event["UID"]) == bijeenkomst.uid
    assert event["SEQUENCE"] == 0
    assert event["DTSTAMP"].dt.tzinfo is not None
    assert str(event["SUMMARY"]) == bijeenkomst.titel
    assert str(event["LOCATION"]) == "Veiligheidsregio, Arnhem"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["URL"]) == settings.SITE_URL.rstrip("/") + f"/bijeenkomsten/{bijeenkomst.pk}/"
    assert str(event["ORGANIZER"]) == f"mailto:{kring.coordinator.email}"
    assert event["ORGANIZER"].params["CN"] == kring.coordinator.naam
    assert "netwerkbijeenkomst van" in str(event["DESCRIPTION"]).lower()
    assert event.start.tzinfo.key == "Europe/Amsterdam"


def test_attendees_carry_their_response_as_partstat(kring, bijeenkomst):
    services.beantwoord(
        bijeenkomst.genodigden.get(gebruiker=kring.bcm), Genodigde.Antwoord.ACCEPTEERT, actor=kring.bcm
    )
    services.beantwoord(
        bijeenkomst.genodigden.get(gebruiker=kring.waarnemer),
        Genodigde.Antwoord.ONDER_VOORBEHOUD,
        actor=kring.waarnemer,
    )
    genodigden = list(bijeenkomst.genodigden.select_related("gebruiker"))
    event = _event(ics.uitnodiging_ics(bijeenkomst, methode=ics.REQUEST, genodigden=genodigden))
    partstat = {str(a).removeprefix("mailto:"): a.params["PARTSTAT"] for a in event["ATTENDEE"]}
    assert partstat == {
        kring.coordinator.email: "NEEDS-ACTION",
        kring.bcm.email: "ACCEPTED",
        kring.waarnemer.email: "TENTATIVE",
    }


def test_an_update_is_the_same_item_with_a_higher_sequence(kring, bijeenkomst):
    eerst = _event(ics.uitnodiging_ics(bijeenkomst, methode=ics.REQUEST, genodigden=[]))
    bijeenkomst = services.wijzig_bijeenkomst(
        bijeenkomst,
        revisie=bijeenkomst.revisie,
        actor=kring.coordinator,
        begin=amsterdam(2027, 1, 12, 10),
        einde=amsterdam(2027, 1, 12, 12),
    )
    daarna = _event(ics.uitnodiging_ics(bijeenkomst, methode=ics.REQUEST, genodigden=[]))
    assert str(daarna["UID"]) == str(eerst["UID"])
    assert daarna["SEQUENCE"] > eerst["SEQUENCE"]
    assert daarna.start.astimezone(UTC) == datetime.datetime(2027, 1, 12, 9, 0, tzinfo=UTC)


def test_a_cancellation_is_method_cancel_status_cancelled_same_uid_higher_sequence(kring, bijeenkomst):
    uitnodiging = _event(ics.uitnodiging_ics(bijeenkomst, methode=ics.REQUEST, genodigden=[]))
    bijeenkomst = services.annuleer_bijeenkomst(bijeenkomst, reden="Ziekte", actor=kring.coordinator)
    genodigden = list(bijeenkomst.genodigden.select_related("gebruiker"))
    agenda = _lees(ics.uitnodiging_ics(bijeenkomst, methode=ics.CANCEL, genodigden=genodigden))
    assert str(agenda["METHOD"]) == "CANCEL"
    event = agenda.events[0]
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["UID"]) == str(uitnodiging["UID"])
    assert event["SEQUENCE"] > uitnodiging["SEQUENCE"]
    assert str(event["SUMMARY"]).startswith("Geannuleerd: ")
    assert "Reden: Ziekte" in str(event["DESCRIPTION"])
    assert len(event["ATTENDEE"]) == 3


def test_a_download_is_publish_without_attendees(kring, bijeenkomst):
    agenda = _lees(ics.download_ics(bijeenkomst))
    assert str(agenda["METHOD"]) == "PUBLISH"
    assert "ATTENDEE" not in agenda.events[0]


def test_the_feed_marks_what_i_declined_as_free_time(kring, bijeenkomst):
    services.beantwoord(
        bijeenkomst.genodigden.get(gebruiker=kring.bcm), Genodigde.Antwoord.AFGEMELD, actor=kring.bcm
    )
    bijeenkomst = type(bijeenkomst).objects.for_feed().get(pk=bijeenkomst.pk)
    agenda = _lees(ics.feed_ics([bijeenkomst], gebruiker=kring.bcm))
    assert "Bijeenkomsten Continuïteitportaal" in str(agenda["X-WR-CALNAME"])
    event = agenda.events[0]
    assert str(event["TRANSP"]) == "TRANSPARENT"
    assert "Uw antwoord: afgemeld." in str(event["DESCRIPTION"])
    coordinator = _lees(ics.feed_ics([bijeenkomst], gebruiker=kring.coordinator)).events[0]
    assert "TRANSP" not in coordinator


def test_text_with_special_characters_survives_the_round_trip(kring):
    bijeenkomst = kring.plan_bijeenkomst(
        titel="Overleg; water, stroom & ‘crisis’ — deel 2",
        locatie="Zaal 3, Arnhem; ingang B",
        toelichting="Regel één\nRegel twee",
    )
    event = _event(ics.download_ics(bijeenkomst))
    assert str(event["SUMMARY"]) == "Overleg; water, stroom & ‘crisis’ — deel 2"
    assert str(event["LOCATION"]) == "Zaal 3, Arnhem; ingang B"
    assert "Regel één\nRegel twee" in str(event["DESCRIPTION"])


def test_an_online_meeting_uses_the_link_as_location(kring):
    toets = kring.plan_landelijk()
    event = _event(ics.download_ics(toets))
    assert str(event["LOCATION"]) == "https://vergaderen.example/toets"
    assert "Online deelnemen: https://vergaderen.example/toets" in str(event["DESCRIPTION"])
