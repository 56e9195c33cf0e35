"""Daily reminders (issue 6 item 8): who gets which digest, who does not, how often, and that a
second run sends nothing twice. Mail goes to Django's in-memory outbox; dates are passed to the
job (`vandaag`), the data itself is made through the services."""

from __future__ import annotations

import datetime
import socket
from dataclasses import dataclass
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actieplannen import services
from actieplannen.models import TLP, Actieplan, Verbeteractie, Voortgangsupdate
from agenda.models import Thema
from menukaart.models import MenukaartItem
from monitoring.herinneringen import Zichtbaarheid, verstuur_herinneringen
from monitoring.models import Herinneringsafmelding, Herinneringssoort, VerzondenBericht
from netwerken import services as netwerk_services
from netwerken.models import Gebruiker, Lidmaatschap, Netwerk, Organisatie
from tests.factories import (
    GebruikerFactory,
    RegioFactory,
    maak_lid,
    maak_netwerk,
    maak_projectteamlid,
    maak_themas,
)

pytestmark = pytest.mark.django_db

S = Herinneringssoort
SITE = "https://portaal.example"


@pytest.fixture(autouse=True)
def _site(settings) -> None:
    settings.SITE_URL = SITE


@dataclass
class Wereld:
    vandaag: datetime.date
    thema: Thema
    netwerk: Netwerk
    regio: Organisatie
    plan: Actieplan
    coordinator: Gebruiker  # coordinating region, its contact person
    bcm: Gebruiker  # lid at the kernpartner, its contact person
    collega: Gebruiker  # second lid at the kernpartner
    waarnemer: Gebruiker
    buiten: Gebruiker  # coordinator of another network
    team: Gebruiker  # project team
    team2: Gebruiker  # project team

    def actie(self, titel: str, *, dagen: int | None = 30, **velden) -> Verbeteractie:
        """An action owned by bcm, due `dagen` days from today (negative: overdue)."""
        standaard = {
            "thema": self.thema,
            "organisatie": self.netwerk.kernpartner,
            "eigenaar": self.bcm,
            "einddatum": self.vandaag + datetime.timedelta(days=dagen) if dagen is not None else None,
            "kostenraming": Decimal("100.00"),
            "aandeel_bedrijf": Decimal("100.00"),
        }
        return services.voeg_actie_toe(self.plan, actor=self.coordinator, titel=titel, **(standaard | velden))

    def dag(self, n: int) -> datetime.date:
        return self.vandaag + datetime.timedelta(days=n)

    def stel_vast(self) -> None:
        """Submit the plan and let both organisations consent: it is vastgesteld (being carried out)."""
        services.dien_in(self.plan, actor=self.coordinator)
        services.spreek_uit(self.plan, organisatie=self.regio, besluit="instemming", actor=self.coordinator)
        services.spreek_uit(
            self.plan, organisatie=self.netwerk.kernpartner, besluit="instemming", actor=self.bcm
        )
        self.plan.refresh_from_db()
        assert self.plan.status == Actieplan.Status.VASTGESTELD


@pytest.fixture
def wereld(db) -> Wereld:
    thema = maak_themas()[0]
    regio = RegioFactory(vr_nummer=4)
    netwerk = maak_netwerk(slug="drinkwater-vitens", regio=regio)
    coordinator = maak_lid(netwerk, Lidmaatschap.Rol.COORDINATOR, organisatie=regio)
    bcm = maak_lid(netwerk, Lidmaatschap.Rol.LID)
    collega = maak_lid(netwerk, Lidmaatschap.Rol.LID)
    waarnemer = maak_lid(netwerk, Lidmaatschap.Rol.WAARNEMER)
    netwerk_services.zet_contactpersoon(netwerk.deelnames.get(organisatie=regio), coordinator, actor=None)
    netwerk_services.zet_contactpersoon(
        netwerk.deelnames.get(organisatie=netwerk.kernpartner), bcm, actor=None
    )
    ander = maak_netwerk(slug="drinkwater-evides", regio=RegioFactory(vr_nummer=17))
    buiten = maak_lid(ander, Lidmaatschap.Rol.COORDINATOR)
    plan = services.zorg_voor_actieplan(netwerk, actor=coordinator)
    return Wereld(
        vandaag=timezone.localdate(),
        thema=thema,
        netwerk=netwerk,
        regio=regio,
        plan=plan,
        coordinator=coordinator,
        bcm=bcm,
        collega=collega,
        waarnemer=waarnemer,
        buiten=buiten,
        team=maak_projectteamlid(),
        team2=maak_projectteamlid(),
    )


