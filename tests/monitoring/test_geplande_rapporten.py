"""Scheduled reports (issue 6 item 8): each active schedule's report is generated through the
report service and e-mailed once per period, as a real PDF, to the recipients who may read it.
Also the admin where administrators configure the schedules, and the command that runs the job."""

from __future__ import annotations

import datetime
import socket
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actieplannen import services
from monitoring.herinneringen import Periode, te_versturen_periode, verstuur_geplande_rapporten
from monitoring.models import (
    Herinneringsafmelding,
    Herinneringssoort,
    Rapport,
    Rapportschema,
    Rapportsoort,
    VerzondenBericht,
)
from netwerken.models import Gebruiker, Lidmaatschap, Sector
from tests.factories import GebruikerFactory, RegioFactory, maak_agenda, maak_lid, maak_netwerk
from tests.pdftekst import tekst as pdf_tekst

pytestmark = pytest.mark.django_db

SITE = "https://portaal.example"
DECEMBER = datetime.date(2026, 12, 1)


@pytest.fixture(autouse=True)
def _instellingen(settings, tmp_path) -> None:
    settings.SITE_URL = SITE
    settings.PRIVE_BESTANDEN = tmp_path


def lid_van(groep: str, **velden) -> Gebruiker:
    persoon = GebruikerFactory(**velden)
    persoon.groups.add(Group.objects.get(name=groep))
    return persoon


@pytest.fixture
def programma(db) -> Sector:
    """A sector with an adopted agenda and one network with two actions: enough to report on."""
    agenda = maak_agenda("drinkwater", afspraken=3, status="vastgesteld")
    netwerk = maak_netwerk(slug="drinkwater-vitens", regio=RegioFactory(vr_nummer=4))
    coordinator = maak_lid(netwerk, Lidmaatschap.Rol.COORDINATOR)
    plan = services.zorg_voor_actieplan(netwerk, actor=coordinator)
    for titel in ("Nooddrinkwater distribueren", "Crisiscommunicatie afstemmen"):
        services.voeg_actie_toe(
            plan,
            actor=coordinator,
            titel=titel,
            thema=agenda.afspraken.first().thema,
            organisatie=netwerk.kernpartner,
            einddatum=datetime.date(2027, 6, 30),
            kostenraming=Decimal("1000.00"),
            aandeel_bedrijf=Decimal("1000.00"),
        )
    return Sector.objects.get(slug="drinkwater")


def schema(soort: str = Rapportsoort.STUURGROEP, frequentie: str = "maand", ontvangers=(), **velden):
    nieuw = Rapportschema.objects.create(soort=soort, frequentie=frequentie, **velden)
    nieuw.ontvangers.set(ontvangers)
    return nieuw


def bijlage(bericht: mail.EmailMultiAlternatives) -> tuple[str, bytes]:
    [(naam, inhoud, soort)] = bericht.attachments
    assert soort == "application/pdf"
    return naam, inhoud


# --- Periods --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("frequentie", "vandaag", "verwacht"),
    [
        (
            "maand",
            datetime.date(2026, 12, 1),
            Periode("2026-11", datetime.date(2026, 11, 1), datetime.date(2026, 11, 30)),
        ),
        (
            "maand",
            datetime.date(2026, 12, 17),
            Periode("2026-11", datetime.date(2026, 11, 1), datetime.date(2026, 11, 30)),
        ),
        (
            "maand",
            datetime.date(2027, 1, 1),
            Periode("2026-12", datetime.date(2026, 12, 1), datetime.date(2026, 12, 31)),
        ),
        (
            "maand",
            datetime.date(2028, 3, 1),
            Periode("2028-02", datetime.date(2028, 2, 1), datetime.date(2028, 2, 29)),
        ),
        (
            "kwartaal",
            datetime.date(2027, 1, 1),
            Periode("2026-K4", datetime.date(2026, 10, 1), datetime.date(2026, 12, 31)),
        ),
        (
            "kwartaal",
            datetime.date(2026, 4, 9),
            Periode("2026-K1", datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)),
        ),
        (
            "kwartaal",
            datetime.date(2026, 7, 1),
            Periode("2026-K2", datetime.date(2026, 4, 1), datetime.date(2026, 6, 30)),
        ),
        (
            "kwartaal",
            datetime.date(2026, 2, 1),
            None,
        ),  # quarterly reports go out in the quarter's first month
        ("kwartaal", datetime.date(2026, 12, 1), None),
    ],
)
def test_the_period_to_send_is_the_previous_month_or_quarter(frequentie, vandaag, verwacht):
    assert te_versturen_periode(frequentie, vandaag) == verwacht


