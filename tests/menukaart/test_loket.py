"""The loket (issue 5, item 2): ask on an item or on /menukaart/, the project team answers, the asker sees it."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from menukaart import services
from menukaart.models import LoketVraag

pytestmark = pytest.mark.django_db


def test_the_whole_loket_flow(client, wereld, mailoutbox, django_capture_on_commit_callbacks) -> None:
    item = wereld.item("Noodwaterpunten")
    client.force_login(wereld.lid)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("menukaart:vraag"), {"vraag": "Wie heeft de kaart gemaakt?", "item": item.pk}
        )
    assert response.status_code == 302 and response.url == item.get_absolute_url()
    vraag = LoketVraag.objects.get()
    assert (vraag.item, vraag.gesteld_door, vraag.is_beantwoord) == (item, wereld.lid, False)
    assert mailoutbox[-1].to == [wereld.projectteam.email]
    assert "Noodwaterpunten" in mailoutbox[-1].subject

    mijn = client.get(reverse("menukaart:mijn_vragen")).content.decode()
    assert "Wie heeft de kaart gemaakt?" in mijn and "nog niet beantwoord" in mijn

    client.force_login(wereld.projectteam)
    loket = client.get(reverse("menukaart:loket")).content.decode()
    assert "Open vragen (1)" in loket and "Wie heeft de kaart gemaakt?" in loket
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("menukaart:beantwoorden", args=[vraag.pk]), {"antwoord": "Het drinkwaterbedrijf."}
        )
    assert response.status_code == 302
    vraag.refresh_from_db()
    assert vraag.antwoord == "Het drinkwaterbedrijf." and vraag.beantwoord_door == wereld.projectteam
    assert mailoutbox[-1].to == [wereld.lid.email]
    assert "Open vragen (0)" in client.get(reverse("menukaart:loket")).content.decode()

    client.force_login(wereld.lid)
    mijn = client.get(reverse("menukaart:mijn_vragen")).content.decode()
    assert "Het drinkwaterbedrijf." in mijn and "beantwoord" in mijn


def test_a_general_question_from_the_menukaart_home(client, wereld) -> None:
    client.force_login(wereld.buiten)
    response = client.post(reverse("menukaart:vraag"), {"vraag": "Hebben jullie voorbeelden over olie?"})
    assert response.status_code == 302 and response.url == reverse("menukaart:zoeken")
    assert LoketVraag.objects.get().item is None


def test_an_empty_question_is_refused_with_a_message(client, wereld) -> None:
    client.force_login(wereld.lid)
    response = client.post(reverse("menukaart:vraag"), {"vraag": "   "})
    assert response.status_code == 302
    assert not LoketVraag.objects.exists()


def test_a_question_about_a_hidden_item_is_a_404(client, wereld) -> None:
    verborgen = wereld.item("Voorstel van een ander", status="voorgesteld", voorgesteld_door=wereld.buiten)
    client.force_login(wereld.lid)
    assert (
        client.post(reverse("menukaart:vraag"), {"vraag": "En dit?", "item": verborgen.pk}).status_code == 404
    )
    assert not LoketVraag.objects.exists()


def test_an_asker_sees_only_his_own_questions(wereld) -> None:
    eigen = services.stel_vraag(vraag="Mijn vraag", actor=wereld.lid)
    services.stel_vraag(vraag="Andermans vraag", actor=wereld.buiten)
    assert list(LoketVraag.objects.visible_to(wereld.lid)) == [eigen]
    assert LoketVraag.objects.visible_to(wereld.projectteam).count() == 2


def test_only_the_project_team_answers(wereld) -> None:
    vraag = services.stel_vraag(vraag="Vraag", actor=wereld.lid)
    with pytest.raises(PermissionDenied):
        services.beantwoord(vraag, antwoord="Zelf geantwoord", actor=wereld.lid)
    with pytest.raises(ValidationError):
        services.beantwoord(vraag, antwoord="  ", actor=wereld.projectteam)
    vraag.refresh_from_db()
    assert not vraag.is_beantwoord


def test_an_answer_can_be_corrected(wereld) -> None:
    vraag = services.stel_vraag(vraag="Vraag", actor=wereld.lid)
    services.beantwoord(vraag, antwoord="Eerste", actor=wereld.projectteam)
    services.beantwoord(vraag, antwoord="Beter", actor=wereld.projectteam)
    vraag.refresh_from_db()
    assert vraag.antwoord == "Beter"
    assert [h.antwoord for h in vraag.history.all()] == ["Beter", "Eerste", ""]


def test_my_page_lists_my_proposals_with_their_status(client, wereld) -> None:
    wereld.item("Wacht", status="voorgesteld", voorgesteld_door=wereld.lid)
    gepubliceerd = wereld.item("Staat erop", voorgesteld_door=wereld.lid)
    afgewezen = wereld.item("Afgewezen", status="gearchiveerd", voorgesteld_door=wereld.lid)
    wereld.item("Van een ander", status="voorgesteld", voorgesteld_door=wereld.buiten)
    client.force_login(wereld.lid)
    inhoud = client.get(reverse("menukaart:mijn_vragen")).content.decode()
    assert "wacht op beoordeling" in inhoud and f'href="{gepubliceerd.get_absolute_url()}"' in inhoud
    assert "Afgewezen" in inhoud and f'href="{afgewezen.get_absolute_url()}"' not in inhoud
    assert "Van een ander" not in inhoud
