"""The toetsbijeenkomst (issue 6 item 4): grouping of overlapping actions across plans, explained in
Dutch, for the project team only; a group becomes an action of the national plan in one step."""

from __future__ import annotations

import datetime
import random
import time
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actieplannen import services as actieplan_services
from actieplannen.models import TLP, Actieplan, Verbeteractie
from agenda import services as agenda_services
from agenda.models import Agenda, Thema
from monitoring.toetsbijeenkomst import acties_voor_toetsbijeenkomst, groepeer, stam, voorstel, woorden
from netwerken.models import Gebruiker, Lidmaatschap, Netwerk, Sector
from tests.factories import (
    GebruikerFactory,
    RegioFactory,
    maak_agenda,
    maak_lid,
    maak_netwerk,
    maak_projectteamlid,
)

URL = "/monitoring/toetsbijeenkomst/"
VOORSTEL = "/monitoring/toetsbijeenkomst/voorstel/"


@dataclass
class Wereld:
    agenda: Agenda
    netwerken: list[Netwerk]
    plannen: list[Actieplan]
    nationaal: Actieplan
    projectteam: Gebruiker
    stuurgroep: Gebruiker
    lid: Gebruiker  # member of the first network
    themas: dict[int, Thema]

    def actie(self, n: int, titel: str, omschrijving: str = "", **velden) -> Verbeteractie:
        velden.setdefault("thema", self.themas[8])
        return actieplan_services.voeg_actie_toe(
            self.plannen[n], actor=None, titel=titel, omschrijving=omschrijving, **velden
        )


@pytest.fixture
def wereld(db) -> Wereld:
    agenda = maak_agenda("drinkwater", afspraken=6, status="vastgesteld")
    netwerken = [
        maak_netwerk(slug=f"drinkwater-{naam}", regio=RegioFactory(vr_nummer=nummer))
        for naam, nummer in (("vitens", 4), ("evides", 17), ("pwn", 12))
    ]
    landelijk = Netwerk.objects.create(naam="Landelijk netwerk", slug="landelijk", landelijk=True)
    landelijk.sectoren.add(Sector.objects.get(slug="drinkwater"))
    nationaal = actieplan_services.zorg_voor_actieplan(landelijk, actor=None)
    assert nationaal.landelijk
    stuurgroep = GebruikerFactory()
    stuurgroep.groups.add(Group.objects.get(name="Stuurgroep"))
    return Wereld(
        agenda=agenda,
        netwerken=netwerken,
        plannen=[actieplan_services.zorg_voor_actieplan(n, actor=None) for n in netwerken],
        nationaal=nationaal,
        projectteam=maak_projectteamlid(),
        stuurgroep=stuurgroep,
        lid=maak_lid(netwerken[0], Lidmaatschap.Rol.COORDINATOR),
        themas=Thema.objects.in_bulk(field_name="nummer"),
    )


def _groepen(user) -> list:
    return groepeer(list(acties_voor_toetsbijeenkomst(user)))


# --- Dutch-aware similarity -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("woorden_", "zelfde"),
    [
        (("afspraken", "Afspraak", "afspraak"), True),
        (("bedrijven", "bedrijf"), True),
        (("oefeningen", "oefening", "Oefenen"), True),
        (("financiële", "financieel"), True),
        (("straten", "straat"), True),
        (("processen", "proces"), True),
        (("noodwater", "stroomstoring"), False),
    ],
)
def test_it_stems_dutch_word_forms_to_one_word(woorden_, zelfde) -> None:
    stammen = {next(iter(woorden(w))) for w in woorden_}
    assert (len(stammen) == 1) is zelfde
    assert stam("plannen") == stam("plan") == "plan"


def test_it_leaves_out_stop_words_case_accents_and_numbers() -> None:
    assert set(woorden("De afspraken met de VEILIGHEIDSREGIO over 2026 en de Financiële middelen")) == {
        "afsprak",
        "veiligheidsregio",
        "financiel",
        "middel",
    }


# --- Grouping -------------------------------------------------------------------------------------


