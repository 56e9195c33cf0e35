"""The monitoring figures equal an independent count over the data (issue 6 items 1, 3, 9)."""

from __future__ import annotations

import datetime
import json
from collections import Counter
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actieplannen.models import Actieplan, Instemming, Verbeteractie
from actieplannen.services import toetsingsstand
from agenda.models import Ondertekening
from monitoring import cijfers
from monitoring.cijfers import bereken, mag_monitoring_zien, momentopname_cijfers
from netwerken.models import Organisatie

from .conftest import dag, is_te_laat, per_netwerk, tel, toetsing_van, voeg_netwerken_toe, zichtbare_acties

pytestmark = pytest.mark.django_db

STATUSSEN = [s for s, _ in Verbeteractie.Status.choices]


def _als_dict(telling) -> dict[str, int]:
    return {s: telling.per_status.get(s, 0) for s in STATUSSEN}


def _verwacht(acties) -> dict[str, int]:
    statussen, _ = tel(acties)
    return {s: statussen.get(s, 0) for s in STATUSSEN}


@pytest.mark.parametrize("wie", ["projectteam", "ontvanger", "stuurgroep"])
def test_it_counts_actions_per_network_theme_and_status_like_a_plain_count(programma, wie) -> None:
    gebruiker = getattr(programma, wie)
    acties = zichtbare_acties(gebruiker)
    c = bereken(gebruiker)

    assert _als_dict(c.acties) == _verwacht(acties)
    assert c.acties.te_laat == sum(1 for a in acties if is_te_laat(a))
    assert c.acties.totaal == len(acties)
    gereed = sum(1 for a in acties if a.status == "gereed")
    niet_vervallen = sum(1 for a in acties if a.status != "vervallen")
    assert c.acties.afgerond_pct == round(100 * gereed / niet_vervallen)

    groepen = per_netwerk(acties)
    assert {n.slug for n in c.per_netwerk} == {"drinkwater-a", "drinkwater-b", "energie-c"}
    for n in c.per_netwerk:
        assert _als_dict(n.acties) == _verwacht(groepen[n.slug]), n.slug
        assert n.acties.te_laat == sum(1 for a in groepen[n.slug] if is_te_laat(a))

    for t in c.per_thema:
        in_thema = [a for a in acties if a.thema.nummer == t.nummer]
        assert _als_dict(t.acties) == _verwacht(in_thema), t.label


def test_the_heat_map_holds_open_actions_per_network_and_theme(programma) -> None:
    acties = zichtbare_acties(programma.projectteam)
    c = bereken(programma.projectteam)
    kaart = c.warmtekaart
    assert [nummer for nummer, _ in kaart.kolommen] == list(range(1, 9))
    for (slug, _), rij in zip(kaart.rijen, kaart.waarden, strict=True):
        for (nummer, _), waarde in zip(kaart.kolommen, rij, strict=True):
            verwacht = sum(
                1
                for a in acties
                if a.actieplan.netwerk.slug == slug
                and a.thema.nummer == nummer
                and a.status not in ("gereed", "vervallen")
            )
            assert waarde == verwacht, (slug, nummer)
    assert kaart.maximum == max(max(rij) for rij in kaart.waarden)


def test_red_actions_never_count_for_the_stuurgroep(programma) -> None:
    rood = Verbeteractie.objects.filter(tlp="red")
    assert rood.count() == 2
    stuurgroep = bereken(programma.stuurgroep)
    assert stuurgroep.acties.totaal == Verbeteractie.objects.exclude(tlp="red").count()
    # A5 (overdue, EUR 7,000 ministry) and B3 (gereed, EUR 900 other) are nowhere in the figures.
    assert stuurgroep.financiering.per_partij["ministerie"] == 0
    assert stuurgroep.financiering.per_partij["overig"] == Decimal(2000)
    assert stuurgroep.acties.te_laat == 1  # A2 only
    assert sum(sum(rij) for rij in stuurgroep.warmtekaart.waarden) == stuurgroep.acties.open
    # Even a stuurgroep member who is a named recipient does not get RED in aggregates.
    a5 = rood.get(titel="Geheime actie A5")
    a5.tlp_ontvangers.add(programma.stuurgroep)
    assert bereken(programma.stuurgroep).acties.totaal == stuurgroep.acties.totaal


