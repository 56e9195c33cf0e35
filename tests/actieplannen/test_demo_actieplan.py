"""The example toetsing and action plans (`actieplannen.demo`) on top of the demo accounts and agendas."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.utils import timezone

from actieplannen import services
from actieplannen.demo import NATIONAAL_ACTIEPLAN, laad_actieplan_demo
from actieplannen.models import Actieplan, Beoordeling, Mijlpaal, Verbeteractie, Voortgangsupdate
from agenda.models import Agenda
from netwerken.models import Lidmaatschap

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings) -> str:
    """Reference data, demo accounts and (if that loader exists) the example agendas; then ours."""
    settings.DEMO_DATA_TOEGESTAAN = True
    call_command("laad_referentiedata", verbosity=0)
    call_command("laad_demodata", verbosity=0)
    if not Agenda.objects.filter(sector__slug="drinkwater", huidig=True).exists():
        from tests.factories import maak_agenda  # the agenda demo was not loaded: a plain agenda

        maak_agenda("drinkwater", afspraken=12, status="vastgesteld")
    return laad_actieplan_demo()


def _stand() -> tuple:
    return (
        Actieplan.objects.count(),
        Actieplan.history.count(),
        Verbeteractie.history.count(),
        Beoordeling.history.count(),
        Mijlpaal.objects.count(),
        Voortgangsupdate.objects.count(),
    )


def test_it_is_idempotent(demo) -> None:
    assert demo.startswith("Actieplan-demo: ")
    voor = _stand()
    assert laad_actieplan_demo() == "Actieplan-demo: alles was al aanwezig; niets gewijzigd."
    assert _stand() == voor


def test_the_vitens_plan_comes_from_a_partial_toetsing_and_has_complete_actions(demo) -> None:
    plan = Actieplan.objects.get(netwerk__slug="drinkwater-vitens")
    assert plan.status == Actieplan.Status.CONCEPT
    assert "Voorbeeldinhoud" in plan.toelichting
    acties = list(plan.acties.select_related("eigenaar", "organisatie"))
    assert 6 <= len(acties) <= 9
    leden = set(Lidmaatschap.objects.filter(netwerk=plan.netwerk).values_list("persoon__email", flat=True))
    for actie in acties:
        assert actie.eigenaar.email in {"bcm@demo.nl", "adviseur@demo.nl"} and actie.eigenaar.email in leden
        assert actie.eigenaar.organisatie == actie.organisatie
        assert actie.einddatum is not None
        if actie.uit_bestaande_capaciteit:
            assert actie.kostenraming is None and actie.financiering_totaal == 0
        else:
            assert actie.kostenraming == actie.financiering_totaal > 0
    vandaag = timezone.localdate()
    assert any(a.is_te_laat() for a in acties)
    assert any(0 <= (a.einddatum - vandaag).days <= 14 and not a.is_te_laat() for a in acties)
    assert Mijlpaal.objects.filter(actie__actieplan=plan).exists()
    assert Voortgangsupdate.objects.filter(actie__actieplan=plan).exclude(door=None).exists()
    # The history names the people of the demo, not an anonymous loader.
    assert {h.history_user.email for h in Verbeteractie.history.filter(actieplan_id=plan.pk)} <= {
        "adviseur@demo.nl",
        "bcm@demo.nl",
    }
    # The toetsing is partly done, and its open and partial items feed the plan.
    stand = services.toetsingsstand(plan.netwerk)
    assert 0 < stand.beoordeeld < stand.totaal
    statussen = {a.beoordeling.status for a in stand.afspraken if a.beoordeling}
    assert statussen == {"geregeld", "deels", "open", "niet_relevant"}
    uit_toetsing = [a for a in stand.afspraken if a.beoordeling and a.beoordeling.acties.exists()]
    assert len(uit_toetsing) >= 4
    for afspraak in uit_toetsing:
        assert afspraak.beoordeling.vraagt_actie
        assert afspraak.beoordeling.acties.get().afspraak == afspraak
    # At least one open or partial item is left to turn into an action on the page.
    assert any(
        a.beoordeling and a.beoordeling.vraagt_actie and not a.beoordeling.acties.exists()
        for a in stand.afspraken
    )

    # Complete enough to submit (the browser tests do that).
    assert services.dien_in(plan, actor=None).status == Actieplan.Status.TER_INSTEMMING


def test_the_national_plan_is_initiated_by_the_ministry_and_linked_from_vitens(demo) -> None:
    plan = Actieplan.objects.get(landelijk=True)
    assert plan.netwerk.slug == "landelijk"
    assert plan.titel == NATIONAAL_ACTIEPLAN
    acties = list(plan.acties.select_related("eigenaar"))
    assert 3 <= len(acties) <= 4
    assert {a.eigenaar.email for a in acties} == {"ministerie@demo.nl"}
    assert plan.history.earliest().history_user.email == "ministerie@demo.nl"
    # One Vitens action is flagged 'landelijk oppakken' and linked to a national action.
    gemarkeerd = Verbeteractie.objects.get(
        actieplan__netwerk__slug="drinkwater-vitens", landelijk_oppakken=True
    )
    assert gemarkeerd.landelijke_actie.actieplan.landelijk
    assert gemarkeerd.landelijke_actie.regionale_acties.get() == gemarkeerd


def test_other_networks_have_actions_by_their_coordinators(demo) -> None:
    plannen = (
        Actieplan.objects.exclude(netwerk__slug__in=["drinkwater-vitens", "landelijk"])
        .filter(acties__isnull=False)
        .distinct()
    )
    assert 3 <= plannen.count() <= 4
    for plan in plannen:
        coordinatoren = set(
            plan.netwerk.lidmaatschappen.filter(rol=Lidmaatschap.Rol.COORDINATOR).values_list(
                "persoon", flat=True
            )
        )
        assert {a.eigenaar_id for a in plan.acties.all()} <= coordinatoren
    assert {p.status for p in plannen} >= {"concept", "ter_instemming", "vastgesteld"}