def test_it_groups_actions_serving_the_same_agenda_item_across_agenda_versions(wereld) -> None:
    afspraak = wereld.agenda.afspraken.order_by("rang").first()
    # A new agenda version keeps the item's key: an action made against it still counts as the same.
    nieuw = agenda_services.nieuwe_agendaversie(wereld.agenda.sector, actor=None)
    afspraak_nieuw = nieuw.afspraken.get(sleutel=afspraak.sleutel)
    a = wereld.actie(0, "Noodwater regelen", afspraak=afspraak, thema=afspraak.thema)
    b = wereld.actie(1, "Iets heel anders formuleren", afspraak=afspraak_nieuw, thema=afspraak.thema)
    wereld.actie(2, "Communicatie bij stroomstoring")  # unrelated

    [groep] = _groepen(wereld.projectteam)
    assert {x.pk for x in groep.acties} == {a.pk, b.pk}
    assert [n.slug for n in groep.netwerken] == ["drinkwater-evides", "drinkwater-vitens"]
    assert groep.redenen[0] == f"Zelfde agendapunt: „{afspraak_nieuw.titel}” (2 acties)."
    assert all(lid.agendapunt for lid in groep.leden)


def test_it_groups_similar_texts_of_different_networks_and_names_the_shared_words(wereld) -> None:
    a = wereld.actie(
        0, "Distributie van nooddrinkwater aan zorginstellingen", "Afspraken over prioriteit en aanvoer."
    )
    b = wereld.actie(
        1, "Nooddrinkwater: distributie naar de zorginstelling", "Wie bepaalt de prioriteit van aanvoer?"
    )
    wereld.actie(2, "Oefening uitval elektriciteit in het voorjaar", "Met de netbeheerder.")

    [groep] = _groepen(wereld.projectteam)
    assert {x.pk for x in groep.acties} == {a.pk, b.pk}
    assert not groep.agendapunten
    [reden] = groep.redenen
    assert reden.startswith("Vergelijkbare tekst: gedeelde woorden ")
    for woord in ("nooddrinkwater", "distributie", "prioriteit", "aanvoer"):
        assert woord in reden
    lid = groep.leden[0]
    assert lid.lijkt_op is not None and lid.gelijkenis >= 50


def test_the_proposal_of_a_text_group_quotes_no_regional_action(wereld) -> None:
    """The national plan is read by people outside both networks: no regional title or words."""
    a = wereld.actie(
        0, "Distributie van nooddrinkwater aan zorginstellingen", "Afspraken over prioriteit en aanvoer."
    )
    b = wereld.actie(
        1, "Nooddrinkwater: distributie naar de zorginstelling", "Wie bepaalt de prioriteit van aanvoer?"
    )
    [groep] = _groepen(wereld.projectteam)

    titel, omschrijving = voorstel(groep, datetime.date(2026, 11, 29))

    assert titel == f"Landelijke aanpak: {groep.thema.naam}"
    for regionaal in (a.titel, b.titel, a.omschrijving, b.omschrijving, "nooddrinkwater", "prioriteit"):
        assert regionaal.lower() not in omschrijving.lower()
    assert "2 regionale acties uit 2 netwerken" in omschrijving


def test_it_never_chains_two_agenda_items_into_one_group(wereld) -> None:
    een, twee = wereld.agenda.afspraken.order_by("rang")[:2]
    tekst = ("Distributie van nooddrinkwater aan zorginstellingen", "Afspraken over prioriteit en aanvoer.")
    a = wereld.actie(0, *tekst, afspraak=een, thema=een.thema)
    b = wereld.actie(1, *tekst, afspraak=twee, thema=twee.thema)
    x = wereld.actie(2, *tekst)  # no agenda item: reads like both
    groepen = _groepen(wereld.projectteam)
    assert [len(g.leden) for g in groepen] == [2]  # x joined one of them; a and b stay apart
    assert {x.pk} < {act.pk for act in groepen[0].acties} < {a.pk, b.pk, x.pk}