def test_the_project_team_counts_red_only_where_it_is_a_recipient(programma) -> None:
    gewoon = bereken(programma.projectteam)
    ontvanger = bereken(programma.ontvanger)
    assert ontvanger.acties.totaal == gewoon.acties.totaal + 1  # A5, not B3
    assert ontvanger.acties.te_laat == gewoon.acties.te_laat + 1
    assert ontvanger.financiering.per_partij["ministerie"] == Decimal(7000)
    assert gewoon.financiering.per_partij["ministerie"] == 0


def test_financing_totals_per_party_and_theme_equal_a_plain_sum(programma) -> None:
    acties = zichtbare_acties(programma.projectteam)
    c = bereken(programma.projectteam)
    eigen = [a for a in acties if not a.uit_bestaande_capaciteit]
    for partij, veld in [("bedrijf", "aandeel_bedrijf"), ("regio", "aandeel_regio"),
                         ("ministerie", "aandeel_ministerie"), ("overig", "aandeel_overig")]:  # fmt: skip
        assert c.financiering.per_partij[partij] == sum((getattr(a, veld) for a in eigen), Decimal(0))
    assert c.financiering.raming == sum((a.kostenraming or 0 for a in eigen), Decimal(0))
    assert c.financiering.uit_bestaande_capaciteit == sum(1 for a in acties if a.uit_bestaande_capaciteit)
    for t in c.per_thema:
        assert t.financiering.raming == sum(
            (a.kostenraming or 0 for a in eigen if a.thema.nummer == t.nummer), Decimal(0)
        )


def test_a_network_with_two_sectors_counts_in_each_and_the_total_counts_once(programma) -> None:
    acties = zichtbare_acties(programma.projectteam)
    c = bereken(programma.projectteam)
    per_sector = {s.slug: s for s in c.per_sector}
    assert list(per_sector) == ["drinkwater", "elektriciteit", "gas", "olie"]
    for slug, sector in per_sector.items():
        in_sector = [a for a in acties if a.actieplan.netwerk.sectoren.filter(slug=slug).exists()]
        assert _als_dict(sector.acties) == _verwacht(in_sector), slug
    assert per_sector["gas"].acties.totaal == per_sector["elektriciteit"].acties.totaal == 2
    assert per_sector["olie"].netwerken == 0 and per_sector["olie"].acties.totaal == 0
    assert per_sector["drinkwater"].heeft_agenda and not per_sector["gas"].heeft_agenda
    assert sum(s.acties.totaal for s in c.per_sector) == c.acties.totaal + 2


def test_the_sector_filter_keeps_the_networks_of_that_sector(programma) -> None:
    gas = programma.sectoren["gas"]
    c = bereken(programma.stuurgroep, sector=gas)
    assert [n.slug for n in c.per_netwerk] == ["energie-c"]
    assert [s.slug for s in c.per_sector] == ["gas"]
    assert c.acties.totaal == Verbeteractie.objects.filter(actieplan__netwerk__slug="energie-c").count()
    assert [leerpunt.titel for leerpunt in c.leerpunten] == ["Leerpunt energie-c"]
    drinkwater = bereken(programma.stuurgroep, sector=programma.sectoren["drinkwater"])
    assert [leerpunt.titel for leerpunt in drinkwater.leerpunten] == ["Leerpunt drinkwater"]


