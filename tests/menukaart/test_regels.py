"""Rules of menukaart items (§3, §4): the stale rule, visibility, curation and proposing."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from actieplannen.models import TLP
from menukaart import services
from menukaart.models import MenukaartItem
from menukaart.querysets import een_jaar_voor, is_curator

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date(2026, 3, 15)


# --- Verouderd: not reviewed for 12 months --------------------------------------------------------


@pytest.mark.parametrize(
    ("beoordeeld", "verouderd"),
    [
        (datetime.date(2026, 3, 14), False),
        (datetime.date(2025, 3, 16), False),  # one day short of 12 months
        (datetime.date(2025, 3, 15), True),  # exactly 12 months
        (datetime.date(2024, 1, 1), True),
        (None, True),  # never reviewed
    ],
)
def test_a_published_item_is_stale_after_twelve_months_without_review(wereld, beoordeeld, verouderd) -> None:
    item = wereld.item("Item", laatst_beoordeeld=beoordeeld)
    assert item.is_verouderd(VANDAAG) is verouderd
    assert MenukaartItem.objects.verouderd(VANDAAG).filter(pk=item.pk).exists() is verouderd


def test_only_published_items_can_be_stale(wereld) -> None:
    oud = datetime.date(2020, 1, 1)
    voorstel = wereld.item("Voorstel", status="voorgesteld", laatst_beoordeeld=oud)
    archief = wereld.item("Archief", status="gearchiveerd", laatst_beoordeeld=oud)
    assert not voorstel.is_verouderd(VANDAAG) and not archief.is_verouderd(VANDAAG)
    assert not MenukaartItem.objects.verouderd(VANDAAG).exists()


def test_a_year_before_a_leap_day_is_the_28th_of_february() -> None:
    assert een_jaar_voor(datetime.date(2028, 2, 29)) == datetime.date(2027, 2, 28)


def test_the_curation_queue_holds_proposals_and_stale_items(wereld) -> None:
    voorstel = wereld.item("Voorstel", status="voorgesteld")
    oud = wereld.item("Oud", laatst_beoordeeld=datetime.date(2020, 1, 1))
    wereld.item("Vers")
    wereld.item("Archief", status="gearchiveerd", laatst_beoordeeld=datetime.date(2020, 1, 1))
    assert set(MenukaartItem.objects.curatiewachtrij()) == {voorstel, oud}


def test_marking_reviewed_takes_the_item_out_of_the_queue(wereld) -> None:
    oud = wereld.item("Oud", laatst_beoordeeld=datetime.date(2020, 1, 1))
    services.markeer_beoordeeld(oud, actor=wereld.projectteam)
    oud.refresh_from_db()
    assert oud.laatst_beoordeeld == timezone.localdate()
    assert oud.curator == wereld.projectteam
    assert not oud.is_verouderd()
    assert oud.history.first().history_user == wereld.projectteam


# --- Visibility (§4) ------------------------------------------------------------------------------


def test_members_see_published_items_with_a_shareable_label(wereld) -> None:
    zichtbaar = {wereld.item(f"Label {tlp}", tlp=tlp) for tlp in (TLP.CLEAR, TLP.GREEN, TLP.AMBER)}
    wereld.item("Strikt", tlp=TLP.AMBER_STRICT)
    wereld.item("Rood", tlp=TLP.RED)
    for persoon in (wereld.lid, wereld.buiten, wereld.stuurgroep):
        assert set(MenukaartItem.objects.visible_to(persoon)) == zichtbaar


def test_a_proposal_is_visible_to_its_author_and_the_project_team_only(wereld) -> None:
    voorstel = wereld.item("Voorstel", status="voorgesteld", voorgesteld_door=wereld.lid, tlp=TLP.RED)
    assert voorstel in MenukaartItem.objects.visible_to(wereld.lid)
    assert voorstel in MenukaartItem.objects.visible_to(wereld.projectteam)
    assert voorstel not in MenukaartItem.objects.visible_to(wereld.waarnemer)
    assert voorstel not in MenukaartItem.objects.visible_to(wereld.buiten)


def test_archived_items_are_for_the_project_team_only(wereld) -> None:
    archief = wereld.item("Archief", status="gearchiveerd", voorgesteld_door=wereld.lid)
    assert list(MenukaartItem.objects.visible_to(wereld.projectteam)) == [archief]
    assert not MenukaartItem.objects.visible_to(wereld.lid).exists()


def test_the_project_team_sees_red_items_and_anonymous_users_nothing(wereld, django_user_model) -> None:
    from django.contrib.auth.models import AnonymousUser

    rood = wereld.item("Rood", tlp=TLP.RED)
    assert rood in MenukaartItem.objects.visible_to(wereld.projectteam)
    assert not MenukaartItem.objects.visible_to(AnonymousUser()).exists()
    wereld.lid.is_active = False
    assert not MenukaartItem.objects.visible_to(wereld.lid).exists()


def test_the_project_team_group_holds_the_curation_right(wereld) -> None:
    assert is_curator(wereld.projectteam)
    assert not is_curator(wereld.lid) and not is_curator(wereld.stuurgroep)


# --- Proposing and curating -----------------------------------------------------------------------


def test_any_member_proposes_and_the_project_team_publishes(
    wereld, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        item = services.stel_voor(
            actor=wereld.buiten,
            soort="voorbeeld",
            titel="Kaart met noodwaterpunten",
            samenvatting="Een kaart.",
            themas=[wereld.themas[7]],
            sectoren=[wereld.drinkwater],
            links=[("Kaart", "https://example.org/kaart")],
        )
    assert item.status == MenukaartItem.Status.VOORGESTELD
    assert item.voorgesteld_door == wereld.buiten
    assert [m.to for m in mailoutbox] == [[wereld.projectteam.email]]
    assert item.history.first().history_user == wereld.buiten

    services.publiceer(item, actor=wereld.projectteam)
    item.refresh_from_db()
    assert item.status == MenukaartItem.Status.GEPUBLICEERD
    assert item.laatst_beoordeeld == timezone.localdate()
    assert item.curator == wereld.projectteam
    assert item.gepubliceerd_op is not None
    assert item in MenukaartItem.objects.visible_to(wereld.lid)


@pytest.mark.parametrize("stap", [services.publiceer, services.archiveer, services.markeer_beoordeeld])
def test_only_the_project_team_curates(wereld, stap) -> None:
    item = wereld.item(
        "Item", status="gepubliceerd" if stap is services.markeer_beoordeeld else "voorgesteld"
    )
    with pytest.raises(PermissionDenied):
        stap(item, actor=wereld.lid)


def test_publishing_needs_a_theme_and_a_proposal(wereld) -> None:
    zonder = wereld.item("Zonder thema", status="voorgesteld", themas=[])
    with pytest.raises(ValidationError, match="minstens één thema"):
        services.publiceer(zonder, actor=wereld.projectteam)
    gepubliceerd = wereld.item("Al gepubliceerd")
    with pytest.raises(ValidationError, match="al gepubliceerd"):
        services.publiceer(gepubliceerd, actor=wereld.projectteam)


def test_an_archived_item_can_be_published_again(wereld) -> None:
    item = wereld.item("Item")
    services.archiveer(item, actor=wereld.projectteam)
    with pytest.raises(ValidationError, match="al gearchiveerd"):
        services.archiveer(item, actor=wereld.projectteam)
    services.publiceer(item, actor=wereld.projectteam)
    item.refresh_from_db()
    assert item.is_gepubliceerd


def test_only_a_published_item_is_marked_reviewed(wereld) -> None:
    with pytest.raises(ValidationError):
        services.markeer_beoordeeld(wereld.item("Voorstel", status="voorgesteld"), actor=wereld.projectteam)


def test_the_author_edits_his_proposal_until_it_is_published(wereld) -> None:
    item = wereld.item("Mijn voorstel", status="voorgesteld", voorgesteld_door=wereld.lid)
    item = services.wijzig_item(item, actor=wereld.lid, titel="Mijn betere voorstel")
    assert item.titel == "Mijn betere voorstel"
    services.publiceer(item, actor=wereld.projectteam)
    with pytest.raises(PermissionDenied):
        services.wijzig_item(item, actor=wereld.lid, titel="Nog anders")
    with pytest.raises(PermissionDenied):
        services.wijzig_item(item, actor=wereld.waarnemer, titel="Niet van mij")


def test_an_edit_on_an_old_revision_is_refused(wereld) -> None:
    item = wereld.item("Item")
    services.wijzig_item(item, actor=wereld.projectteam, revisie=1, titel="Eerste")
    with pytest.raises(ValidationError, match="intussen gewijzigd"):
        services.wijzig_item(item, actor=wereld.projectteam, revisie=1, titel="Tweede")
    item.refresh_from_db()
    assert item.titel == "Eerste" and item.revisie == 2


def test_editing_replaces_the_links_and_keeps_history(wereld) -> None:
    item = wereld.item("Item")
    services.wijzig_item(
        item, actor=wereld.projectteam, links=[("A", "https://a.example"), ("B", "https://b.example")]
    )
    services.wijzig_item(item, actor=wereld.projectteam, links=[("B", "https://b.example")])
    assert list(item.links.values_list("titel", "volgorde")) == [("B", 0)]
    assert item.links.first().history.last().history_user == wereld.projectteam


def test_a_link_must_be_http_or_https(wereld) -> None:
    item = wereld.item("Item")
    with pytest.raises(ValidationError):
        services.wijzig_item(item, actor=wereld.projectteam, links=[("Kwaad", "javascript:alert(1)")])
    assert not item.links.exists()


# --- Through the screens --------------------------------------------------------------------------


def test_a_member_proposes_through_the_form(client, wereld) -> None:
    client.force_login(wereld.lid)
    response = client.post(
        reverse("menukaart:voorstellen"),
        {
            "soort": "instrument",
            "titel": "Oefenkalender",
            "samenvatting": "Eén kalender voor het netwerk.",
            "inhoud": "## Kop\nTekst.",
            "themas": [wereld.themas[3].pk],
            "sectoren": [wereld.drinkwater.pk],
            "tlp": "clear",
            "links": "Kalender | https://example.org/kalender\nhttps://example.org/zonder-titel",
        },
    )
    item = MenukaartItem.objects.get(titel="Oefenkalender")
    assert response.status_code == 302 and response.url == item.get_absolute_url()
    assert item.status == "voorgesteld" and item.voorgesteld_door == wereld.lid
    assert list(item.links.values_list("titel", "url")) == [
        ("Kalender", "https://example.org/kalender"),
        ("https://example.org/zonder-titel", "https://example.org/zonder-titel"),
    ]


def test_the_form_refuses_a_proposal_without_theme_or_with_a_bad_link(client, wereld) -> None:
    client.force_login(wereld.lid)
    response = client.post(
        reverse("menukaart:voorstellen"),
        {
            "soort": "instrument",
            "titel": "X",
            "samenvatting": "Y",
            "tlp": "clear",
            "links": "Kwaad | javascript:alert(1)",
        },
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"themas", "links"}
    assert "Kies minstens één thema." in response.content.decode()
    assert not MenukaartItem.objects.exists()


def test_an_edit_conflict_is_shown_on_the_form(client, wereld) -> None:
    item = wereld.item("Item")
    client.force_login(wereld.projectteam)
    services.wijzig_item(item, actor=wereld.projectteam, titel="Door een ander")
    data = {
        "soort": "voorbeeld",
        "titel": "Mijn titel",
        "samenvatting": "S",
        "themas": [wereld.themas[7].pk],
        "tlp": "clear",
        "revisie": 1,
    }
    response = client.post(reverse("menukaart:bewerken", args=[item.pk]), data)
    assert response.status_code == 200
    assert "intussen gewijzigd" in response.content.decode()
    item.refresh_from_db()
    assert item.titel == "Door een ander"


def test_the_curator_publishes_from_the_queue_and_returns_to_it(client, wereld) -> None:
    item = wereld.item("Voorstel", status="voorgesteld", voorgesteld_door=wereld.lid)
    client.force_login(wereld.projectteam)
    pagina = client.get(reverse("menukaart:curatie")).content.decode()
    assert "Voorstel" in pagina
    response = client.post(
        reverse("menukaart:publiceren", args=[item.pk]), {"next": reverse("menukaart:curatie")}
    )
    assert response.status_code == 302 and response.url == reverse("menukaart:curatie")
    item.refresh_from_db()
    assert item.is_gepubliceerd


def test_next_must_stay_on_this_site(client, wereld) -> None:
    item = wereld.item("Voorstel", status="voorgesteld")
    client.force_login(wereld.projectteam)
    response = client.post(
        reverse("menukaart:publiceren", args=[item.pk]), {"next": "https://kwaad.example/"}
    )
    assert response.url == item.get_absolute_url()


def test_the_item_page_shows_a_stale_notice_and_the_history_to_curators(client, wereld) -> None:
    item = wereld.item("Oud item", laatst_beoordeeld=datetime.date(2020, 5, 1))
    services.wijzig_item(item, actor=wereld.projectteam, titel="Oud item (bijgewerkt)")
    client.force_login(wereld.lid)
    inhoud = client.get(item.get_absolute_url()).content.decode()
    assert "Verouderd." in inhoud and "sinds 1 mei 2020" in inhoud
    assert "Wijzigingen" not in inhoud
    client.force_login(wereld.projectteam)
    inhoud = client.get(item.get_absolute_url()).content.decode()
    assert "Wijzigingen" in inhoud and "Petra Projectteam" in inhoud and "Oud item (bijgewerkt)" in inhoud