def test_a_changed_text_is_never_answered_from_the_cache(wereld) -> None:
    tekst = ("Distributie van nooddrinkwater aan zorginstellingen", "Afspraken over prioriteit en aanvoer.")
    wereld.actie(0, *tekst)
    b = wereld.actie(1, *tekst)
    assert len(_groepen(wereld.projectteam)) == 1
    actieplan_services.wijzig_actie(
        b, revisie=None, actor=None, titel="Oefening stroomuitval", omschrijving="Met de netbeheerder."
    )
    assert _groepen(wereld.projectteam) == []


def test_it_keeps_only_groups_that_span_two_networks(wereld) -> None:
    afspraak = wereld.agenda.afspraken.first()
    wereld.actie(0, "Noodwater regelen", afspraak=afspraak, thema=afspraak.thema)
    wereld.actie(0, "Noodwater regelen deel twee", afspraak=afspraak, thema=afspraak.thema)
    wereld.actie(1, "Oefening uitval elektriciteit", "Met de netbeheerder.")
    assert _groepen(wereld.projectteam) == []


def test_it_does_not_group_texts_that_share_a_single_word(wereld) -> None:
    wereld.actie(0, "Noodwater", "")
    wereld.actie(1, "Noodwater", "")
    assert _groepen(wereld.projectteam) == []


def test_it_shows_red_actions_only_to_their_recipients(wereld) -> None:
    afspraak = wereld.agenda.afspraken.first()
    wereld.actie(
        0,
        "Geheime noodwateractie",
        afspraak=afspraak,
        thema=afspraak.thema,
        tlp=TLP.RED,
        tlp_ontvangers=[wereld.lid],
    )
    wereld.actie(1, "Open noodwateractie", afspraak=afspraak, thema=afspraak.thema)
    # The project team is not named on the RED action: it does not see it, so there is no group.
    assert _groepen(wereld.projectteam) == []
    assert "Geheime noodwateractie" not in _pagina(wereld.projectteam)
    # A project-team member who is named on it sees it, and the group with it.
    wereld.lid.groups.add(Group.objects.get(name="Projectteam"))
    lid = Gebruiker.objects.get(pk=wereld.lid.pk)
    [groep] = _groepen(lid)
    assert {a.titel for a in groep.acties} == {"Geheime noodwateractie", "Open noodwateractie"}
    assert groep.titel == afspraak.titel  # the group is named after the agenda item, never a RED title


def test_it_leaves_out_closed_actions_unless_asked(wereld) -> None:
    afspraak = wereld.agenda.afspraken.first()
    wereld.actie(0, "A", afspraak=afspraak, thema=afspraak.thema, status="gereed", voortgang=100)
    wereld.actie(1, "B", afspraak=afspraak, thema=afspraak.thema)
    assert _groepen(wereld.projectteam) == []
    assert len(groepeer(list(acties_voor_toetsbijeenkomst(wereld.projectteam, ook_afgesloten=True)))) == 1


def test_it_groups_3000_actions_quickly(capsys) -> None:
    """3,000 synthetic actions in 60 networks (no database: grouping itself runs no queries).

    CPU time is asserted (other processes share the machine; wall time is printed too). A second
    look reuses the cached comparison.
    """
    from django.core.cache import cache

    cache.clear()
    acties = synthetische_acties(3000)
    cpu, klok = time.process_time(), time.perf_counter()
    groepen = groepeer(acties)
    cpu, klok = time.process_time() - cpu, time.perf_counter() - klok
    opnieuw = time.process_time()
    assert len(groepeer(acties)) == len(groepen)
    opnieuw = time.process_time() - opnieuw
    tekstgroepen = sum(1 for g in groepen if g.gedeelde_woorden)
    with capsys.disabled():
        print(
            f"\ntoetsbijeenkomst: {len(acties)} acties → {len(groepen)} groepen ({tekstgroepen} met "
            f"vergelijkbare tekst) in {cpu * 1000:.0f} ms CPU ({klok * 1000:.0f} ms klok); "
            f"opnieuw (cache) {opnieuw * 1000:.0f} ms CPU"
        )
    assert groepen and tekstgroepen, "the synthetic plans contain overlap of both kinds"
    assert cpu < 2.0
    assert opnieuw < cpu


