"""The netwerkrapportage: one network's plan as a PDF (issue 4, items 9 and 11).

The PDF is read back with poppler's `pdftotext`, page by page, as a reader would see it.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actieplannen import services
from actieplannen.models import TLP
from actieplannen.reports import render_netwerkrapportage_pdf, strengste_tlp
from netwerken.models import Gebruiker
from tests.pdftekst import paginas, tekst

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_met_acties(vitens):
    """Three actions in two themes, submitted, with Vitens' consent; one action overdue."""
    themas = list({a.thema_id: a.thema for a in vitens.agenda.afspraken.select_related("thema")}.values())
    vitens.maak_actie("Nooddrinkwater distribueren", omschrijving="Afspraken over uitgiftepunten.")
    vitens.maak_actie(
        "Crisiscommunicatie afstemmen",
        thema=themas[1],
        einddatum=datetime.date(2020, 1, 31),
        status="in_uitvoering",
        voortgang=40,
    )
    vitens.maak_actie(
        "Oefening met de veiligheidsregio",
        uit_bestaande_capaciteit=True,
        kostenraming=None,
        aandeel_bedrijf=Decimal(0),
        aandeel_regio=Decimal(0),
    )
    services.wijzig_plan(
        vitens.plan, revisie=None, actor=vitens.coordinator, toelichting="Het plan na de toetsing."
    )
    services.dien_in(vitens.plan, actor=vitens.coordinator)
    services.spreek_uit(
        vitens.plan, organisatie=vitens.netwerk.kernpartner, besluit="instemming", actor=vitens.bcm
    )
    vitens.plan.refresh_from_db()
    return vitens


def test_it_renders_the_plan_and_its_actions_as_a_pdf(plan_met_acties) -> None:
    pdf = render_netwerkrapportage_pdf(plan_met_acties.plan, gebruiker=plan_met_acties.bcm)

    assert pdf.startswith(b"%PDF")
    inhoud = tekst(pdf)
    assert plan_met_acties.netwerk.naam in inhoud
    for titel in (
        "Nooddrinkwater distribueren",
        "Crisiscommunicatie afstemmen",
        "Oefening met de veiligheidsregio",
    ):
        assert titel in inhoud
    assert "Het plan na de toetsing." in inhoud
    assert "Afspraken over uitgiftepunten." in inhoud
    assert "te laat" in inhoud  # the action due in 2020 is still in progress


def test_the_cover_gives_portal_network_plan_status_version_date_and_tlp(plan_met_acties) -> None:
    omslag = " ".join(
        paginas(render_netwerkrapportage_pdf(plan_met_acties.plan, gebruiker=plan_met_acties.bcm))[0].split()
    )

    assert "Continuïteitportaal" in omslag
    assert "NETWERKRAPPORTAGE" in omslag
    assert plan_met_acties.netwerk.naam in omslag
    assert plan_met_acties.plan.titel in omslag
    assert "Status ter instemming" in omslag
    assert "Versie versie 1" in omslag
    assert f"Datum {datetime.date.today():%d-%m-%Y}" in omslag
    assert f"Opgesteld voor {plan_met_acties.bcm.naam}" in omslag
    assert omslag.count("TLP:AMBER") >= 3  # header, the label on the page, footer
    assert "need-to-know" in omslag


def test_every_page_carries_the_tlp_marking_in_its_header_and_footer(plan_met_acties) -> None:
    pagina_teksten = paginas(
        render_netwerkrapportage_pdf(plan_met_acties.plan, gebruiker=plan_met_acties.bcm)
    )

    assert len(pagina_teksten) >= 5  # cover, contents, plan, actions, financing, consent
    for nummer, pagina in enumerate(pagina_teksten, start=1):
        regels = [regel for regel in pagina.splitlines() if regel.strip()]
        assert "TLP:AMBER" in regels[0], f"header of page {nummer}"
        assert "TLP:AMBER" in regels[-1], f"footer of page {nummer}"
        assert f"pagina {nummer} van {len(pagina_teksten)}" in regels[-1]


def test_the_table_of_contents_gives_page_numbers(plan_met_acties) -> None:
    inhoud = " ".join(
        paginas(render_netwerkrapportage_pdf(plan_met_acties.plan, gebruiker=plan_met_acties.bcm))[1].split()
    )

    assert "Inhoud" in inhoud
    for hoofdstuk in (
        "Het actieplan",
        "Verbeteracties per thema",
        "Financiering",
        "Instemming per organisatie",
    ):
        assert re.search(rf"{hoofdstuk}[ .]*\d+", inhoud), hoofdstuk
    assert re.search(r"1\. Thema 1[ .]*\d+", inhoud)


def test_it_gives_financing_totals_per_party_and_per_theme(plan_met_acties) -> None:
    inhoud = tekst(render_netwerkrapportage_pdf(plan_met_acties.plan, gebruiker=plan_met_acties.bcm))

    financiering = inhoud[inhoud.index("Per partij") :]
    assert "Vitale bedrijven € 1.200,00" in financiering  # 2 × 600
    assert "Veiligheidsregio's € 800,00" in financiering  # 2 × 400
    assert "Ministeries € 0,00" in financiering
    assert "Totaal geraamd € 2.000,00" in financiering
    assert "1 actie uit bestaande capaciteit" in financiering
    assert re.search(r"1\. Thema 1 € 1\.000,00", financiering)