def mails_aan(persoon: Gebruiker) -> list[mail.EmailMultiAlternatives]:
    return [m for m in mail.outbox if m.to == [persoon.email]]


def html(bericht: mail.EmailMultiAlternatives) -> str:
    [(inhoud, soort)] = bericht.alternatives
    assert soort == "text/html"
    return inhoud


def zet_uit(persoon: Gebruiker, soort: str) -> None:
    Herinneringsafmelding.objects.create(gebruiker=persoon, soort=soort)


def verouder(actie: Verbeteractie, dagen: int) -> None:
    """Make an action look `dagen` days silent: its creation and every history row that long ago."""
    toen = timezone.now() - datetime.timedelta(days=dagen)
    Verbeteractie.objects.filter(pk=actie.pk).update(aangemaakt_op=toen)
    Verbeteractie.history.filter(id=actie.pk).update(history_date=toen)


# --- Actions due soon or overdue ------------------------------------------------------------------


def test_it_sends_the_owner_one_digest_of_his_due_and_overdue_actions(wereld):
    binnenkort = wereld.actie("Uitgiftepunten & tappunten", dagen=5)
    vandaag = wereld.actie("Draaiboek vandaag af", dagen=0)
    te_laat = wereld.actie("Noodstroom regelen", dagen=-3)
    wereld.actie("Nog lang niet", dagen=30)
    wereld.actie("Al gereed", dagen=-3, status="gereed", voortgang=100)
    wereld.actie("Zonder einddatum", dagen=None)

    assert verstuur_herinneringen(wereld.vandaag) == 1

    [bericht] = mails_aan(wereld.bcm)
    assert bericht.subject == "Herinnering: 1 actie is te laat en 2 acties moeten binnen 14 dagen af"
    for actie in (binnenkort, vandaag, te_laat):
        url = f"{SITE}/netwerken/drinkwater-vitens/actieplan/acties/{actie.pk}/"
        assert url in bericht.body
        assert f'href="{url}"' in html(bericht)
    for titel in ("Nog lang niet", "Al gereed", "Zonder einddatum"):
        assert titel not in bericht.body
    assert "3 dagen te laat" in bericht.body
    assert "(over 5 dagen)" in bericht.body and "(vandaag)" in bericht.body
    # Plain text stays plain; the HTML part escapes.
    assert "Uitgiftepunten & tappunten" in bericht.body
    assert "Uitgiftepunten &amp; tappunten" in html(bericht)
    assert f"{SITE}/monitoring/herinneringen/" in bericht.body
    assert f'href="{SITE}/monitoring/herinneringen/"' in html(bericht)
    assert bericht.body.startswith(f"Beste {wereld.bcm.naam},")


def test_it_sends_nothing_twice_on_the_same_day(wereld):
    wereld.actie("Binnenkort", dagen=5)
    wereld.actie("Te laat", dagen=-3)

    assert verstuur_herinneringen(wereld.vandaag) == 1
    assert verstuur_herinneringen(wereld.vandaag) == 0

    assert len(mail.outbox) == 1
    sleutels = list(VerzondenBericht.objects.values_list("sleutel", flat=True))
    assert len(sleutels) == len(set(sleutels)) == 2
    assert all(s.startswith(f"{S.ACTIE_TERMIJN}:") and f":{wereld.bcm.pk}:" in s for s in sleutels)