def test_the_index_finds_exactly_the_pairs_a_full_comparison_finds() -> None:
    """Prefix filtering is an optimisation, not an approximation: compare with all n² pairs."""
    import math
    from collections import Counter

    from monitoring.toetsbijeenkomst import DREMPEL, MIN_GEDEELD, tekstlinks

    acties = synthetische_acties(400, netwerken=8, aantal_themas=10)
    teksten = [woorden(f"{a.titel} {a.omschrijving}") for a in acties]
    sets = [frozenset(t) for t in teksten]
    df = Counter(t for s in sets for t in s)
    gewicht = {t: (math.log((1 + len(sets)) / (1 + d)) + 1) ** 2 for t, d in df.items()}
    norm = [math.sqrt(sum(gewicht[t] for t in s)) for s in sets]
    verwacht = set()
    for i in range(len(sets)):
        for j in range(i + 1, len(sets)):
            gedeeld = sets[i] & sets[j]
            if acties[i].actieplan.netwerk_id == acties[j].actieplan.netwerk_id or len(gedeeld) < MIN_GEDEELD:
                continue
            punten = {
                acties[i].afspraak and acties[i].afspraak.sleutel,
                acties[j].afspraak and acties[j].afspraak.sleutel,
            }
            if None not in punten and len(punten) == 2:
                continue  # two different agenda items are never linked
            if sum(gewicht[t] for t in gedeeld) / (norm[i] * norm[j]) >= DREMPEL:
                verwacht.add((i, j))
    gevonden = {(link.a, link.b) for link in tekstlinks(acties, teksten)}
    assert len(verwacht) > 20
    assert gevonden == verwacht


_LETTERGREPEN = "ka be ro mi tu ne sa lo vi de ga po ri te mo la nu si ke do".split()
_ECHTE_WOORDEN = (
    "noodwater distributie zorginstellingen prioriteit aanvoer stroomuitval telecom storing meldkamer "
    "alarmering crisiscommunicatie oefening netbeheerder drinkwater kookadvies evacuatie brandstof "
    "tankstations aggregaten noodstroom continuïteit risicoprofiel dreiging informatie bevolking "
    "gemeenten liaison opschaling afschaling scenario contactpersonen bereikbaarheid capaciteit "
    "logistiek transport kwetsbare objecten ziekenhuizen verpleeghuizen waterleiding netwerk draaiboek"
).split()


@dataclass
class _Synthetisch:
    """An unsaved action with just the attributes `groepeer` reads."""

    pk: int
    titel: str
    omschrijving: str
    actieplan: object
    afspraak: object | None
    afspraak_id: int | None
    thema: object
    thema_id: int = 1
    tlp: str = TLP.AMBER
    landelijke_actie_id: int | None = None
    landelijke_actie: object | None = None


def synthetische_acties(n: int, netwerken: int = 60, aantal_themas: int = 150) -> list[_Synthetisch]:
    """Plans as the programme writes them: a Zipf-like vocabulary of a few thousand words; half of
    the actions serve one of 120 agenda items; a third retell one of 150 common themes in their own
    words (candidates for similar-text groups)."""
    from types import SimpleNamespace

    rng = random.Random(20161231)
    verzonnen = sorted({"".join(rng.choices(_LETTERGREPEN, k=rng.randint(3, 5))) for _ in range(6000)})
    woordenschat = _ECHTE_WOORDEN + verzonnen
    gewichten = [1 / (r + 1) for r in range(len(woordenschat))]
    afspraken = [SimpleNamespace(sleutel=f"s{i}", titel=f"Agendapunt {i}") for i in range(120)]
    themas = [rng.choices(woordenschat, gewichten, k=12) for _ in range(aantal_themas)]
    thema = SimpleNamespace(pk=1, nummer=1)
    plannen = [
        SimpleNamespace(netwerk_id=i, netwerk=SimpleNamespace(pk=i, naam=f"Netwerk {i:02d}"))
        for i in range(netwerken)
    ]
    acties = []
    for i in range(n):
        afspraak = rng.choice(afspraken) if rng.random() < 0.5 else None
        if rng.random() < 0.33:
            woorden_ = list(rng.choice(themas))
            for j in rng.sample(range(len(woorden_)), 2):
                woorden_[j] = rng.choices(woordenschat, gewichten)[0]
            titel, omschrijving = (
                " ".join(woorden_[:6]),
                " ".join(woorden_[6:] + rng.choices(woordenschat, gewichten, k=5)),
            )
        else:
            titel = " ".join(rng.choices(woordenschat, gewichten, k=6))
            omschrijving = " ".join(rng.choices(woordenschat, gewichten, k=25))
        acties.append(
            _Synthetisch(
                pk=i + 1,
                titel=titel,
                omschrijving=omschrijving,
                actieplan=plannen[i % netwerken],
                afspraak=afspraak,
                afspraak_id=(int(afspraak.sleutel[1:]) + 1) if afspraak else None,
                thema=thema,
            )
        )
    return acties


