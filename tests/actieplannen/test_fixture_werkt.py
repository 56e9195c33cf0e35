from __future__ import annotations


def test_it_builds_a_network_with_a_plan_and_actions(vitens) -> None:
    actie = vitens.maak_actie("Nooddrinkwater")
    assert actie.actieplan == vitens.plan
    assert vitens.netwerk.deelnames.filter(contactpersoon__isnull=False).count() == 2
