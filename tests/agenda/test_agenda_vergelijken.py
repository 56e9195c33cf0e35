"""Comparing two versions of a sector agenda (issue 3, item 8): added, removed, re-ranked, changed."""

from __future__ import annotations

import pytest

from agenda import services
from agenda.vergelijken import vergelijk_agendas
from continuiteit.tekstverschil import Stuk, woordverschil
from tests.factories import maak_agenda, maak_themas

pytestmark = pytest.mark.django_db


@pytest.fixture
def versies():
    """v1 (adopted, six items) and v2: item 6 removed, a new item, item 5 to rank 1, item 2 reworded."""
    v1 = maak_agenda(afspraken=6, status="vastgesteld")
    v2 = services.nieuwe_agendaversie(v1.sector, actor=None)
    services.verwijder_afspraak(v2.afspraken.get(titel="Afspraak 6 van drinkwater"), actor=None)
    services.voeg_afspraak_toe(
        v2, thema=maak_themas()[3], titel="Noodwater voor zorginstellingen", actor=None
    )
    services.zet_rang(v2.afspraken.get(titel="Afspraak 5 van drinkwater"), 1, actor=None)
    tweede = v2.afspraken.get(titel="Afspraak 2 van drinkwater")
    services.wijzig_afspraak(
        tweede,
        thema=tweede.thema,
        titel="Afspraak 2 van drinkwater",
        omschrijving="Omschrijving van de herziene afspraak 2.",
        beoogd_resultaat="Resultaat 2.",
        actor=None,
    )
    return v1, v2


def test_it_finds_the_added_and_removed_items(versies) -> None:
    v1, v2 = versies
    uitkomst = vergelijk_agendas(v1, v2)
    assert [a.titel for a in uitkomst.toegevoegd] == ["Noodwater voor zorginstellingen"]
    assert uitkomst.toegevoegd[0].rang == 6
    assert [(a.titel, a.rang) for a in uitkomst.verwijderd] == [("Afspraak 6 van drinkwater", 6)]
    assert uitkomst.heeft_verschillen


def test_it_lists_re_ranked_items_with_old_and_new_rank(versies) -> None:
    v1, v2 = versies
    uitkomst = vergelijk_agendas(v1, v2)
    assert [(v.afspraak.titel, v.oude_rang, v.nieuwe_rang) for v in uitkomst.verplaatst] == [
        ("Afspraak 5 van drinkwater", 5, 1),
        ("Afspraak 1 van drinkwater", 1, 2),
        ("Afspraak 2 van drinkwater", 2, 3),
        ("Afspraak 3 van drinkwater", 3, 4),
        ("Afspraak 4 van drinkwater", 4, 5),
    ]


def test_it_shows_changed_text_word_by_word(versies) -> None:
    v1, v2 = versies
    uitkomst = vergelijk_agendas(v1, v2)
    assert len(uitkomst.gewijzigd) == 1
    verschil = uitkomst.gewijzigd[0]
    assert (verschil.afspraak.titel, verschil.oude_rang, verschil.nieuwe_rang) == (
        "Afspraak 2 van drinkwater",
        2,
        3,
    )
    assert [v.veld for v in verschil.velden] == ["omschrijving"]
    assert verschil.velden[0].stukken == [
        Stuk("gelijk", "Omschrijving van "),
        Stuk("nieuw", "de herziene "),
        Stuk("gelijk", "afspraak 2."),
    ]
    assert uitkomst.ongewijzigd == 0


def test_a_changed_theme_is_a_change_of_its_own() -> None:
    v1 = maak_agenda(afspraken=3, status="vastgesteld")
    v2 = services.nieuwe_agendaversie(v1.sector, actor=None)
    derde = v2.afspraken.get(rang=3)
    services.wijzig_afspraak(
        derde,
        thema=maak_themas()[7],
        titel="Afspraak 3, aangescherpt",
        omschrijving=derde.omschrijving,
        beoogd_resultaat=derde.beoogd_resultaat,
        actor=None,
    )
    uitkomst = vergelijk_agendas(v1, v2)
    assert uitkomst.verplaatst == [] and uitkomst.toegevoegd == [] and uitkomst.verwijderd == []
    velden = {v.veld: v.stukken for v in uitkomst.gewijzigd[0].velden}
    assert velden["thema"] == [
        Stuk("weg", "3."),
        Stuk("nieuw", "8."),
        Stuk("gelijk", " Thema "),
        Stuk("weg", "3"),
        Stuk("nieuw", "8"),
    ]
    assert velden["titel"] == [
        Stuk("gelijk", "Afspraak "),
        Stuk("weg", "3"),
        Stuk("nieuw", "3,"),
        Stuk("gelijk", " "),
        Stuk("weg", "van drinkwater"),
        Stuk("nieuw", "aangescherpt"),
    ]
    assert uitkomst.ongewijzigd == 2


def test_identical_versions_have_no_differences() -> None:
    v1 = maak_agenda(afspraken=4, status="vastgesteld")
    v2 = services.nieuwe_agendaversie(v1.sector, actor=None)
    uitkomst = vergelijk_agendas(v1, v2)
    assert not uitkomst.heeft_verschillen
    assert uitkomst.ongewijzigd == 4


def test_it_matches_items_on_their_key_not_on_their_title() -> None:
    """Two agreements swapping titles are two changes, not a swap of ranks."""
    v1 = maak_agenda(afspraken=2, status="vastgesteld")
    v2 = services.nieuwe_agendaversie(v1.sector, actor=None)
    een, twee = v2.afspraken.order_by("rang")
    for afspraak, titel in ((een, "Afspraak 2 van drinkwater"), (twee, "Afspraak 1 van drinkwater")):
        services.wijzig_afspraak(
            afspraak,
            thema=afspraak.thema,
            titel=titel,
            omschrijving=afspraak.omschrijving,
            beoogd_resultaat=afspraak.beoogd_resultaat,
            actor=None,
        )
    uitkomst = vergelijk_agendas(v1, v2)
    assert uitkomst.verplaatst == []
    assert [v.afspraak.rang for v in uitkomst.gewijzigd] == [1, 2]


def test_the_word_diff_keeps_whitespace_and_marks_replacements() -> None:
    assert woordverschil("binnen welke tijd", "binnen 24 uur") == [
        Stuk("gelijk", "binnen "),
        Stuk("weg", "welke"),
        Stuk("nieuw", "24"),
        Stuk("gelijk", " "),
        Stuk("weg", "tijd"),
        Stuk("nieuw", "uur"),
    ]
    assert woordverschil("", "nieuw") == [Stuk("nieuw", "nieuw")]