# --- The page -------------------------------------------------------------------------------------


def _pagina(user, **params) -> str:
    from django.test import Client

    client = Client()
    client.force_login(user)
    antwoord = client.get(URL, params)
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def test_it_explains_the_grouping_and_each_group_on_the_page(client, wereld) -> None:
    afspraak = wereld.agenda.afspraken.first()
    wereld.actie(0, "Noodwater regelen", afspraak=afspraak, thema=afspraak.thema)
    wereld.actie(1, "Water voor zorg", afspraak=afspraak, thema=afspraak.thema)
    html = _pagina(wereld.projectteam)
    assert "Hoe het portaal acties groepeert" in html
    assert "hetzelfde agendapunt dienen" in html
    assert f"Zelfde agendapunt: „{afspraak.titel}” (2 acties)." in html
    assert "Voorstellen voor het nationale actieplan" in html
    assert "Noodwater regelen" in html and "Water voor zorg" in html


def test_it_shows_a_dutch_message_for_a_bad_filter_and_for_no_groups(client, wereld) -> None:
    html = _pagina(wereld.projectteam, sector="bestaat-niet", thema="99")
    assert "Kies een sector uit de lijst." in html
    assert "Kies een thema uit de lijst." in html
    assert "Geen overlap gevonden" in html


def test_it_filters_by_sector_and_theme(wereld) -> None:
    afspraak = wereld.agenda.afspraken.first()
    wereld.actie(0, "Noodwater regelen", afspraak=afspraak, thema=afspraak.thema)
    wereld.actie(1, "Water voor zorg", afspraak=afspraak, thema=afspraak.thema)
    assert "Noodwater regelen" in _pagina(wereld.projectteam, sector="drinkwater")
    anders = 1 if afspraak.thema.nummer != 1 else 2
    assert "Noodwater regelen" not in _pagina(wereld.projectteam, thema=str(anders))
    Sector.objects.create(naam="Olie", slug="olie")
    assert "Noodwater regelen" not in _pagina(wereld.projectteam, sector="olie")


# --- Permissions ----------------------------------------------------------------------------------


def test_it_requires_login(client, wereld) -> None:
    for url in (URL, VOORSTEL):
        antwoord = client.get(url)
        assert antwoord.status_code == 302 and "/account/login/" in antwoord["Location"]
    assert client.post(VOORSTEL, {}).status_code == 302


def test_it_is_for_the_project_team_only(client, wereld) -> None:
    for persoon in (wereld.stuurgroep, wereld.lid, GebruikerFactory()):
        client.force_login(persoon)
        antwoord = client.get(URL)
        assert antwoord.status_code == 403
        assert "De toetsbijeenkomst is alleen voor het projectteam." in antwoord.content.decode()
        assert client.post(VOORSTEL, {"groep": "g1"}).status_code == 403


def test_it_answers_405_to_get_on_the_proposal(client, wereld) -> None:
    client.force_login(wereld.projectteam)
    assert client.get(VOORSTEL).status_code == 405
    assert client.post(URL).status_code == 405