def test_it_mentions_a_due_date_once_and_an_overdue_action_once_a_week(wereld):
    actie = wereld.actie("Draaiboek", dagen=3)

    verstuur_herinneringen(wereld.vandaag)
    for dag in (1, 2, 3):  # still due soon, then due today: already mentioned
        assert verstuur_herinneringen(wereld.dag(dag)) == 0
    assert verstuur_herinneringen(wereld.dag(4)) == 1  # one day late
    assert "1 dag te laat" in mail.outbox[-1].body
    for dag in range(5, 11):
        assert verstuur_herinneringen(wereld.dag(dag)) == 0
    assert verstuur_herinneringen(wereld.dag(11)) == 1  # a week later
    assert "8 dagen te laat" in mail.outbox[-1].body
    assert len(mail.outbox) == 3

    # A moved due date is a new due date: reminded again.
    services.wijzig_actie(
        actie, revisie=None, actor=wereld.coordinator, einddatum=wereld.dag(20), status="in_uitvoering"
    )
    assert verstuur_herinneringen(wereld.dag(11)) == 1
    assert "over 9 dagen" in mail.outbox[-1].body


def test_it_respects_opt_outs_and_inactive_owners(wereld):
    wereld.actie("Van bcm", dagen=2)
    wereld.actie("Van collega", dagen=2, eigenaar=wereld.collega)
    wereld.actie("Van waarnemer", dagen=2, eigenaar=wereld.waarnemer)
    zet_uit(wereld.bcm, S.ACTIE_TERMIJN)
    zet_uit(wereld.collega, S.INSTEMMING)  # another kind: does not matter here
    Gebruiker.objects.filter(pk=wereld.waarnemer.pk).update(is_active=False)

    assert verstuur_herinneringen(wereld.vandaag) == 1

    assert [m.to for m in mail.outbox] == [[wereld.collega.email]]
    assert "Van collega" in mail.outbox[0].body
    assert not VerzondenBericht.objects.filter(ontvanger__in=[wereld.bcm, wereld.waarnemer]).exists()


def test_it_mentions_only_actions_the_owner_may_see(wereld):
    wereld.actie("Gewoon", dagen=2)
    wereld.actie("Rood voor de coördinator", dagen=2, tlp=TLP.RED)  # recipients: the coordinator only
    services.voeg_actie_toe(
        wereld.plan,
        actor=wereld.coordinator,
        titel="Rood, ook voor bcm",
        thema=wereld.thema,
        eigenaar=wereld.bcm,
        einddatum=wereld.dag(2),
        tlp=TLP.RED,
        tlp_ontvangers=[wereld.bcm],
    )
    verlaten = wereld.actie("Van iemand die vertrok", dagen=2, eigenaar=wereld.collega)
    netwerk_services.verwijder_lid(
        Lidmaatschap.objects.get(netwerk=wereld.netwerk, persoon=wereld.collega), actor=None
    )

    verstuur_herinneringen(wereld.vandaag)

    [bericht] = mails_aan(wereld.bcm)
    assert "Gewoon" in bericht.body and "Rood, ook voor bcm" in bericht.body
    assert "Rood voor de coördinator" not in bericht.body and "Rood voor de coördinator" not in html(bericht)
    assert not mails_aan(wereld.collega), f"{verlaten} is no longer visible to its former owner"


# --- Consent pending ------------------------------------------------------------------------------