def test_it_gives_the_consent_status_per_organisation(plan_met_acties) -> None:
    inhoud = tekst(render_netwerkrapportage_pdf(plan_met_acties.plan, gebruiker=plan_met_acties.bcm))

    instemming = inhoud[inhoud.rindex("Instemming per organisatie") :]
    assert "1 van 2 organisaties stemden in met versie 1" in instemming
    assert f"{plan_met_acties.netwerk.kernpartner.naam}" in instemming
    assert "stemt in" in instemming
    assert f"{plan_met_acties.regio.naam}" in instemming
    assert "nog niet uitgesproken" in instemming


def test_a_red_action_is_left_out_for_the_project_team_and_shown_to_its_recipient(plan_met_acties) -> None:
    plan_met_acties.maak_actie(
        "Kwetsbaarheid in de besturing", tlp=TLP.RED, tlp_ontvangers=[plan_met_acties.bcm]
    )

    voor_projectteam = tekst(
        render_netwerkrapportage_pdf(plan_met_acties.plan, gebruiker=plan_met_acties.projectteam)
    )
    voor_ontvanger = tekst(render_netwerkrapportage_pdf(plan_met_acties.plan, gebruiker=plan_met_acties.bcm))

    assert "Kwetsbaarheid in de besturing" not in voor_projectteam  # not even in why consent reopened
    assert "Een vertrouwelijke actie toegevoegd." in voor_projectteam
    assert "TLP:RED" not in voor_projectteam
    assert "Totaal geraamd € 2.000,00" in voor_projectteam  # its money is left out too
    assert "Kwetsbaarheid in de besturing" in voor_ontvanger
    assert "Totaal geraamd € 3.000,00" in voor_ontvanger


def test_a_document_with_a_red_action_is_marked_red_on_every_page(plan_met_acties) -> None:
    plan_met_acties.maak_actie(
        "Kwetsbaarheid in de besturing", tlp=TLP.RED, tlp_ontvangers=[plan_met_acties.bcm]
    )

    pagina_teksten = paginas(
        render_netwerkrapportage_pdf(plan_met_acties.plan, gebruiker=plan_met_acties.bcm)
    )

    for pagina in pagina_teksten:
        regels = [regel for regel in pagina.splitlines() if regel.strip()]
        assert "TLP:RED" in regels[0] and "TLP:RED" in regels[-1]
    assert "Het plan zelf is TLP:AMBER" in " ".join(pagina_teksten[0].split())


def test_it_renders_with_local_resources_only(vitens, monkeypatch) -> None:
    """WeasyPrint gets the portal's restricted URL fetcher: no remote resources, nothing outside static/."""
    from continuiteit import pdf as pdfbasis

    aangeroepen = {}
    echte_html = pdfbasis.HTML

    def html(*args, **kwargs):
        aangeroepen.update(kwargs)
        return echte_html(*args, **kwargs)

    monkeypatch.setattr(pdfbasis, "HTML", html)
    render_netwerkrapportage_pdf(vitens.plan, gebruiker=vitens.bcm)

    assert isinstance(aangeroepen["url_fetcher"], pdfbasis.LokaleBestanden)


def test_the_strictest_label_wins() -> None:
    assert strengste_tlp([TLP.CLEAR, TLP.AMBER, TLP.GREEN]) == TLP.AMBER
    assert strengste_tlp([TLP.AMBER, TLP.AMBER_STRICT]) == TLP.AMBER_STRICT
    assert strengste_tlp([TLP.RED, TLP.CLEAR]) == TLP.RED


def test_the_number_of_queries_does_not_grow_with_the_number_of_actions(vitens) -> None:
    """Expected: plan with network, sectors, visible actions with theme/organisation/owner/agenda
    item, decisions on the version, participating organisations with their contact = 5 (a plan
    whose consent was reopened adds one: the titles of RED actions hidden from the reader), plus
    the reader's permission lookups once, counted apart: their number is the auth backend's."""

    def tel() -> tuple[int, int]:
        lezer = Gebruiker.objects.get(pk=vitens.bcm.pk)  # fresh: no permission cache
        with CaptureQueriesContext(connection) as rechten:
            lezer.get_all_permissions()
        with CaptureQueriesContext(connection) as queries:
            render_netwerkrapportage_pdf(vitens.plan, gebruiker=lezer)
        return len(rechten), len(queries)

    for n in range(3):
        vitens.maak_actie(f"Actie {n}")
    rechten_bij_drie, bij_drie = tel()
    for n in range(3, 30):
        vitens.maak_actie(f"Actie {n}")
    rechten_bij_dertig, bij_dertig = tel()

    assert bij_drie == bij_dertig == 5
    assert 1 <= rechten_bij_drie == rechten_bij_dertig <= 2