# --- Proposal for the national plan ---------------------------------------------------------------


def _voorstel_data(groep_acties: list[Verbeteractie], sleutel: str = "g1", **extra) -> dict:
    data = {
        "groep": sleutel,
        f"{sleutel}-acties": ",".join(f"{a.pk}:{a.revisie}" for a in groep_acties),
        f"{sleutel}-titel": "Landelijke aanpak noodwater",
        f"{sleutel}-omschrijving": "Samen regelen.",
        "filters": "sector=drinkwater",
    }
    for naam, waarde in extra.items():
        data[f"{sleutel}-{naam}"] = waarde
    return data


@pytest.fixture
def groep(wereld) -> list[Verbeteractie]:
    afspraak = wereld.agenda.afspraken.first()
    return [
        wereld.actie(0, "Noodwater regelen", afspraak=afspraak, thema=afspraak.thema),
        wereld.actie(1, "Water voor zorg", afspraak=afspraak, thema=afspraak.thema, tlp=TLP.AMBER_STRICT),
    ]


def test_it_turns_a_group_into_a_national_action_and_links_the_group(client, wereld, groep) -> None:
    client.force_login(wereld.projectteam)
    antwoord = client.post(VOORSTEL, _voorstel_data(groep), follow=True)
    assert antwoord.redirect_chain[-1][0] == f"{URL}?sector=drinkwater#g1"
    [landelijk] = wereld.nationaal.acties.all()
    assert landelijk.titel == "Landelijke aanpak noodwater"
    assert landelijk.omschrijving == "Samen regelen."
    assert landelijk.afspraak.sleutel == groep[0].afspraak.sleutel
    assert landelijk.tlp == TLP.AMBER_STRICT  # as strict as the strictest action it summarises
    assert landelijk.history.first().history_user == wereld.projectteam
    for actie in groep:
        actie.refresh_from_db()
        assert actie.landelijk_oppakken and actie.landelijke_actie == landelijk
        assert actie.history.first().history_user == wereld.projectteam
    html = antwoord.content.decode()
    assert (
        "Voorgesteld voor het nationale actieplan: de landelijke actie „Landelijke aanpak noodwater”" in html
    )
    assert "2 regionale acties zijn eraan gekoppeld" in html
    # The group now shows its national action instead of the button.
    assert "Voorgesteld voor het nationale actieplan als" in html
    assert "Voorstellen voor het nationale actieplan<span" not in html


def test_it_does_not_make_a_second_national_action_for_the_same_group(client, wereld, groep) -> None:
    client.force_login(wereld.projectteam)
    client.post(VOORSTEL, _voorstel_data(groep))
    for actie in groep:
        actie.refresh_from_db()
    antwoord = client.post(VOORSTEL, _voorstel_data(groep), follow=True)
    assert wereld.nationaal.acties.count() == 1
    assert "Deze groep was al voorgesteld als „Landelijke aanpak noodwater”; er is niets gewijzigd." in (
        antwoord.content.decode()
    )
    # A new action in the group is linked to the existing national action, not to a new one.
    derde = wereld.actie(2, "Noodwater voor PWN", afspraak=groep[0].afspraak, thema=groep[0].thema)
    antwoord = client.post(VOORSTEL, _voorstel_data([*groep, derde]), follow=True)
    assert wereld.nationaal.acties.count() == 1
    derde.refresh_from_db()
    assert derde.landelijke_actie == wereld.nationaal.acties.get()
    assert "nu is ook 1 regionale actie eraan gekoppeld" in antwoord.content.decode()


def test_it_refuses_a_proposal_when_an_action_changed_meanwhile(client, wereld, groep) -> None:
    client.force_login(wereld.projectteam)
    data = _voorstel_data(groep)
    actieplan_services.wijzig_actie(groep[1], revisie=None, actor=wereld.lid, titel="Water voor de zorg")
    antwoord = client.post(VOORSTEL, data, follow=True)
    assert wereld.nationaal.acties.count() == 0  # nothing stored half-way
    groep[0].refresh_from_db()
    assert groep[0].landelijke_actie is None
    assert "intussen gewijzigd" in antwoord.content.decode()
    assert "Er is niets voorgesteld" in antwoord.content.decode()