def test_it_reminds_contacts_whose_consent_is_pending_for_14_days_then_weekly(wereld):
    wereld.actie("Actie", dagen=60)
    services.dien_in(wereld.plan, actor=wereld.coordinator)
    services.spreek_uit(wereld.plan, organisatie=wereld.regio, besluit="instemming", actor=wereld.coordinator)
    wereld.plan.refresh_from_db()
    # The rule of the consent panel: who has not decided on this version.
    wachtend = {
        r["deelname"].organisatie_id
        for r in services.instemmingsstand(wereld.plan)
        if r["instemming"] is None
    }
    assert wachtend == {wereld.netwerk.kernpartner_id}

    assert verstuur_herinneringen(wereld.dag(13)) == 0
    assert verstuur_herinneringen(wereld.dag(14)) == 1
    [bericht] = mails_aan(wereld.bcm)
    assert bericht.subject == "Herinnering: 1 actieplan wacht op uw instemming"
    assert f"{SITE}/netwerken/drinkwater-vitens/actieplan/#instemming" in bericht.body
    assert "(14 dagen)" in bericht.body
    assert "versie 1" in bericht.body
    assert not mails_aan(wereld.coordinator)  # his region decided

    for dag in range(15, 21):
        assert verstuur_herinneringen(wereld.dag(dag)) == 0
    assert verstuur_herinneringen(wereld.dag(21)) == 1
    assert "(21 dagen)" in mail.outbox[-1].body


def test_it_reminds_about_each_new_version_and_stops_after_the_decision(wereld):
    actie = wereld.actie("Actie", dagen=60)
    services.dien_in(wereld.plan, actor=wereld.coordinator)
    assert verstuur_herinneringen(wereld.dag(14)) == 2  # both contacts
    assert {m.to[0] for m in mail.outbox} == {wereld.bcm.email, wereld.coordinator.email}

    # A material change freezes version 2 and reopens consent.
    services.wijzig_actie(actie, revisie=None, actor=wereld.coordinator, einddatum=wereld.dag(90))
    wereld.plan.refresh_from_db()
    assert wereld.plan.versie == 2
    Actieplan.objects.filter(pk=wereld.plan.pk).update(
        ingediend_op=timezone.now() - datetime.timedelta(days=14)
    )
    assert verstuur_herinneringen(wereld.vandaag) == 2
    assert "versie 2" in mail.outbox[-1].body

    services.spreek_uit(
        wereld.plan,
        organisatie=wereld.netwerk.kernpartner,
        besluit="bezwaar",
        reden="Te duur.",
        actor=wereld.bcm,
    )
    mail.outbox.clear()
    assert verstuur_herinneringen(wereld.dag(7)) == 1  # only the region is still pending
    assert [m.to for m in mail.outbox] == [[wereld.coordinator.email]]


def test_it_sends_no_consent_reminder_to_an_opted_out_or_inactive_contact(wereld):
    wereld.actie("Actie", dagen=60)
    services.dien_in(wereld.plan, actor=wereld.coordinator)
    zet_uit(wereld.bcm, S.INSTEMMING)
    Gebruiker.objects.filter(pk=wereld.coordinator.pk).update(is_active=False)

    assert verstuur_herinneringen(wereld.dag(14)) == 0
    assert mail.outbox == []


# --- Missing progress updates ---------------------------------------------------------------------


def test_it_reminds_coordinators_after_30_days_and_the_project_team_after_60(wereld):
    acties = [wereld.actie(f"Actie {n}", dagen=300) for n in range(3)]
    wereld.stel_vast()
    for actie in acties:
        verouder(actie, 0)  # the consent touched nothing on the actions; start the count today

    assert verstuur_herinneringen(wereld.dag(29)) == 0
    assert verstuur_herinneringen(wereld.dag(30)) == 1
    [bericht] = mails_aan(wereld.coordinator)
    assert bericht.subject == "Herinnering: 3 acties zonder voortgangsupdate"
    assert all(a.titel in bericht.body for a in acties)
    assert "30 dagen geleden" in bericht.body
    assert not mails_aan(wereld.team) and not mails_aan(wereld.bcm)

    assert verstuur_herinneringen(wereld.dag(45)) == 0
    mail.outbox.clear()
    assert verstuur_herinneringen(wereld.dag(60)) == 3  # escalation
    assert len(mails_aan(wereld.coordinator)) == 1
    for lid in (wereld.team, wereld.team2):
        [bericht] = mails_aan(lid)
        assert "VOOR HET PROJECTTEAM: 60 DAGEN OF LANGER ZONDER UPDATE" in bericht.body
        assert "Voor het projectteam: 60 dagen of langer zonder update" in html(bericht)
        assert all(a.titel in bericht.body for a in acties)
    assert verstuur_herinneringen(wereld.dag(60)) == 0


