"""Search at /menukaart/ (issue 5, items 3 and 8): Dutch relevance on PostgreSQL, the same fallback on SQLite.

The tests without a mark hold on both databases; `alleen_postgres` tests need the Dutch full-text
configuration, `alleen_sqlite` tests pin the embedded default's own scoring.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from menukaart.models import MenukaartItem
from menukaart.zoeken import normaliseer, ontleed, stammen

from .conftest import alleen_postgres, alleen_sqlite

pytestmark = pytest.mark.django_db


def titels(tekst: str) -> list[str]:
    return list(
        MenukaartItem.objects.gepubliceerd()
        .zoek(tekst)
        .order_by("-relevantie", "titel", "pk")
        .values_list("titel", flat=True)
    )


# --- Query parsing (pure) -------------------------------------------------------------------------


def test_it_normalises_case_accents_and_punctuation() -> None:
    assert normaliseer("Financiële  Zaken: Crisis-beheersing!") == "financiele zaken crisis beheersing"
    assert normaliseer("Continuïteit, ĳs") == "continuiteit ijs"


@pytest.mark.parametrize(
    ("woord", "verwacht"),
    [
        ("fietsen", "fiets"),
        ("fiets", "fiets"),
        ("fietsers", "fietser"),
        ("bedrijven", "bedrijf"),
        ("bedrijf", "bedrijv"),
        ("huizen", "huis"),
        ("straten", "straat"),
        ("straat", "strat"),
        ("katten", "kat"),
    ],
)
def test_it_finds_singular_and_plural_stems(woord: str, verwacht: str) -> None:
    assert verwacht in stammen(woord)


def test_it_splits_a_query_into_phrases_and_words_without_stop_words() -> None:
    vraag = ontleed('"Noodwater distributie" fietsen van de auto\'s')
    assert [(d.tekst, d.zin) for d in vraag.delen] == [
        ("Noodwater distributie", True),
        ("fietsen", False),
        ("auto", False),
    ]
    assert vraag.genegeerd == ("van", "de")


# --- Behaviour on both databases ------------------------------------------------------------------


def test_it_finds_the_plural_with_the_singular_and_back(wereld) -> None:
    wereld.item("Koeriers", inhoud="Vrijwilligers brengen berichten rond op fietsen.")
    wereld.item("Stalling", inhoud="Een overdekte fiets is snel weer bruikbaar.")
    wereld.item("Anders", inhoud="Over noodstroom.")
    # PostgreSQL's Dutch stemmer alone misses these: "fiets" → fiet, "fietsen" → fiets.
    assert sorted(titels("fiets")) == ["Koeriers", "Stalling"]
    assert sorted(titels("fietsen")) == ["Koeriers", "Stalling"]


def test_it_ignores_diacritics_in_both_directions(wereld) -> None:
    wereld.item("Financiële afspraken")
    wereld.item("Geen geld", samenvatting="Over de financiele kant van oefenen.")
    assert sorted(titels("financiele")) == ["Financiële afspraken", "Geen geld"]
    assert sorted(titels("FINANCIËLE")) == ["Financiële afspraken", "Geen geld"]


def test_it_matches_a_quoted_phrase_only_in_that_order(wereld) -> None:
    wereld.item("Zin", inhoud="Afspraken over noodwater-distributie aan de bevolking.")
    wereld.item("Los", inhoud="Distributie van aggregaten; noodwater komt later.")
    assert titels('"noodwater distributie"') == ["Zin"]
    assert sorted(titels("noodwater distributie")) == ["Los", "Zin"]


def test_it_requires_every_word(wereld) -> None:
    wereld.item("Beide", inhoud="Stroomuitval en drinkwater.")
    wereld.item("Een", inhoud="Alleen stroomuitval.")
    assert titels("stroomuitval drinkwater") == ["Beide"]


def test_it_ranks_a_title_hit_above_a_body_hit(wereld) -> None:
    wereld.item("Aaa in de tekst", inhoud="Hier staat het woord nooddrinkwater ergens in de tekst.")
    wereld.item("Nooddrinkwater in de titel")
    assert titels("nooddrinkwater") == ["Nooddrinkwater in de titel", "Aaa in de tekst"]


def test_it_finds_a_word_inside_a_compound(wereld) -> None:
    wereld.item("Noodwaterpunten per gemeente")
    assert titels("noodwater") == ["Noodwaterpunten per gemeente"]


def test_it_matches_short_words_only_at_the_start_of_a_word(wereld) -> None:
    wereld.item("ICT en telecom")
    wereld.item("Strictere regels")  # contains "ict" inside a word
    wereld.item("Gasuitval")
    assert titels("ict") == ["ICT en telecom"]
    assert titels("gas") == ["Gasuitval"]


def test_it_leaves_out_stop_words(wereld) -> None:
    wereld.item("Alarmering", inhoud="De meldkamer alarmeert.")
    wereld.item("Anders", inhoud="Het andere item.")
    assert titels("de alarmering") == ["Alarmering"]
    assert len(titels("de het")) == 2  # nothing left to search on: every item


def test_it_breaks_ties_on_title_then_id(wereld) -> None:
    for titel in ("Bravo", "Alfa", "Charlie"):
        wereld.item(titel, inhoud="Oefenen met stroomuitval.")
    assert titels("stroomuitval") == ["Alfa", "Bravo", "Charlie"]


# --- PostgreSQL: Dutch full-text search -----------------------------------------------------------


@alleen_postgres
def test_postgres_stems_dutch_derivations_the_fallback_cannot(wereld) -> None:
    wereld.item("Oefenen", inhoud="Samen oefenen met de netbeheerder.")
    # "oefening" is no substring of "oefenen"; the Dutch stemmer maps both to `oefen`.
    assert titels("oefening") == ["Oefenen"]


@alleen_postgres
def test_postgres_matches_a_phrase_of_stemmed_words(wereld) -> None:
    wereld.item("Gezamenlijk", inhoud="Een gezamenlijke oefening met de veiligheidsregio.")
    wereld.item("Apart", inhoud="Een oefening, later gezamenlijk besproken.")
    assert titels('"gezamenlijk oefenen"') == ["Gezamenlijk"]


@alleen_postgres
def test_postgres_ranks_title_above_summary_above_body(wereld) -> None:
    wereld.item("Cc", inhoud="Over netcentrisch werken.")
    wereld.item("Bb", samenvatting="Over netcentrisch werken.")
    wereld.item("Netcentrisch werken")
    assert titels("netcentrisch") == ["Netcentrisch werken", "Bb", "Cc"]
    rangen = list(
        MenukaartItem.objects.zoek("netcentrisch")
        .order_by("-relevantie")
        .values_list("relevantie", flat=True)
    )
    assert rangen[0] > rangen[1] > rangen[2] > 0


@alleen_postgres
def test_postgres_uses_the_dutch_configuration(wereld) -> None:
    wereld.item("Iets")
    with CaptureQueriesContext(connection) as queries:
        titels("fietsen")
    assert "to_tsvector('dutch'" in queries[-1]["sql"].replace('"', "'").replace("::regconfig", "")


# --- SQLite: the embedded default -----------------------------------------------------------------


@alleen_sqlite
def test_sqlite_scores_a_title_hit_three_times_a_body_hit(wereld) -> None:
    wereld.item("Noodstroom in de titel")
    wereld.item("Elders", inhoud="Noodstroom in de tekst.")
    scores = dict(MenukaartItem.objects.zoek("noodstroom").values_list("titel", "relevantie"))
    assert scores == {"Noodstroom in de titel": 4.0, "Elders": 1.0}  # title 3 + text 1; text 1


@alleen_sqlite
def test_sqlite_searches_the_accent_free_copy(wereld) -> None:
    item = wereld.item("Continuïteit", samenvatting="Financiële afspraken.", inhoud="**Vet** en _schuin_.")
    assert item.zoektitel == " continuiteit "
    assert item.zoektekst == " continuiteit financiele afspraken vet en schuin "
    with CaptureQueriesContext(connection) as queries:
        titels("continuïteit")
    assert "tsvector" not in queries[-1]["sql"]


# --- The search page ------------------------------------------------------------------------------


def test_the_page_keeps_the_query_in_the_url_and_paginates(client, wereld) -> None:
    for i in range(23):
        wereld.item(f"Oefening {i:02d}", inhoud="Stroomuitval oefenen.")
    client.force_login(wereld.lid)
    response = client.get(reverse("menukaart:zoeken"), {"q": "stroomuitval", "thema": 8})
    inhoud = response.content.decode()
    assert response.status_code == 200
    assert "23 items gevonden voor „stroomuitval”" in inhoud
    assert len(response.context["pagina"].object_list) == 20
    assert 'href="?q=stroomuitval&amp;thema=8&amp;pagina=2"' in inhoud
    assert 'value="stroomuitval"' in inhoud
    tweede = client.get(reverse("menukaart:zoeken"), {"q": "stroomuitval", "thema": 8, "pagina": 2})
    assert len(tweede.context["pagina"].object_list) == 3


def test_the_page_filters_on_theme_sector_and_type(client, wereld) -> None:
    wereld.item("Drinkwater-thema-8", soort="instrument")
    wereld.item("Stroom", sectoren=[wereld.elektriciteit])
    wereld.item("Thema 1", themas=[wereld.themas[0]])
    client.force_login(wereld.lid)

    def gevonden(**filters) -> list[str]:
        response = client.get(reverse("menukaart:zoeken"), filters)
        return [item.titel for item in response.context["pagina"].object_list]

    assert gevonden(thema=1) == ["Thema 1"]
    assert gevonden(sector="elektriciteit") == ["Stroom"]
    assert gevonden(soort="instrument") == ["Drinkwater-thema-8"]
    assert gevonden(sector="drinkwater", thema=8) == ["Drinkwater-thema-8"]


def test_the_status_filter_is_for_the_project_team_only(client, wereld) -> None:
    wereld.item("Voorstel", status="voorgesteld")
    wereld.item("Gepubliceerd")
    client.force_login(wereld.lid)
    response = client.get(reverse("menukaart:zoeken"), {"status": "voorgesteld"})
    assert "status" not in response.context["form"].fields
    assert [i.titel for i in response.context["pagina"].object_list] == ["Gepubliceerd"]
    client.force_login(wereld.projectteam)
    response = client.get(reverse("menukaart:zoeken"), {"status": "voorgesteld"})
    assert [i.titel for i in response.context["pagina"].object_list] == ["Voorstel"]


def test_an_empty_result_suggests_what_to_do(client, wereld) -> None:
    wereld.item("Iets")
    client.force_login(wereld.lid)
    inhoud = client.get(reverse("menukaart:zoeken"), {"q": "xyzzy", "thema": 3}).content.decode()
    assert "Geen items gevonden voor „xyzzy” met deze filters." in inhoud
    assert "zoek zonder filters" in inhoud
    assert "Stel een item voor" in inhoud
    assert 'href="/menukaart/?q=LCMS"' in inhoud


def test_bad_filter_values_are_a_form_error_not_a_crash(client, wereld) -> None:
    client.force_login(wereld.lid)
    response = client.get(reverse("menukaart:zoeken"), {"thema": "99", "sector": "maan", "pagina": "x"})
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"thema", "sector"}
