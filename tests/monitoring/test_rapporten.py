"""Requesting, generating, listing and downloading reports (issue 6 item 7).

Reports are generated for real (WeasyPrint) into a temporary private storage; tasks run
in-process after the commit (`django_capture_on_commit_callbacks(execute=True)`), as on the
embedded default.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from monitoring import rapporten
from monitoring.models import Rapport, Rapportsoort
from netwerken import services as netwerk_services
from netwerken.models import Lidmaatschap
from tests.factories import maak_netwerk
from tests.monitoring.rapportwereld import PERIODE, maak_wereld

pytestmark = pytest.mark.django_db

VAN, TOT = PERIODE


@pytest.fixture
def wereld(db):
    return maak_wereld()


@pytest.fixture(autouse=True)
def opslag(settings, tmp_path):
    """The private storage in a directory of this test, to see which files appear."""
    settings.PRIVE_BESTANDEN = tmp_path / "prive"
    return settings.PRIVE_BESTANDEN


def bestanden(opslag) -> list:
    return [pad for pad in opslag.rglob("*") if pad.is_file()] if opslag.exists() else []


def vraag(wereld, actor, soort=Rapportsoort.STUURGROEP, **velden) -> Rapport:
    return rapporten.vraag_aan(actor=actor, soort=soort, van=VAN, tot=TOT, **velden)


# --- Requesting and generating --------------------------------------------------------------------


def test_it_generates_a_requested_report_after_the_commit(wereld, opslag, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        rapport = vraag(wereld, wereld.projectteam)
        assert rapport.status == Rapport.Status.WACHTRIJ  # nothing happens before the commit
    assert len(callbacks) == 1

    rapport.refresh_from_db()
    assert rapport.status == Rapport.Status.GEREED
    assert rapport.voortgang == 100
    assert rapport.paginas >= 8
    assert rapport.duur_ms > 0
    assert rapport.gereed_op is not None
    assert rapport.fout == ""
    assert rapport.titel == f"Voortgangsrapportage stuurgroep, 1 januari 2020 t/m {date_format(TOT, 'j F Y')}"
    with rapport.bestand.open("rb") as bestand:
        assert bestand.read(5) == b"%PDF-"
    assert len(bestanden(opslag)) == 1


def test_progress_is_written_on_the_row_step_by_step(wereld):
    """Every step is its own UPDATE in autocommit, so a progress page sees it at once."""
    rapport = vraag(wereld, wereld.projectteam)

    with CaptureQueriesContext(connection) as queries:
        rapporten.genereer(rapport.pk)

    tabel = Rapport._meta.db_table
    waarden = [
        int(gevonden.group(1))
        for q in queries
        if q["sql"].startswith(f'UPDATE "{tabel}"')
        and (gevonden := re.search(r'"voortgang" = (\d+)', q["sql"]))
    ]
    assert len(waarden) >= 8  # claimed, figures, charts, each chapter, layout, writing, storing, done
    assert waarden == sorted(waarden)
    assert waarden[-1] == 100
    assert any(0 < w < 100 for w in waarden)


def test_a_netwerkrapportage_is_made_for_its_requester_and_marked_like_its_content(wereld):
    voor_bcm = vraag(wereld, wereld.bcm, Rapportsoort.NETWERK, netwerk=wereld.vitens)
    voor_coordinator = vraag(wereld, wereld.coordinator, Rapportsoort.NETWERK, netwerk=wereld.vitens)

    rapporten.genereer(voor_bcm.pk)
    rapporten.genereer(voor_coordinator.pk)

    voor_bcm.refresh_from_db()
    voor_coordinator.refresh_from_db()
    assert voor_bcm.status == voor_coordinator.status == Rapport.Status.GEREED
    assert voor_bcm.tlp == "red"  # bcm is the RED action's recipient: his copy contains it
    assert voor_coordinator.tlp == "amber"
    assert voor_bcm.titel.startswith("Netwerkrapportage Netwerk drinkwater-vitens, ")


def test_a_requested_report_gets_its_kind_sector_and_network_checked(wereld):
    with pytest.raises(ValidationError, match="Kies de sector"):
        vraag(wereld, wereld.projectteam, Rapportsoort.CVI)
    with pytest.raises(ValidationError, match="Kies het netwerk"):
        vraag(wereld, wereld.projectteam, Rapportsoort.NETWERK)
    with pytest.raises(ValidationError, match="eindigt vóór"):
        rapporten.vraag_aan(
            actor=wereld.projectteam,
            soort="stuurgroep",
            van=datetime.date(2026, 2, 1),
            tot=datetime.date(2026, 1, 1),
        )
    assert not Rapport.objects.exists()


@pytest.mark.parametrize("wie", ["stuurgroep", "bcm", "waarnemer", "outsider"])
def test_only_the_project_team_requests_aggregated_reports(wereld, wie):
    with pytest.raises(ValidationError, match="niet aanvragen"):
        vraag(wereld, getattr(wereld, wie), Rapportsoort.STUURGROEP)
    assert not Rapport.objects.exists()


@pytest.mark.parametrize("wie", ["waarnemer", "buiten", "stuurgroep", "outsider"])
def test_only_coordinators_and_leden_request_their_networks_report(wereld, wie):
    with pytest.raises(ValidationError):
        vraag(wereld, getattr(wereld, wie), Rapportsoort.NETWERK, netwerk=wereld.vitens)
    assert not Rapport.objects.exists()


# --- Failure and idempotency ----------------------------------------------------------------------


def test_a_network_without_a_plan_fails_with_a_dutch_message_and_no_file(wereld, opslag):
    zonder_plan = maak_netwerk(slug="drinkwater-zonder-plan")
    rapport = vraag(wereld, wereld.projectteam, Rapportsoort.NETWERK, netwerk=zonder_plan)

    rapporten.genereer(rapport.pk)

    rapport.refresh_from_db()
    assert rapport.status == Rapport.Status.MISLUKT
    assert (
        rapport.fout
        == "Netwerk drinkwater-zonder-plan heeft nog geen actieplan; er is niets om over te rapporteren."
    )
    assert not rapport.bestand
    assert bestanden(opslag) == []


def test_a_requester_who_lost_access_in_the_meantime_gets_no_report(wereld, opslag):
    rapport = vraag(wereld, wereld.bcm, Rapportsoort.NETWERK, netwerk=wereld.vitens)
    netwerk_services.verwijder_lid(
        Lidmaatschap.objects.get(netwerk=wereld.vitens, persoon=wereld.bcm), actor=None
    )

    rapporten.genereer(rapport.pk)

    rapport.refresh_from_db()
    assert rapport.status == Rapport.Status.MISLUKT
    assert "geen toegang" in rapport.fout
    assert bestanden(opslag) == []


def test_a_report_whose_network_was_deleted_leaves_nothing_behind(wereld, opslag):
    rapport = vraag(wereld, wereld.projectteam, Rapportsoort.NETWERK, netwerk=wereld.evides)
    wereld.evides.delete()  # the report goes with it (on_delete=CASCADE)

    assert rapporten.genereer(rapport.pk) is None
    assert not Rapport.objects.exists()
    assert bestanden(opslag) == []


def test_running_the_task_twice_makes_one_file_and_changes_nothing(wereld, opslag):
    rapport = vraag(wereld, wereld.projectteam)
    rapporten.genereer(rapport.pk)
    rapport.refresh_from_db()

    assert rapporten.genereer(rapport.pk) is None

    nogmaals = Rapport.objects.get(pk=rapport.pk)
    assert (nogmaals.status, nogmaals.bestand.name, nogmaals.gereed_op) == (
        Rapport.Status.GEREED,
        rapport.bestand.name,
        rapport.gereed_op,
    )
    assert len(bestanden(opslag)) == 1


def test_a_failed_report_is_not_retried_by_a_second_run(wereld):
    zonder_plan = maak_netwerk(slug="drinkwater-zonder-plan")
    rapport = vraag(wereld, wereld.projectteam, Rapportsoort.NETWERK, netwerk=zonder_plan)
    rapporten.genereer(rapport.pk)

    assert rapporten.genereer(rapport.pk) is None
    assert Rapport.objects.get(pk=rapport.pk).status == Rapport.Status.MISLUKT


def _afgebroken(rapport: Rapport, minuten: int) -> None:
    """As a run leaves the row when its worker dies `minuten` minutes after starting it."""
    Rapport.objects.filter(pk=rapport.pk).update(
        status=Rapport.Status.BEZIG,
        voortgang=40,
        stap="Hoofdstuk 2",
        gestart_op=timezone.now() - datetime.timedelta(minutes=minuten),
    )


def test_a_run_that_died_is_taken_over_by_a_redelivered_task_after_the_time_limit(wereld, opslag, settings):
    rapport = vraag(wereld, wereld.projectteam)
    _afgebroken(rapport, minuten=1)
    assert rapporten.genereer(rapport.pk) is None  # a live run may still be busy: hands off

    _afgebroken(rapport, minuten=settings.CELERY_TASK_TIME_LIMIT // 60 + 2)
    rapporten.genereer(rapport.pk)

    rapport.refresh_from_db()
    assert (rapport.status, rapport.voortgang) == (Rapport.Status.GEREED, 100)
    assert len(bestanden(opslag)) == 1


def test_a_report_whose_run_died_shows_the_error_and_can_be_requested_again(client, wereld, opslag, settings):
    rapport = vraag(wereld, wereld.projectteam)
    client.force_login(wereld.projectteam)
    _afgebroken(rapport, minuten=1)
    assert (
        "Opnieuw aanvragen"
        not in client.get(reverse("monitoring:rapport", args=[rapport.pk])).content.decode()
    )

    _afgebroken(rapport, minuten=settings.CELERY_TASK_TIME_LIMIT // 60 + 2)
    pagina = client.get(reverse("monitoring:rapport", args=[rapport.pk])).content.decode()

    rapport.refresh_from_db()
    assert (rapport.status, rapport.bestand.name) == (Rapport.Status.MISLUKT, "")
    assert "is afgebroken" in pagina
    assert "Opnieuw aanvragen" in pagina
    assert bestanden(opslag) == []


# --- Who sees which report ------------------------------------------------------------------------


@pytest.fixture
def alle_soorten(wereld):
    """One finished-looking report of each kind (rows only; visibility does not need files)."""
    from monitoring.models import Rapport

    maak = lambda **v: Rapport.objects.create(periode_van=VAN, periode_tot=TOT, titel=v["soort"], **v)  # noqa: E731
    drinkwater = wereld.vitens.sectoren.get()
    return {
        "stuurgroep": maak(soort="stuurgroep"),
        "cvi": maak(soort="cvi", sector=drinkwater),
        "eind": maak(soort="eind"),
        "vitens": maak(soort="netwerk", netwerk=wereld.vitens, aangevraagd_door=wereld.coordinator),
        "vitens_rood": maak(soort="netwerk", netwerk=wereld.vitens, aangevraagd_door=wereld.bcm, tlp="red"),
        "evides": maak(soort="netwerk", netwerk=wereld.evides, aangevraagd_door=wereld.buiten),
    }


@pytest.mark.parametrize(
    ("wie", "ziet"),
    [
        ("projectteam", {"stuurgroep", "cvi", "eind", "vitens", "evides"}),
        ("stuurgroep", {"stuurgroep", "cvi", "eind"}),
        ("coordinator", {"vitens"}),
        ("bcm", {"vitens", "vitens_rood"}),
        ("waarnemer", {"vitens"}),
        ("buiten", {"evides"}),
        ("outsider", set()),
    ],
)
def test_everyone_sees_the_reports_whose_content_he_may_see(wereld, alle_soorten, wie, ziet):
    zichtbaar = set(rapporten.rapporten_voor(getattr(wereld, wie)).values_list("pk", flat=True))

    assert zichtbaar == {alle_soorten[naam].pk for naam in ziet}


# --- Views ----------------------------------------------------------------------------------------


def test_every_report_page_requires_login(client, alle_soorten):
    pk = alle_soorten["stuurgroep"].pk
    for url in (
        reverse("monitoring:rapporten"),
        reverse("monitoring:rapport", args=[pk]),
        reverse("monitoring:rapport_download", args=[pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url
    response = client.post(reverse("monitoring:rapport_opnieuw", args=[pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_outsiders_get_404_for_a_report_they_may_not_see(client, wereld, alle_soorten):
    client.force_login(wereld.buiten)
    for naam in ("stuurgroep", "vitens", "vitens_rood"):
        pk = alle_soorten[naam].pk
        assert client.get(reverse("monitoring:rapport", args=[pk])).status_code == 404
        assert client.get(reverse("monitoring:rapport_download", args=[pk])).status_code == 404
        assert client.post(reverse("monitoring:rapport_opnieuw", args=[pk])).status_code == 404
    client.force_login(wereld.stuurgroep)
    assert client.get(reverse("monitoring:rapport", args=[alle_soorten["vitens"].pk])).status_code == 404
    assert client.get(reverse("monitoring:rapport", args=[999999])).status_code == 404


def test_the_retry_and_download_urls_refuse_the_wrong_method(client, wereld, alle_soorten):
    client.force_login(wereld.projectteam)
    pk = alle_soorten["stuurgroep"].pk
    assert client.get(reverse("monitoring:rapport_opnieuw", args=[pk])).status_code == 405
    assert client.post(reverse("monitoring:rapport_download", args=[pk])).status_code == 405
    assert client.post(reverse("monitoring:rapport", args=[pk])).status_code == 405


@pytest.mark.parametrize("wie", ["stuurgroep", "outsider", "waarnemer"])
def test_who_may_request_nothing_sees_no_form_and_gets_403_on_a_post(client, wereld, wie):
    client.force_login(getattr(wereld, wie))

    pagina = client.get(reverse("monitoring:rapporten"))
    response = client.post(reverse("monitoring:rapporten"), {"soort": "stuurgroep", "periode": "maand"})

    assert pagina.status_code == 200
    assert "Rapportage aanvragen" not in pagina.content.decode()
    assert response.status_code == 403
    assert not Rapport.objects.exists()


def test_the_project_team_requests_a_report_and_lands_on_its_page(
    client, wereld, django_capture_on_commit_callbacks
):
    client.force_login(wereld.projectteam)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("monitoring:rapporten"), {"soort": "stuurgroep", "periode": "maand"})

    rapport = Rapport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("monitoring:rapport", args=[rapport.pk])
    vandaag = timezone.localdate()
    einde = vandaag.replace(day=1) - datetime.timedelta(days=1)
    assert (rapport.periode_van, rapport.periode_tot) == (einde.replace(day=1), einde)  # last month
    assert rapport.aangevraagd_door == wereld.projectteam

    pagina = client.get(response["Location"]).content.decode()
    assert "De rapportage is klaar" in pagina  # generated in-process: the page shows the result
    assert reverse("monitoring:rapport_download", args=[rapport.pk]) in pagina
    assert "hx-trigger" not in pagina


def test_a_lid_requests_his_networks_report_from_the_form(client, wereld, django_capture_on_commit_callbacks):
    client.force_login(wereld.bcm)
    formulier = client.get(reverse("monitoring:rapporten")).content.decode()
    assert 'value="netwerk"' in formulier and 'value="stuurgroep"' not in formulier
    assert wereld.vitens.naam in formulier and wereld.evides.naam not in formulier

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("monitoring:rapporten"),
            {"soort": "netwerk", "netwerk": wereld.vitens.pk, "periode": "kwartaal"},
        )

    assert response.status_code == 302
    assert Rapport.objects.get().status == Rapport.Status.GEREED


@pytest.mark.parametrize(
    ("gegevens", "veld", "melding"),
    [
        ({"soort": "cvi", "periode": "maand"}, "sector", "Kies de sector van de rapportage CVI."),
        ({"soort": "netwerk", "periode": "maand"}, "netwerk", "Kies het netwerk van de netwerkrapportage."),
        ({"soort": "stuurgroep", "periode": "zelf"}, "van", "Vul de eerste dag van de periode in."),
        (
            {"soort": "stuurgroep", "periode": "zelf", "van": "2026-03-01", "tot": "2026-02-01"},
            "tot",
            "De laatste dag ligt vóór de eerste dag van de periode.",
        ),
        (
            {"soort": "stuurgroep", "periode": "zelf", "van": "2026-03-01", "tot": "2999-01-01"},
            "tot",
            "De periode kan niet in de toekomst eindigen.",
        ),
        (
            {"soort": "stuurgroep", "periode": "zelf", "van": "2026-13-01", "tot": "2026-02-01"},
            "van",
            "Voer een geldige datum in.",
        ),
        ({"soort": "onzin", "periode": "maand"}, "soort", "Selecteer een geldige keuze."),
        ({"soort": "stuurgroep"}, "periode", "Dit veld is verplicht."),
    ],
)
def test_the_form_explains_what_is_wrong_in_dutch(client, wereld, gegevens, veld, melding):
    client.force_login(wereld.projectteam)

    response = client.post(reverse("monitoring:rapporten"), gegevens)

    assert response.status_code == 200
    assert melding in response.context["form"].errors[veld][0]
    assert not Rapport.objects.exists()


def test_the_download_streams_the_pdf_with_a_telling_name(client, wereld):
    rapport = vraag(wereld, wereld.projectteam)
    rapporten.genereer(rapport.pk)
    client.force_login(wereld.stuurgroep)

    response = client.get(reverse("monitoring:rapport_download", args=[rapport.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="voortgangsrapportage-stuurgroep-2020-01-01-tm-{TOT:%Y-%m-%d}.pdf"'
    )
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_report_without_a_file_has_no_download(client, wereld, alle_soorten):
    client.force_login(wereld.projectteam)
    assert (
        client.get(reverse("monitoring:rapport_download", args=[alle_soorten["stuurgroep"].pk])).status_code
        == 404
    )


def test_the_progress_page_polls_while_the_report_is_being_made(client, wereld):
    rapport = Rapport.objects.create(
        soort="stuurgroep",
        titel="Bezig",
        periode_van=VAN,
        periode_tot=TOT,
        status="bezig",
        voortgang=45,
        stap="Hoofdstuk: Financiering",
    )
    client.force_login(wereld.stuurgroep)
    url = reverse("monitoring:rapport", args=[rapport.pk])

    pagina = client.get(url).content.decode()
    deel = client.get(url, headers={"HX-Request": "true"}).content.decode()

    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in pagina
    assert 'hx-trigger="every 1s"' in pagina
    assert "<html" not in deel and 'hx-trigger="every 1s"' in deel
    assert 'value="45"' in deel and "Hoofdstuk: Financiering" in deel


def test_a_failed_report_shows_its_error_and_can_be_requested_again(
    client, wereld, django_capture_on_commit_callbacks
):
    zonder_plan = maak_netwerk(slug="drinkwater-zonder-plan")
    rapport = vraag(wereld, wereld.projectteam, Rapportsoort.NETWERK, netwerk=zonder_plan)
    rapporten.genereer(rapport.pk)
    client.force_login(wereld.projectteam)

    pagina = client.get(reverse("monitoring:rapport", args=[rapport.pk])).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("monitoring:rapport_opnieuw", args=[rapport.pk]))

    assert "Het maken van de rapportage is mislukt" in pagina
    assert "heeft nog geen actieplan" in pagina
    assert "Opnieuw aanvragen" in pagina
    nieuw = Rapport.objects.exclude(pk=rapport.pk).get()
    assert response["Location"] == reverse("monitoring:rapport", args=[nieuw.pk])
    assert (nieuw.soort, nieuw.netwerk, nieuw.periode_van) == ("netwerk", zonder_plan, VAN)


def test_the_stuurgroep_may_not_request_a_failed_report_again(client, wereld):
    rapport = Rapport.objects.create(
        soort="stuurgroep", titel="x", periode_van=VAN, periode_tot=TOT, status="mislukt"
    )
    client.force_login(wereld.stuurgroep)

    assert (
        "Opnieuw aanvragen"
        not in client.get(reverse("monitoring:rapport", args=[rapport.pk])).content.decode()
    )
    assert client.post(reverse("monitoring:rapport_opnieuw", args=[rapport.pk])).status_code == 403


# --- Query counts ---------------------------------------------------------------------------------


def test_the_list_costs_the_same_number_of_queries_whatever_the_number_of_reports(
    client, wereld, django_assert_num_queries
):
    """Expected, for the project team: session, user (with his groups), his user and group
    permissions in one query (`Netwerk.objects.visible_to`, cached), the count and the page of
    reports (with sector, network and requester), the sectors and the networks of the form = 7."""

    def maak(aantal: int) -> None:
        for i in range(aantal):
            Rapport.objects.create(
                soort="netwerk" if i % 2 else "cvi",
                titel=f"Rapport {i}",
                periode_van=VAN,
                periode_tot=TOT,
                netwerk=wereld.vitens if i % 2 else None,
                sector=None if i % 2 else wereld.vitens.sectoren.get(),
                aangevraagd_door=wereld.coordinator,
                status="gereed",
                paginas=5,
            )

    client.force_login(wereld.projectteam)
    maak(3)
    with django_assert_num_queries(7):
        assert client.get(reverse("monitoring:rapporten")).status_code == 200
    maak(9)
    with django_assert_num_queries(7):
        response = client.get(reverse("monitoring:rapporten"))
    assert response.context["pagina"].paginator.count == 12


def test_the_detail_and_download_cost_a_fixed_number_of_queries(client, wereld, django_assert_num_queries):
    """Expected for a stuurgroep member: session, user (with his groups), his user and group
    permissions in one query (`Netwerk.objects.visible_to`), the report with sector, network and
    requester = 4,
    for the detail, its htmx poll (a finished report asks nothing more) and the download."""
    rapport = vraag(wereld, wereld.projectteam)
    rapporten.genereer(rapport.pk)
    client.force_login(wereld.stuurgroep)
    for _ in range(3):  # more reports do not change a thing
        rapporten.genereer(vraag(wereld, wereld.projectteam).pk)

    with django_assert_num_queries(4):
        assert client.get(reverse("monitoring:rapport", args=[rapport.pk])).status_code == 200
    with django_assert_num_queries(4):
        client.get(reverse("monitoring:rapport", args=[rapport.pk]), headers={"HX-Request": "true"})
    with django_assert_num_queries(4):
        response = client.get(reverse("monitoring:rapport_download", args=[rapport.pk]))
    b"".join(response.streaming_content)


def test_a_link_may_preselect_kind_and_network(client, wereld):
    client.force_login(wereld.projectteam)

    response = client.get(
        reverse("monitoring:rapporten"), {"soort": "netwerk", "netwerk": "drinkwater-evides"}
    )

    form = response.context["form"]
    assert form["soort"].value() == "netwerk"
    assert form["netwerk"].value() == wereld.evides.pk


def test_a_member_of_one_network_finds_it_chosen(client, wereld):
    client.force_login(wereld.buiten)

    form = client.get(reverse("monitoring:rapporten")).context["form"]

    assert form["soort"].value() == "netwerk"
    assert form["netwerk"].value() == wereld.evides.pk
    assert "sector" not in form.fields


def test_a_report_nobody_picks_up_says_so(client, wereld):
    rapport = Rapport.objects.create(
        soort="stuurgroep",
        titel="Wacht",
        periode_van=VAN,
        periode_tot=TOT,
        aangevraagd_op=timezone.now() - datetime.timedelta(minutes=5),
    )
    client.force_login(wereld.projectteam)

    pagina = client.get(reverse("monitoring:rapport", args=[rapport.pk])).content.decode()

    assert "In de wachtrij" in pagina
    assert "al langer dan twee minuten in de wachtrij" in pagina