def test_it_counts_from_the_last_update_and_only_in_plans_being_carried_out(wereld):
    stil = wereld.actie("Stil", dagen=300)
    bijgewerkt = wereld.actie("Bijgewerkt", dagen=300)
    gereed = wereld.actie("Gereed", dagen=300)
    wereld.stel_vast()
    services.registreer_voortgang(gereed, status="gereed", voortgang=100, actor=wereld.bcm)
    for actie in (stil, bijgewerkt, gereed):
        verouder(actie, 40)
    Voortgangsupdate.objects.create(
        actie=bijgewerkt, datum=wereld.dag(-10), status="in_uitvoering", voortgang=20, door=wereld.bcm
    )
    # A plan in concept: its actions are not being carried out yet.
    ander_plan = services.zorg_voor_actieplan(Netwerk.objects.get(slug="drinkwater-evides"), actor=None)
    concept = services.voeg_actie_toe(ander_plan, actor=None, titel="In concept", thema=wereld.thema)
    verouder(concept, 40)

    assert verstuur_herinneringen(wereld.vandaag) == 1
    [bericht] = mails_aan(wereld.coordinator)
    assert "Stil" in bericht.body and "40 dagen geleden" in bericht.body
    assert "Bijgewerkt" not in bericht.body and "Gereed" not in bericht.body
    assert not mails_aan(wereld.buiten)
    assert verstuur_herinneringen(wereld.dag(19)) == 0
    # 30 days after the update; "Stil" is 60 days silent: again, and the project team hears of it.
    assert verstuur_herinneringen(wereld.dag(20)) == 3
    laatste = mails_aan(wereld.coordinator)[-1].body
    assert "Bijgewerkt" in laatste and "30 dagen geleden" in laatste and "Stil" in laatste
    assert "Bijgewerkt" not in mails_aan(wereld.team)[-1].body


def test_it_escalates_a_red_action_only_to_its_named_recipients(wereld):
    gewoon = wereld.actie("Gewoon stil", dagen=300)
    rood = services.voeg_actie_toe(
        wereld.plan,
        actor=wereld.coordinator,
        titel="Rood en stil",
        thema=wereld.thema,
        eigenaar=wereld.bcm,
        organisatie=wereld.netwerk.kernpartner,
        einddatum=wereld.dag(300),
        tlp=TLP.RED,
        tlp_ontvangers=[wereld.bcm],
    )
    wereld.stel_vast()
    for actie in (gewoon, rood):
        verouder(actie, 61)
    zet_uit(wereld.team2, S.UPDATE_ONTBREEKT)

    verstuur_herinneringen(wereld.vandaag)

    [aan_team] = mails_aan(wereld.team)
    assert "Gewoon stil" in aan_team.body
    assert "Rood en stil" not in aan_team.body and "Rood en stil" not in html(aan_team)
    assert not mails_aan(wereld.team2)  # switched off
    [aan_coordinator] = mails_aan(wereld.coordinator)  # creator of the RED action: a recipient
    assert "Rood en stil" in aan_coordinator.body


# --- Menukaart reviews ----------------------------------------------------------------------------


def maak_item(titel: str, *, beoordeeld: datetime.date | None, curator=None, status="gepubliceerd"):
    return MenukaartItem.objects.create(
        soort="voorbeeld",
        titel=titel,
        samenvatting=f"Over {titel}.",
        status=status,
        laatst_beoordeeld=beoordeeld,
        curator=curator,
    )