def test_the_period_keeps_the_actions_whose_planning_overlaps_it(programma) -> None:
    van, tot = dag(0), dag(40)
    acties = zichtbare_acties(programma.projectteam)

    def loopt(a: Verbeteractie) -> bool:
        begin = a.startdatum or a.aangemaakt_op.date()
        return begin <= tot and (a.einddatum is None or a.einddatum >= van)

    c = bereken(programma.projectteam, van=van, tot=tot)
    assert _als_dict(c.acties) == _verwacht([a for a in acties if loopt(a)])
    assert "Actie A4 later" not in {a.titel for a in acties if loopt(a)}  # starts in 100 days
    assert c.leerpunten_totaal == 1  # only the one dated today


def test_toetsing_progress_equals_the_network_page(programma) -> None:
    c = bereken(programma.projectteam)
    for n in c.per_netwerk:
        netwerk = programma.netwerken[n.slug.rsplit("-", 1)[-1]].netwerk
        stand = toetsingsstand(netwerk)
        assert (
            (n.toetsing.beoordeeld, n.toetsing.totaal)
            == (stand.beoordeeld, stand.totaal)
            == toetsing_van(netwerk)
        )
        statussen = Counter(a.beoordeling.status for a in stand.afspraken if a.beoordeling)
        assert n.toetsing.geregeld == statussen["geregeld"]
        assert n.toetsing.vraagt_actie == statussen["open"] + statussen["deels"]
    assert c.toetsing.beoordeeld == 4 and c.toetsing.totaal == 6 + 6 + 4


def test_consent_counts_the_current_version_of_plans_ter_instemming(programma) -> None:
    c = bereken(programma.stuurgroep)
    plannen = Actieplan.objects.filter(status="ter_instemming")
    assert [n.slug for n in c.netwerken_met_instemming] == [p.netwerk.slug for p in plannen]
    for n in c.netwerken_met_instemming:
        plan = plannen.get(netwerk__slug=n.slug)
        deelnemers = set(plan.netwerk.deelnames.values_list("organisatie_id", flat=True))
        besluiten = [i for i in Instemming.objects.filter(actieplan=plan) if i.versie == plan.versie]
        assert n.instemming.deelnemers == len(deelnemers) == 2
        assert n.instemming.ingestemd == sum(1 for i in besluiten if i.besluit == "instemming") == 1
        assert n.instemming.bezwaar == 0
    assert c.instemming.plannen == 1


def test_plans_by_status_include_networks_without_a_plan(programma) -> None:
    c = bereken(programma.projectteam)
    statussen = Counter(p.status for p in Actieplan.objects.all())
    assert c.plannen.per_status["concept"] == statussen["concept"] == 1
    assert c.plannen.per_status["ter_instemming"] == 1 and c.plannen.per_status["vastgesteld"] == 1
    assert c.plannen.per_status["geen"] == 0
    assert c.plannen.vastgesteld_of_later == 1


def test_signatures_are_counted_of_all_safety_regions(programma) -> None:
    c = bereken(programma.stuurgroep)
    assert (
        c.ondertekeningen.getekend == Ondertekening.objects.filter(rolbeschrijving__huidig=True).count() == 3
    )
    assert c.ondertekeningen.totaal == Organisatie.objects.filter(soort="veiligheidsregio").count() == 25
    assert c.ondertekeningen.rolversie is not None


def test_milestones_have_a_state_and_known_codes_a_measurement(programma) -> None:
    stand = {m.code: m for m in bereken(programma.projectteam).mijlpalen}
    assert stand["actieplannen"].stand == "te_laat"
    assert (stand["actieplannen"].meting.waarde, stand["actieplannen"].meting.van) == (1, 3)
    assert stand["rol_ondertekend"].stand == "behaald"
    assert (stand["rol_ondertekend"].meting.waarde, stand["rol_ondertekend"].meting.van) == (3, 25)
    assert stand["agenda"].stand == "op_schema"
    assert (stand["agenda"].meting.waarde, stand["agenda"].meting.van) == (2, 4)  # drinkwater, elektriciteit
    assert stand["iets-anders"].meting is None
    assert [m.code for m in bereken(programma.projectteam).mijlpalen][0] in (
        "actieplannen",
        "rol_ondertekend",
    )