def test_it_says_when_the_new_action_reopened_consent_of_the_national_plan(client, wereld, groep) -> None:
    plan = wereld.nationaal
    plan.status, plan.versie = Actieplan.Status.VASTGESTELD, 1
    plan.save()
    client.force_login(wereld.projectteam)
    antwoord = client.post(VOORSTEL, _voorstel_data(groep), follow=True)
    plan.refresh_from_db()
    assert plan.versie == 2 and plan.status == Actieplan.Status.TER_INSTEMMING
    assert "heeft de instemming heropend" in antwoord.content.decode()


@pytest.mark.parametrize(
    ("data", "melding"),
    [
        ({"groep": "<script>"}, "De groep is niet goed doorgegeven"),
        ({"groep": "g1", "g1-acties": "1;2"}, "De groep is niet goed doorgegeven"),
        ({"groep": "g1", "g1-acties": ""}, "De groep ontbreekt"),
    ],
)
def test_it_answers_bad_input_with_a_dutch_message(client, wereld, data, melding) -> None:
    client.force_login(wereld.projectteam)
    antwoord = client.post(VOORSTEL, data, follow=True)
    assert antwoord.status_code == 200
    assert melding in antwoord.content.decode()
    assert wereld.nationaal.acties.count() == 0


def test_it_refuses_a_group_of_one_network_and_an_empty_title(client, wereld, groep) -> None:
    client.force_login(wereld.projectteam)
    zelfde = wereld.actie(0, "Nog een", afspraak=groep[0].afspraak, thema=groep[0].thema)
    antwoord = client.post(VOORSTEL, _voorstel_data([groep[0], zelfde]), follow=True)
    assert "ten minste twee netwerken" in antwoord.content.decode()
    antwoord = client.post(VOORSTEL, _voorstel_data(groep, titel="  "), follow=True)
    assert "Geef de landelijke actie een titel." in antwoord.content.decode()
    assert wereld.nationaal.acties.count() == 0


def test_it_answers_404_for_an_action_the_user_cannot_see(client, wereld, groep) -> None:
    ontvanger = maak_lid(wereld.netwerken[2])
    geheim = wereld.actie(
        2, "Geheim", afspraak=groep[0].afspraak, thema=groep[0].thema, tlp=TLP.RED, tlp_ontvangers=[ontvanger]
    )
    client.force_login(wereld.projectteam)
    assert client.post(VOORSTEL, _voorstel_data([*groep, geheim])).status_code == 404
    assert wereld.nationaal.acties.count() == 0


# --- Queries --------------------------------------------------------------------------------------


def _vul(wereld, aantal: int) -> None:
    """`aantal` actions over the three networks, each agenda item served in two networks."""
    afspraken = list(wereld.agenda.afspraken.select_related("thema"))
    for i in range(aantal):
        afspraak = afspraken[(i // 2) % len(afspraken)]
        wereld.actie(i % 3, f"Actie {i} over {afspraak.titel}", afspraak=afspraak, thema=afspraak.thema)


def test_the_page_runs_a_fixed_number_of_queries(client, wereld) -> None:
    client.force_login(wereld.projectteam)
    _vul(wereld, 4)
    client.post(VOORSTEL, _voorstel_data(list(Verbeteractie.objects.filter(titel__startswith="Actie ")[:2])))

    def tel() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as queries:
            antwoord = client.get(URL)
        assert antwoord.status_code == 200
        return len(queries), antwoord.content.decode()

    weinig, html = tel()
    assert "Voorgesteld voor het nationale actieplan als" in html
    _vul(wereld, 30)
    veel, html = tel()
    # session, user (with its group membership, or one query for the project-team check), global
    # permissions (user, group) for the visible networks, sectors and themes (filter choices), the
    # actions with network, theme, agenda item and national action
    assert weinig == veel <= 8