# --- Sending --------------------------------------------------------------------------------------


def test_it_mails_the_monthly_report_once_per_period_to_those_who_may_read_it(programma):
    stuurgroep = lid_van("Stuurgroep", naam="Sanne Stuurgroep")
    cvi = lid_van("Stuurgroep")
    team = lid_van("Projectteam")
    buitenstaander = GebruikerFactory()  # on the list, but no right to read the report
    inactief = lid_van("Stuurgroep", is_active=False)
    afgemeld = lid_van("Stuurgroep")
    Herinneringsafmelding.objects.create(gebruiker=afgemeld, soort=Herinneringssoort.RAPPORT)
    maandelijks = schema(ontvangers=[stuurgroep, cvi, team, buitenstaander, inactief, afgemeld])

    assert verstuur_geplande_rapporten(DECEMBER) == 3

    assert sorted(m.to[0] for m in mail.outbox) == sorted([stuurgroep.email, cvi.email, team.email])
    [rapport] = Rapport.objects.all()
    assert (rapport.schema, rapport.status, rapport.soort) == (
        maandelijks,
        Rapport.Status.GEREED,
        "stuurgroep",
    )
    assert (rapport.periode_van, rapport.periode_tot) == (
        datetime.date(2026, 11, 1),
        datetime.date(2026, 11, 30),
    )
    bericht = next(m for m in mail.outbox if m.to == [stuurgroep.email])
    assert bericht.subject == rapport.titel
    assert bericht.body.startswith("Beste Sanne Stuurgroep,")
    assert f"{SITE}/monitoring/rapporten/{rapport.pk}/" in bericht.body
    assert f"{SITE}/monitoring/herinneringen/" in bericht.body
    [(html, soort)] = bericht.alternatives
    assert soort == "text/html" and f'href="{SITE}/monitoring/rapporten/{rapport.pk}/"' in html
    naam, pdf = bijlage(bericht)
    assert naam.endswith(".pdf") and "2026-11-01" in naam
    assert pdf.startswith(b"%PDF-")
    tekst = pdf_tekst(pdf)
    assert "Voortgangsrapportage stuurgroep" in tekst
    assert "november 2026" in tekst
    maandelijks.refresh_from_db()
    assert maandelijks.laatste_periode == "2026-11"

    # Again the same day, later in the month: nothing, and no new report.
    assert verstuur_geplande_rapporten(DECEMBER) == 0
    assert verstuur_geplande_rapporten(datetime.date(2026, 12, 20)) == 0
    assert len(mail.outbox) == 3 and Rapport.objects.count() == 1
    sleutels = list(VerzondenBericht.objects.values_list("sleutel", flat=True))
    assert len(sleutels) == len(set(sleutels)) == 3
    assert f"rapport:{maandelijks.pk}:2026-11:{stuurgroep.pk}" in sleutels

    # The next month: the next period.
    assert verstuur_geplande_rapporten(datetime.date(2027, 1, 1)) == 3
    maandelijks.refresh_from_db()
    assert maandelijks.laatste_periode == "2026-12"
    assert Rapport.objects.count() == 2


def test_it_sends_the_quarterly_cvi_report_of_its_sector_at_the_start_of_the_next_quarter(programma):
    cvi = lid_van("Stuurgroep")
    per_kwartaal = schema(Rapportsoort.CVI, "kwartaal", [cvi], sector=programma)
    schema(Rapportsoort.STUURGROEP, "maand", [cvi], actief=False)

    assert verstuur_geplande_rapporten(datetime.date(2026, 12, 1)) == 0  # quarter not over
    assert verstuur_geplande_rapporten(datetime.date(2027, 1, 1)) == 1

    [rapport] = Rapport.objects.all()  # the inactive schedule made nothing
    assert (rapport.soort, rapport.sector) == ("cvi", programma)
    assert (rapport.periode_van, rapport.periode_tot) == (
        datetime.date(2026, 10, 1),
        datetime.date(2026, 12, 31),
    )
    tekst = pdf_tekst(bijlage(mail.outbox[0])[1])
    assert "Rapportage CVI" in tekst and "Drinkwater" in tekst
    per_kwartaal.refresh_from_db()
    assert per_kwartaal.laatste_periode == "2026-K4"
    assert verstuur_geplande_rapporten(datetime.date(2027, 2, 1)) == 0