def test_it_reminds_curators_of_stale_menukaart_items_once_a_month(wereld):
    jaar_geleden = wereld.vandaag - datetime.timedelta(days=400)
    eigen = maak_item("Eigen item", beoordeeld=jaar_geleden, curator=wereld.team)
    wees = maak_item("Item zonder curator", beoordeeld=None)
    vertrokken = maak_item("Curator is weg", beoordeeld=jaar_geleden, curator=wereld.bcm)
    maak_item("Net beoordeeld", beoordeeld=wereld.vandaag, curator=wereld.team)
    maak_item("Nog een voorstel", beoordeeld=None, status="voorgesteld")
    maak_item("Gearchiveerd", beoordeeld=jaar_geleden, status="gearchiveerd")

    assert verstuur_herinneringen(wereld.vandaag) == 2

    [aan_team] = mails_aan(wereld.team)
    assert aan_team.subject == "Herinnering: 3 menukaartitems zijn aan een review toe"
    for item in (eigen, wees, vertrokken):
        assert f"{SITE}/menukaart/{item.pk}/" in aan_team.body
    assert "Items waarvan u curator bent" in html(aan_team)
    assert "nog nooit beoordeeld" in aan_team.body
    assert f"{SITE}/menukaart/curatie/" in aan_team.body
    [aan_team2] = mails_aan(wereld.team2)
    assert "Eigen item" not in aan_team2.body  # it has its own curator
    assert "Item zonder curator" in aan_team2.body and "Curator is weg" in aan_team2.body
    assert not mails_aan(wereld.bcm)

    volgende_maand = (wereld.vandaag.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    assert verstuur_herinneringen(volgende_maand - datetime.timedelta(days=1)) == 0
    assert verstuur_herinneringen(volgende_maand) == 2


def test_it_leaves_out_curators_who_switched_menukaart_reminders_off(wereld):
    maak_item("Oud item", beoordeeld=None)
    zet_uit(wereld.team, S.MENUKAART_REVIEW)

    assert verstuur_herinneringen(wereld.vandaag) == 1
    assert [m.to for m in mail.outbox] == [[wereld.team2.email]]


# --- Visibility, failures, queries ----------------------------------------------------------------


def test_visibility_in_bulk_agrees_with_the_visible_to_querysets(wereld):
    gewoon = wereld.actie("Gewoon")
    rood = services.voeg_actie_toe(
        wereld.plan,
        actor=wereld.coordinator,
        titel="Rood",
        thema=wereld.thema,
        tlp=TLP.RED,
        tlp_ontvangers=[wereld.waarnemer],
    )
    elders = services.voeg_actie_toe(
        services.zorg_voor_actieplan(Netwerk.objects.get(slug="drinkwater-evides"), actor=None),
        actor=None,
        titel="Elders",
        thema=wereld.thema,
    )
    beheerder = GebruikerFactory(is_superuser=True, is_staff=True)
    stuurgroep = GebruikerFactory()
    stuurgroep.groups.add(Group.objects.get(name="Stuurgroep"))
    inactief = maak_lid(wereld.netwerk)
    Gebruiker.objects.filter(pk=inactief.pk).update(is_active=False)
    mensen = list(
        Gebruiker.objects.filter(
            pk__in=[
                p.pk
                for p in (
                    wereld.coordinator,
                    wereld.bcm,
                    wereld.waarnemer,
                    wereld.buiten,
                    wereld.team,
                    beheerder,
                    stuurgroep,
                    inactief,
                )
            ]
        )
    )
    acties = list(
        Verbeteractie.objects.select_related("actieplan").filter(pk__in=[gewoon.pk, rood.pk, elders.pk])
    )

    zicht = Zichtbaarheid(mensen, acties)

    for persoon in mensen:
        verwacht = set(Verbeteractie.objects.visible_to(persoon).values_list("pk", flat=True))
        for actie in acties:
            assert zicht.ziet_actie(persoon, actie) == (actie.pk in verwacht), (persoon, actie)


def test_a_mail_that_cannot_be_sent_is_sent_by_the_next_run(wereld, settings):
    wereld.actie("Te laat", dagen=-1)
    # A real SMTP backend pointed at a port nobody listens on: the server is unreachable.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", poort, 2

    assert verstuur_herinneringen(wereld.vandaag) == 0
    assert not VerzondenBericht.objects.exists()  # nothing recorded as sent

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert verstuur_herinneringen(wereld.vandaag) == 1
    assert VerzondenBericht.objects.count() == 1


def _vul(wereld: Wereld, n: int, ronde: int) -> None:
    """`n` more of everything a reminder is about: owners with due, overdue, RED and silent
    actions, networks with a plan waiting for consent, stale items, project-team members."""
    for i in range(n):
        eigenaar = maak_lid(wereld.netwerk)
        wereld.actie(f"Te laat {ronde}-{i}", dagen=-2, eigenaar=eigenaar)
        wereld.actie(f"Binnenkort {ronde}-{i}", dagen=3, eigenaar=eigenaar)
        wereld.actie(f"Rood {ronde}-{i}", dagen=3, eigenaar=eigenaar, tlp=TLP.RED)
        verouder(wereld.actie(f"Stil {ronde}-{i}", dagen=200, eigenaar=eigenaar), 65)
        maak_item(f"Item {ronde}-{i}", beoordeeld=None)
        maak_projectteamlid()
        regio = RegioFactory(vr_nummer=5 + ronde * n + i)
        netwerk = maak_netwerk(slug=f"net-{ronde}-{i}", regio=regio)
        coordinator = maak_lid(netwerk, Lidmaatschap.Rol.COORDINATOR, organisatie=regio)
        contact = maak_lid(netwerk)
        netwerk_services.zet_contactpersoon(
            netwerk.deelnames.get(organisatie=netwerk.kernpartner), contact, actor=None
        )
        plan = services.zorg_voor_actieplan(netwerk, actor=None)
        services.voeg_actie_toe(
            plan,
            actor=coordinator,
            titel=f"Actie {ronde}-{i}",
            thema=wereld.thema,
            eigenaar=contact,
            organisatie=netwerk.kernpartner,
            einddatum=wereld.dag(200),
        )
        services.dien_in(plan, actor=coordinator)
        Actieplan.objects.filter(pk=plan.pk).update(ingediend_op=timezone.now() - datetime.timedelta(days=20))
    # The network's own plan is being carried out: its silent actions count.
    Actieplan.objects.filter(pk=wereld.plan.pk).update(status=Actieplan.Status.IN_UITVOERING)


def test_the_number_of_queries_does_not_grow_with_the_data(wereld):
    _vul(wereld, 3, ronde=0)

    def tel() -> tuple[int, int]:
        VerzondenBericht.objects.all().delete()
        mail.outbox.clear()
        with CaptureQueriesContext(connection) as queries:
            verstuur_herinneringen(wereld.vandaag)
        return len(queries), len(mail.outbox)

    klein, mails_klein = tel()
    _vul(wereld, 3, ronde=1)
    groot, mails_groot = tel()

    # Every kind sends something in both rounds, so every query below runs:
    #  1 opt-outs, 1 project team
    #  actions due: 1 actions (+ plan, network, owner), 3 visibility (global viewers, network grants, RED recipients)
    #  consent: 1 plans, 1 decisions, 1 contacts, 2 visibility
    #  updates: 1 silent actions, 1 coordinators, 2 visibility (no RED action among the silent ones)
    #  menukaart: 1 stale items, 1 curators
    #  sending: 1 known keys, savepoint + 1 insert + release (the test's transaction)
    assert mails_groot > mails_klein
    assert klein == groot == 21


def test_the_command_runs_the_reminders_for_a_date(wereld):
    wereld.actie("Draaiboek", dagen=3)
    uit = StringIO()

    call_command("verstuur_herinneringen", "--datum", wereld.dag(4).isoformat(), stdout=uit)
    call_command("verstuur_herinneringen", "--datum", wereld.dag(4).isoformat(), stdout=uit)

    assert uit.getvalue().splitlines() == [
        "1 e-mail met herinneringen verstuurd.",
        "0 e-mails met herinneringen verstuurd.",
    ]
    assert "1 dag te laat" in mail.outbox[0].body
    with pytest.raises(CommandError, match="Ongeldige datum"):
        call_command("verstuur_herinneringen", "--datum", "morgen")