def test_leerpunten_and_contributions(programma) -> None:
    c = bereken(programma.stuurgroep)
    assert c.leerpunten_totaal == 3
    assert [leerpunt.titel for leerpunt in c.leerpunten][0] == "Leerpunt algemeen"  # newest first
    assert [(j.jaar, j.regios, j.ontvangen_regios) for j in c.bijdragen.per_jaar] == [
        (2025, 1, 1),
        (2026, 2, 1),
    ]
    assert c.bijdragen.afgesproken == Decimal("10900.00")
    assert c.bijdragen.ontvangen == Decimal("7200.00")
    alleen_2026 = bereken(
        programma.stuurgroep, van=datetime.date(2026, 1, 1), tot=datetime.date(2026, 12, 31)
    )
    assert [j.jaar for j in alleen_2026.bijdragen.per_jaar] == [2026]


def test_only_the_project_team_and_the_stuurgroep_may_see_monitoring(programma) -> None:
    assert mag_monitoring_zien(programma.projectteam) and mag_monitoring_zien(programma.stuurgroep)
    assert not mag_monitoring_zien(programma.lid) and not mag_monitoring_zien(programma.buiten)
    with pytest.raises(PermissionDenied):
        bereken(programma.lid)
    assert bereken(programma.projectteam).details and not bereken(programma.stuurgroep).details


def _tel_queries(gebruiker) -> int:
    with CaptureQueriesContext(connection) as queries:
        bereken(gebruiker)
    return len(queries)


@pytest.mark.parametrize("wie", ["projectteam", "stuurgroep"])
def test_the_number_of_queries_does_not_grow_with_networks_and_actions(programma, wie) -> None:
    gebruiker = getattr(programma, wie)
    # Warm the user's cached group flags and permissions: they are part of the request, not of `bereken`.
    gebruiker.is_projectteam, gebruiker.is_stuurgroep, gebruiker.has_perm("netwerken.view_netwerk")
    # sectors, themes, networks (+ plan, consent, toetsing subqueries), actions grouped,
    # signatures, milestones (+ measurements), snapshots, leerpunten, contributions
    assert _tel_queries(gebruiker) == 9
    voeg_netwerken_toe(6)
    assert bereken(gebruiker).acties.totaal > 10
    assert len(bereken(gebruiker).per_netwerk) == 9
    assert _tel_queries(gebruiker) == 9


def test_the_snapshot_figures_are_aggregates_without_red(programma) -> None:
    gegevens = momentopname_cijfers()
    json.dumps(gegevens)  # JSON-able
    zonder_rood = Verbeteractie.objects.exclude(tlp="red")
    assert gegevens["acties"]["totaal"] == zonder_rood.count()
    assert gegevens["acties"]["per_status"] == _verwacht(list(zonder_rood))
    assert gegevens["financiering"]["per_partij"]["ministerie"] == "0.00"
    assert gegevens["per_sector"]["gas"]["acties"]["totaal"] == 2
    assert gegevens["ondertekend"] == {"getekend": 3, "totaal": 25}
    assert "Geheime" not in json.dumps(gegevens) and "Actie A1" not in json.dumps(gegevens)
    assert gegevens["versie"] == cijfers.MOMENTOPNAME_VERSIE


def test_the_aggregated_figures_without_a_user_are_the_stuurgroeps(programma) -> None:
    zonder = cijfers.bereken_geaggregeerd(sector=programma.sectoren["drinkwater"])
    stuurgroep = bereken(programma.stuurgroep, sector=programma.sectoren["drinkwater"])
    assert not zonder.details
    assert zonder.acties == stuurgroep.acties and zonder.financiering == stuurgroep.financiering
    assert [n.slug for n in zonder.per_netwerk] == [n.slug for n in stuurgroep.per_netwerk]