def test_after_a_mail_failure_the_next_run_sends_what_is_missing_with_the_stored_report(programma, settings):
    ontvangers = [lid_van("Stuurgroep") for _ in range(2)]
    maandelijks = schema(ontvangers=ontvangers)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", poort, 2

    assert verstuur_geplande_rapporten(DECEMBER) == 0
    maandelijks.refresh_from_db()
    assert maandelijks.laatste_periode == ""  # not done: the next run tries again
    assert not VerzondenBericht.objects.exists()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert verstuur_geplande_rapporten(datetime.date(2026, 12, 2)) == 2
    assert Rapport.objects.count() == 1  # the report made in the first run, reused
    maandelijks.refresh_from_db()
    assert maandelijks.laatste_periode == "2026-11"


def test_the_number_of_queries_does_not_grow_with_the_recipients(programma):
    maandelijks = schema(ontvangers=[lid_van("Stuurgroep") for _ in range(3)])

    with CaptureQueriesContext(connection) as drie:
        assert verstuur_geplande_rapporten(DECEMBER) == 3
    maandelijks.ontvangers.add(*[lid_van("Stuurgroep") for _ in range(3)])
    with CaptureQueriesContext(connection) as zes:
        assert verstuur_geplande_rapporten(datetime.date(2027, 1, 1)) == 6

    # Two for the schedules with their recipients and one for the opt-outs; then for the due
    # schedule: lock it, look for a stored report, the report service's own requesting and
    # rendering (a fixed number, see the report tests), the known keys, the insert of the keys,
    # and locking and saving the schedule with its history row. Nothing per recipient.
    assert len(drie) == len(zes)
    # Without a due schedule: the schedules, their recipients and the opt-outs.
    with CaptureQueriesContext(connection) as niets:
        assert verstuur_geplande_rapporten(datetime.date(2027, 1, 15)) == 0
    assert len(niets) == 3


def test_a_schedule_without_allowed_recipients_makes_no_report(programma):
    schema(ontvangers=[GebruikerFactory()])

    assert verstuur_geplande_rapporten(DECEMBER) == 0
    assert not Rapport.objects.exists()


def test_the_command_runs_the_job_for_a_date(programma):
    schema(ontvangers=[lid_van("Stuurgroep")])
    uit = StringIO()

    call_command("verstuur_geplande_rapporten", "--datum", "2026-12-01", stdout=uit)

    assert uit.getvalue().strip() == "1 e-mail met rapportages verstuurd."
    with pytest.raises(CommandError, match="Ongeldige datum"):
        call_command("verstuur_geplande_rapporten", "--datum", "1-12-2026")


# --- Admin ----------------------------------------------------------------------------------------


MODELLEN = (
    "programmamijlpaal",
    "leerpunt",
    "programmabijdrage",
    "momentopname",
    "rapport",
    "rapportschema",
    "herinneringsafmelding",
    "verzondenbericht",
)


@pytest.mark.parametrize("model", MODELLEN)
def test_administrators_see_every_monitoring_model_in_the_admin(admin_client, model):
    assert admin_client.get(f"/beheer/monitoring/{model}/").status_code == 200


@pytest.mark.parametrize("model", ["momentopname", "rapport", "verzondenbericht"])
def test_what_jobs_write_is_read_only_in_the_admin(admin_client, model):
    assert admin_client.get(f"/beheer/monitoring/{model}/add/").status_code == 403


def test_a_schedule_is_configured_in_the_admin_with_allowed_recipients_only(admin_client, programma):
    stuurgroep = lid_van("Stuurgroep")
    team = lid_van("Projectteam")
    buitenstaander = GebruikerFactory()

    pagina = admin_client.get("/beheer/monitoring/rapportschema/add/").content.decode()
    assert 'id="id_ontvangers"' in pagina
    assert stuurgroep.naam in pagina and team.naam in pagina and buitenstaander.naam not in pagina

    fout = admin_client.post(
        "/beheer/monitoring/rapportschema/add/",
        {"soort": "cvi", "frequentie": "kwartaal", "ontvangers": [stuurgroep.pk], "actief": "on"},
    )
    assert "Kies de sector van de rapportage CVI." in fout.content.decode()
    assert (
        admin_client.post(
            "/beheer/monitoring/rapportschema/add/",
            {"soort": "stuurgroep", "frequentie": "maand", "ontvangers": [buitenstaander.pk], "actief": "on"},
        ).status_code
        == 200
    )  # refused: not a valid choice
    antwoord = admin_client.post(
        "/beheer/monitoring/rapportschema/add/",
        {
            "soort": "cvi",
            "sector": programma.pk,
            "frequentie": "kwartaal",
            "ontvangers": [stuurgroep.pk, team.pk],
            "actief": "on",
        },
    )
    assert antwoord.status_code == 302
    [nieuw] = Rapportschema.objects.all()
    assert set(nieuw.ontvangers.all()) == {stuurgroep, team}
