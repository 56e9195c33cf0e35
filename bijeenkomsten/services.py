"""Writes on meetings: plan, change, cancel, invite, respond, attendance, minutes, decisions, agenda
points and the personal calendar feed.

API (every write: atomic, keyword-only `actor` recorded in history, Dutch `ValidationError` on bad
input with nothing changed, mail scheduled with `transaction.on_commit`):

    plan_bijeenkomst(*, soort, titel, begin, einde, netwerk=None, sector=None, agenda=None,
                     locatie="", online_link="", toelichting="", expertbijeenkomst=None,
                     actor) -> Bijeenkomst                      # PermissionDenied if actor may not
    wijzig_bijeenkomst(bijeenkomst, *, revisie, actor, **velden) -> Bijeenkomst
        velden ⊆ WIJZIGBARE_VELDEN; time/place change → SEQUENCE+1 and an update mail (REQUEST)
        to every invitee who did not decline; stale `revisie` → Bewerkingsconflict
    annuleer_bijeenkomst(bijeenkomst, *, reden="", revisie=None, actor) -> Bijeenkomst  # CANCEL
    nodig_uit(bijeenkomst, *, personen=(), organisaties=(), alle_leden=False, actor)
        -> list[Genodigde]            # only the new invitees; already invited persons are skipped
    verwijder_genodigde(genodigde, *, actor) -> None   # the person gets a cancellation
    trek_netwerkuitnodigingen_in(netwerk, persoon, *, actor) -> int  # he left the network
    beantwoord(genodigde, antwoord, *, actor) -> Genodigde      # from the portal or the mail link
    registreer_aanwezigheid(bijeenkomst, aanwezigheid: {genodigde_pk: True|False|None}, *,
                            getoond=None | {genodigde_pk: shown value}, actor) -> int
        only changed values are saved; a change on top of someone else's → Bewerkingsconflict
    leg_notulen_vast(bijeenkomst, notulen, *, revisie, actor) -> Bijeenkomst
    leg_besluit_vast(bijeenkomst, tekst, *, nieuwe_actie=None | {veld: waarde},
                     bij_te_werken_actie=None | (actie, {status|eigenaar|einddatum|...}, revisie),
                     actor) -> Besluit
    voeg_agendapunt_toe(bijeenkomst, *, titel, toelichting="", afspraak=None, verbeteractie=None,
                        menukaartitem=None, actor) -> Agendapunt
    wijzig_agendapunt(agendapunt, *, actor, **velden) -> Agendapunt
    verplaats_agendapunt(agendapunt, richting: "omhoog"|"omlaag", *, actor) -> None
    verwijder_agendapunt(agendapunt, *, actor) -> None
    agendafeed_voor(gebruiker, *, actor) -> Agendafeed         # created on first use
    vernieuw_agendafeed(gebruiker, *, actor) -> Agendafeed     # new secret; the old URL gives 404
    stop_agendafeed(gebruiker, *, actor) -> None               # no feed at all
    zoek_genodigde(token) -> Genodigde | None                   # the mail link (no login)
    zoek_agendafeed(token) -> Agendafeed | None                 # the feed URL (no login)
    kandidaten(bijeenkomst) -> QuerySet[Gebruiker]              # who may be invited (form choices)
    kandidaat_organisaties(bijeenkomst) -> QuerySet[Organisatie]
    acties_voor_besluit(bijeenkomst, user) -> QuerySet[Verbeteractie]  # choices for "update"

Permissions to see and manage live in `bijeenkomsten.access`; `Bewerkingsconflict` is the one from
`actieplannen.services` (same conflict page for meetings, plans and actions).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone

from actieplannen import services as actieplan_services
from actieplannen.models import TLP, Verbeteractie
from continuiteit.conflict import Bewerkingsconflict, Veldverschil, controleer_revisie, toon_waarde
from continuiteit.historie import bewaar as _bewaar
from continuiteit.historie import verwijder as _verwijder
from netwerken.models import Deelname, Gebruiker, Lidmaatschap, Organisatie
from netwerken.permissions import heeft_recht

from .access import mag_plannen
from .models import Agendafeed, Agendapunt, Besluit, Bijeenkomst, Genodigde, nieuw_token

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.db.models import QuerySet

    from agenda.models import Agenda, Expertbijeenkomst, Samenwerkingsafspraak
    from menukaart.models import MenukaartItem
    from netwerken.models import Netwerk, Sector

__all__ = [
    "Bewerkingsconflict",
    "WIJZIGBARE_VELDEN",
    "plan_bijeenkomst",
    "wijzig_bijeenkomst",
    "annuleer_bijeenkomst",
    "nodig_uit",
    "verwijder_genodigde",
    "trek_netwerkuitnodigingen_in",
    "beantwoord",
    "registreer_aanwezigheid",
    "leg_notulen_vast",
    "leg_besluit_vast",
    "voeg_agendapunt_toe",
    "wijzig_agendapunt",
    "verplaats_agendapunt",
    "verwijder_agendapunt",
    "agendafeed_voor",
    "vernieuw_agendafeed",
    "stop_agendafeed",
    "zoek_genodigde",
    "zoek_agendafeed",
    "kandidaten",
    "kandidaat_organisaties",
    "acties_voor_besluit",
]

# Fields `wijzig_bijeenkomst` accepts; the first group is what calendars must hear about.
TIJD_EN_PLAATS = ("begin", "einde", "locatie", "online_link")
WIJZIGBARE_VELDEN = (*TIJD_EN_PLAATS, "titel", "toelichting", "agenda")
AGENDAPUNTVELDEN = ("titel", "toelichting", "afspraak", "verbeteractie", "menukaartitem")
# What a decision may change on an existing action (§ issue: status, owner, due date).
BESLUIT_ACTIEVELDEN = {"status", "eigenaar", "einddatum", "voortgang", "organisatie"}


# --- Helpers --------------------------------------------------------------------------------------


def _vergrendel(bijeenkomst: Bijeenkomst) -> Bijeenkomst:
    return (
        Bijeenkomst.objects.select_for_update(of=("self",))
        .select_related("netwerk", "sector", "agenda")
        .get(pk=bijeenkomst.pk)
    )


def _bewust(waarde: datetime.datetime, veld: str) -> datetime.datetime:
    """A naive time from a form means Amsterdam time (the portal's time zone)."""
    if not isinstance(waarde, datetime.datetime):
        raise ValidationError({veld: "Vul een datum en tijd in."})
    if timezone.is_naive(waarde):
        return timezone.make_aware(waarde)
    return waarde


def _controleer(bijeenkomst: Bijeenkomst) -> None:
    """Rules across fields of a meeting; raises one ValidationError with every problem."""
    fouten: dict[str, str] = {}
    if not bijeenkomst.titel.strip():
        fouten["titel"] = "Geef de bijeenkomst een titel."
    if bijeenkomst.begin and bijeenkomst.einde and bijeenkomst.einde <= bijeenkomst.begin:
        fouten["einde"] = "Het einde van de bijeenkomst moet na het begin liggen."
    if not bijeenkomst.locatie.strip() and not bijeenkomst.online_link.strip():
        fouten["locatie"] = "Vul een locatie in, een link voor online deelname, of allebei."
    if bijeenkomst.online_link:
        try:
            URLValidator(schemes=["https", "http"])(bijeenkomst.online_link)
        except ValidationError:
            fouten["online_link"] = "Vul een volledige webadres in, beginnend met https://."
    soort = bijeenkomst.soort
    if soort not in Bijeenkomst.Soort.values:
        fouten["soort"] = "Kies een soort bijeenkomst."
    if soort == Bijeenkomst.Soort.NETWERK and bijeenkomst.netwerk_id is None:
        fouten["netwerk"] = "Kies het netwerk van deze netwerkbijeenkomst."
    if soort != Bijeenkomst.Soort.NETWERK and bijeenkomst.netwerk_id is not None:
        fouten["netwerk"] = "Alleen een netwerkbijeenkomst hoort bij een netwerk."
    if soort == Bijeenkomst.Soort.EXPERT and bijeenkomst.sector_id is None:
        fouten["sector"] = "Kies de sector van deze expertbijeenkomst."
    if soort != Bijeenkomst.Soort.EXPERT and (bijeenkomst.sector_id or bijeenkomst.agenda_id):
        fouten["sector"] = "Alleen een expertbijeenkomst hoort bij een sector en een sectoragenda."
    if bijeenkomst.agenda_id and bijeenkomst.agenda.sector_id != bijeenkomst.sector_id:
        fouten["agenda"] = "Kies een agenda van de sector van deze expertbijeenkomst."
    if fouten:
        raise ValidationError(fouten)


def _verstuur(bijeenkomst: Bijeenkomst, soort: str, gebruiker_ids: Iterable[int], kenmerk: str = "") -> None:
    """Send invitation/update/cancellation mails after the transaction commits (Celery task)."""
    ids = sorted(set(gebruiker_ids))
    if not ids:
        return
    from .tasks import verstuur_bijeenkomstmail

    pk, sequence = bijeenkomst.pk, bijeenkomst.sequence
    transaction.on_commit(lambda: verstuur_bijeenkomstmail.delay(pk, soort, ids, sequence, kenmerk))


def _ontvangers_van_updates(bijeenkomst: Bijeenkomst) -> list[int]:
    return list(bijeenkomst.genodigden.niet_afgemeld().values_list("gebruiker_id", flat=True))


# --- Plan, change, cancel -------------------------------------------------------------------------


@transaction.atomic
def plan_bijeenkomst(
    *,
    soort: str,
    titel: str,
    begin: datetime.datetime,
    einde: datetime.datetime,
    netwerk: Netwerk | None = None,
    sector: Sector | None = None,
    agenda: Agenda | None = None,
    locatie: str = "",
    online_link: str = "",
    toelichting: str = "",
    expertbijeenkomst: Expertbijeenkomst | None = None,
    actor: Gebruiker | None,
) -> Bijeenkomst:
    """Convene a meeting (no invitations yet: `nodig_uit` sends those).

    A network meeting is convened by a coordinator of that network; the other kinds by the project
    team (`access.mag_plannen`); anyone else gets `PermissionDenied`.
    An expert meeting may serve a sector agenda and link to a record kept with that agenda.
    """
    if actor is not None and not mag_plannen(actor, soort, netwerk):
        raise PermissionDenied("U mag deze bijeenkomst niet beleggen.")
    bijeenkomst = Bijeenkomst(
        soort=soort,
        titel=(titel or "").strip(),
        netwerk=netwerk if soort == Bijeenkomst.Soort.NETWERK else None,
        sector=sector,
        agenda=agenda,
        begin=_bewust(begin, "begin"),
        einde=_bewust(einde, "einde"),
        locatie=(locatie or "").strip(),
        online_link=(online_link or "").strip(),
        toelichting=(toelichting or "").strip(),
        georganiseerd_door=actor,
    )
    if soort == Bijeenkomst.Soort.NETWERK and netwerk is None:
        bijeenkomst.netwerk = None
    _controleer(bijeenkomst)
    if expertbijeenkomst is not None:
        if soort != Bijeenkomst.Soort.EXPERT or expertbijeenkomst.agenda.sector_id != bijeenkomst.sector_id:
            raise ValidationError(
                {"expertbijeenkomst": "Koppel alleen een verslag van een agenda van dezelfde sector."}
            )
        if Bijeenkomst.objects.filter(expertbijeenkomst=expertbijeenkomst).exists():
            raise ValidationError({"expertbijeenkomst": "Dit verslag hoort al bij een andere bijeenkomst."})
        bijeenkomst.expertbijeenkomst = expertbijeenkomst
        bijeenkomst.agenda = bijeenkomst.agenda or expertbijeenkomst.agenda
    _bewaar(bijeenkomst, actor)
    return bijeenkomst


@transaction.atomic
def wijzig_bijeenkomst(
    bijeenkomst: Bijeenkomst, *, revisie: int | None, actor: Gebruiker | None, **velden: Any
) -> Bijeenkomst:
    """Change title, time, place or description; `revisie` is what the editor started from.

    A change of time or place raises SEQUENCE and sends every invitee who did not decline an
    update of the same calendar item (same UID, METHOD:REQUEST).
    """
    if set(velden) - set(WIJZIGBARE_VELDEN):
        raise ValidationError("Onbekende velden.")
    bijeenkomst = _vergrendel(bijeenkomst)
    controleer_revisie(bijeenkomst, revisie, f"de bijeenkomst „{bijeenkomst.titel}”")
    if bijeenkomst.is_geannuleerd:
        raise ValidationError("Deze bijeenkomst is geannuleerd en kan niet meer worden gewijzigd.")
    for veld in ("begin", "einde"):
        if veld in velden:
            velden[veld] = _bewust(velden[veld], veld)
    for veld in ("titel", "locatie", "online_link", "toelichting"):
        if veld in velden:
            velden[veld] = (velden[veld] or "").strip()
    oud = {veld: getattr(bijeenkomst, veld) for veld in TIJD_EN_PLAATS}
    for veld, waarde in velden.items():
        setattr(bijeenkomst, veld, waarde)
    _controleer(bijeenkomst)
    tijd_of_plaats = any(getattr(bijeenkomst, veld) != oud[veld] for veld in TIJD_EN_PLAATS)
    if tijd_of_plaats:
        bijeenkomst.sequence += 1
    bijeenkomst.revisie += 1
    _bewaar(bijeenkomst, actor)
    if tijd_of_plaats and not bijeenkomst.is_voorbij():
        _verstuur(bijeenkomst, "wijziging", _ontvangers_van_updates(bijeenkomst))
    return bijeenkomst


@transaction.atomic
def annuleer_bijeenkomst(
    bijeenkomst: Bijeenkomst, *, reden: str = "", revisie: int | None = None, actor: Gebruiker | None
) -> Bijeenkomst:
    """Cancel: SEQUENCE+1 and a cancellation (METHOD:CANCEL, same UID) to every invitee who did
    not decline. The meeting stays visible, marked as cancelled."""
    bijeenkomst = _vergrendel(bijeenkomst)
    controleer_revisie(bijeenkomst, revisie, f"de bijeenkomst „{bijeenkomst.titel}”")
    if bijeenkomst.is_geannuleerd:
        raise ValidationError("Deze bijeenkomst is al geannuleerd.")
    if bijeenkomst.is_voorbij():
        raise ValidationError("Deze bijeenkomst is al voorbij en kan niet meer worden geannuleerd.")
    bijeenkomst.geannuleerd_op = timezone.now()
    bijeenkomst.annuleringsreden = (reden or "").strip()
    bijeenkomst.sequence += 1
    bijeenkomst.revisie += 1
    _bewaar(bijeenkomst, actor)
    _verstuur(bijeenkomst, "annulering", _ontvangers_van_updates(bijeenkomst))
    return bijeenkomst


# --- Invitees -------------------------------------------------------------------------------------


def kandidaten(bijeenkomst: Bijeenkomst) -> QuerySet[Gebruiker]:
    """Who may be invited: the network's members for a network meeting; any active person otherwise."""
    personen = Gebruiker.objects.filter(is_active=True).select_related("organisatie").order_by("naam")
    if bijeenkomst.soort == Bijeenkomst.Soort.NETWERK:
        return personen.filter(lidmaatschappen__netwerk_id=bijeenkomst.netwerk_id)
    return personen


def kandidaat_organisaties(bijeenkomst: Bijeenkomst) -> QuerySet[Organisatie]:
    """Organisations whose contacts may be invited at once: the participants of the network for a
    network meeting; otherwise every organisation that is some network's contact."""
    deelnames = Deelname.objects.filter(organisatie_id=OuterRef("pk"), contactpersoon__isnull=False)
    if bijeenkomst.soort == Bijeenkomst.Soort.NETWERK:
        deelnames = deelnames.filter(netwerk_id=bijeenkomst.netwerk_id)
    return Organisatie.objects.filter(Exists(deelnames)).order_by("naam")


def _contacten(bijeenkomst: Bijeenkomst, organisaties: list[Organisatie]) -> dict[int, Organisatie]:
    """Contact persons of the organisations (person id → organisation); refuses one without."""
    deelnames = Deelname.objects.filter(organisatie__in=organisaties).select_related("contactpersoon")
    if bijeenkomst.soort == Bijeenkomst.Soort.NETWERK:
        deelnames = deelnames.filter(netwerk_id=bijeenkomst.netwerk_id)
    per_organisatie: dict[int, list[int]] = {o.pk: [] for o in organisaties}
    for deelname in deelnames:
        if deelname.contactpersoon_id and deelname.contactpersoon.is_active:
            per_organisatie[deelname.organisatie_id].append(deelname.contactpersoon_id)
    zonder = [str(o) for o in organisaties if not per_organisatie[o.pk]]
    if zonder:
        if bijeenkomst.soort == Bijeenkomst.Soort.NETWERK:
            melding = "Deze organisaties nemen niet deel aan het netwerk of hebben geen contactpersoon: "
        else:
            melding = "Deze organisaties hebben geen contactpersoon: "
        raise ValidationError({"organisaties": melding + ", ".join(zonder) + "."})
    namen = {o.pk: o for o in organisaties}
    return {persoon: namen[org] for org, personen in per_organisatie.items() for persoon in personen}


@transaction.atomic
def nodig_uit(
    bijeenkomst: Bijeenkomst,
    *,
    personen: Iterable[Gebruiker] = (),
    organisaties: Iterable[Organisatie] = (),
    alle_leden: bool = False,
    actor: Gebruiker | None,
) -> list[Genodigde]:
    """Invite persons, the contact persons of organisations, or (network meeting) all members.

    For a network meeting every invitee must be a member of the network: one outsider refuses the
    whole invitation. Persons already invited are skipped. New invitees get an e-mail with the
    `.ics` (METHOD:REQUEST) and their personal response link, unless the meeting is over.
    """
    bijeenkomst = _vergrendel(bijeenkomst)
    if bijeenkomst.is_geannuleerd:
        raise ValidationError("Deze bijeenkomst is geannuleerd; er kan niemand meer worden uitgenodigd.")
    personen, organisaties = list(personen), list(organisaties)
    via: dict[int, Organisatie | None] = {p.pk: None for p in personen}
    for persoon_id, organisatie in _contacten(bijeenkomst, organisaties).items() if organisaties else ():
        via.setdefault(persoon_id, organisatie)
    if alle_leden:
        if bijeenkomst.soort != Bijeenkomst.Soort.NETWERK:
            raise ValidationError("Alleen bij een netwerkbijeenkomst kunt u alle leden uitnodigen.")
        for persoon_id in Lidmaatschap.objects.filter(
            netwerk_id=bijeenkomst.netwerk_id, persoon__is_active=True
        ).values_list("persoon_id", flat=True):
            via.setdefault(persoon_id, None)
    if not via:
        raise ValidationError("Kies wie u wilt uitnodigen.")
    gevonden = {g.pk: g for g in Gebruiker.objects.filter(pk__in=via)}
    inactief = [str(g) for g in gevonden.values() if not g.is_active]
    if inactief:
        raise ValidationError(
            {"personen": "Deze personen hebben geen actief account: " + ", ".join(inactief) + "."}
        )
    if bijeenkomst.soort == Bijeenkomst.Soort.NETWERK:
        leden = set(
            Lidmaatschap.objects.filter(netwerk_id=bijeenkomst.netwerk_id, persoon_id__in=via).values_list(
                "persoon_id", flat=True
            )
        )
        buiten = sorted(str(gevonden[p]) for p in via if p not in leden and p in gevonden)
        if buiten:
            raise ValidationError(
                {
                    "personen": (
                        f"Alleen leden van het netwerk {bijeenkomst.netwerk} kunnen worden uitgenodigd. "
                        f"Geen lid: {', '.join(buiten)}."
                    )
                }
            )
    al = set(bijeenkomst.genodigden.filter(gebruiker_id__in=via).values_list("gebruiker_id", flat=True))
    nieuw = []
    for persoon_id in sorted(set(via) - al):
        genodigde = Genodigde(
            bijeenkomst=bijeenkomst,
            gebruiker=gevonden[persoon_id],
            organisatie=via[persoon_id],
            uitgenodigd_door=actor,
        )
        _bewaar(genodigde, actor)
        nieuw.append(genodigde)
    if not bijeenkomst.is_voorbij():
        _verstuur(bijeenkomst, "uitnodiging", [g.gebruiker_id for g in nieuw])
    return nieuw


@transaction.atomic
def verwijder_genodigde(genodigde: Genodigde, *, actor: Gebruiker | None) -> None:
    """Take an invitation back; the person gets a cancellation of the calendar item."""
    bijeenkomst = _vergrendel(genodigde.bijeenkomst)
    gebruiker_id, kenmerk = genodigde.gebruiker_id, str(genodigde.pk)
    _verwijder(genodigde, actor)
    if not bijeenkomst.is_geannuleerd and not bijeenkomst.is_voorbij():
        _verstuur(bijeenkomst, "afmelding", [gebruiker_id], kenmerk)


@transaction.atomic
def trek_netwerkuitnodigingen_in(netwerk: Netwerk, persoon: Gebruiker, *, actor: Gebruiker | None) -> int:
    """Someone left the network: take back his invitations to its coming meetings (each gets a
    cancellation of the calendar item); returns how many. Past meetings keep him on the list with
    his attendance; he no longer sees them (`visible_to`), nor does his response link work.
    """
    genodigden = list(
        Genodigde.objects.select_for_update(of=("self",))
        .filter(
            gebruiker=persoon,
            bijeenkomst__netwerk=netwerk,
            bijeenkomst__soort=Bijeenkomst.Soort.NETWERK,
            bijeenkomst__einde__gt=timezone.now(),
        )
        .select_related("bijeenkomst")
    )
    for genodigde in genodigden:
        bijeenkomst, kenmerk = genodigde.bijeenkomst, str(genodigde.pk)
        _verwijder(genodigde, actor)
        if not bijeenkomst.is_geannuleerd:
            _verstuur(bijeenkomst, "afmelding", [persoon.pk], kenmerk)
    return len(genodigden)


@transaction.atomic
def beantwoord(genodigde: Genodigde, antwoord: str, *, actor: Gebruiker | None) -> Genodigde:
    """Record an invitee's response (accepteert / onder voorbehoud / afgemeld).

    Refused for a cancelled meeting and for one that is over.
    """
    genodigde = (
        Genodigde.objects.select_for_update(of=("self",)).select_related("bijeenkomst").get(pk=genodigde.pk)
    )
    bijeenkomst = genodigde.bijeenkomst
    if bijeenkomst.is_geannuleerd:
        raise ValidationError("Deze bijeenkomst is geannuleerd. Een antwoord is niet meer nodig.")
    if bijeenkomst.is_voorbij():
        raise ValidationError("Deze bijeenkomst is al voorbij. Antwoorden kan niet meer.")
    if antwoord not in Genodigde.Antwoord.values or antwoord == Genodigde.Antwoord.GEEN:
        raise ValidationError({"antwoord": "Kies: ik kom, onder voorbehoud of ik meld me af."})
    genodigde.antwoord = antwoord
    genodigde.beantwoord_op = timezone.now()
    _bewaar(genodigde, actor)
    return genodigde


def _aanwezigheidsconflict(
    genodigden: list[Genodigde], getoond: dict[int, bool | None]
) -> Bewerkingsconflict:
    """What someone else recorded since the page was shown, and who did it last."""
    laatste = (
        Genodigde.history.filter(id__in=[g.pk for g in genodigden])
        .select_related("history_user")
        .order_by("-history_date")
        .first()
    )
    door = str(laatste.history_user) if laatste is not None and laatste.history_user else ""
    return Bewerkingsconflict(
        onderwerp="de aanwezigheid",
        door=door,
        op=laatste.history_date if laatste is not None else None,
        verschillen=[
            Veldverschil(
                f"Aanwezigheid van {g.gebruiker.naam}",
                _toon_aanwezig(getoond[g.pk]),
                _toon_aanwezig(g.aanwezig),
            )
            for g in genodigden
        ],
    )


def _toon_aanwezig(waarde: bool | None) -> str:
    return {True: "aanwezig", False: "afwezig", None: "onbekend"}[waarde]


@transaction.atomic
def registreer_aanwezigheid(
    bijeenkomst: Bijeenkomst,
    aanwezigheid: dict[int, bool | None],
    *,
    getoond: dict[int, bool | None] | None = None,
    actor: Gebruiker | None,
) -> int:
    """Record who attended (genodigde pk → True/False/None); returns how many rows changed.

    `getoond`: the values the form showed (genodigde pk → value). Given, only the invitees whose
    value the user changed are saved, and if one of those was changed by someone else since
    (stored ≠ shown), `Bewerkingsconflict` is raised and nothing is saved — two people recording
    attendance at once never overwrite each other. Without it, every value given is applied.

    Only once the meeting has begun, never for a cancelled one. The meeting row is locked; one
    query loads the invitees, one save per changed invitee (history per row).
    """
    bijeenkomst = _vergrendel(bijeenkomst)
    if bijeenkomst.is_geannuleerd:
        raise ValidationError("Deze bijeenkomst is geannuleerd; er is geen aanwezigheid te registreren.")
    if bijeenkomst.begin > timezone.now():
        raise ValidationError("De bijeenkomst is nog niet begonnen; registreer de aanwezigheid achteraf.")
    if getoond is not None:
        # An invitee the user did not touch is not his to save (nor a reason to refuse, if he
        # was taken off the list meanwhile).
        aanwezigheid = {pk: waarde for pk, waarde in aanwezigheid.items() if getoond.get(pk) != waarde}
    genodigden = {
        g.pk: g for g in bijeenkomst.genodigden.filter(pk__in=list(aanwezigheid)).select_related("gebruiker")
    }
    onbekend = set(aanwezigheid) - set(genodigden)
    if onbekend:
        raise ValidationError(
            "Registreer alleen de aanwezigheid van genodigden van deze bijeenkomst. "
            "Is intussen iemand van de lijst gehaald? Open de aanwezigheid dan opnieuw."
        )
    if getoond is not None:
        # The meeting row is locked (above): nobody else can save attendance between this check
        # and the saves below.
        anders = [g for pk, g in genodigden.items() if g.aanwezig != getoond.get(pk)]
        if anders:
            raise _aanwezigheidsconflict(anders, getoond)
    gewijzigd = 0
    for pk, waarde in aanwezigheid.items():
        genodigde = genodigden[pk]
        if genodigde.aanwezig != waarde:
            genodigde.aanwezig = waarde
            _bewaar(genodigde, actor)
            gewijzigd += 1
    return gewijzigd


# --- Minutes and decisions ------------------------------------------------------------------------


def _na_begin(bijeenkomst: Bijeenkomst, wat: str) -> None:
    if bijeenkomst.is_geannuleerd:
        raise ValidationError(f"Deze bijeenkomst is geannuleerd; er zijn geen {wat} vast te leggen.")
    if bijeenkomst.begin > timezone.now():
        raise ValidationError(f"De bijeenkomst is nog niet begonnen; leg de {wat} tijdens of na afloop vast.")


# What the agenda's record says instead of names and minutes (it is shown to every portal user and
# printed in the agenda PDF; the meeting itself only to its invitees and the project team).
VERWIJZING_NAAR_BIJEENKOMST = "Zie de bijeenkomst in het portaal (voor genodigden en het projectteam)."


def _werk_agendaverslag_bij(bijeenkomst: Bijeenkomst, actor: Gebruiker | None) -> None:
    """An expert meeting for a sector agenda keeps the agenda's record of expert meetings linked
    and dated. Never the minutes or the attendees' names: the record is public to every portal
    user once the agenda is adopted, the meeting is not (its page is linked from the record)."""
    if bijeenkomst.soort != Bijeenkomst.Soort.EXPERT or bijeenkomst.agenda_id is None:
        return
    from agenda.services import voeg_expertbijeenkomst_toe

    datum = timezone.localtime(bijeenkomst.begin).date()
    if bijeenkomst.expertbijeenkomst_id is None:
        bijeenkomst.expertbijeenkomst = voeg_expertbijeenkomst_toe(
            bijeenkomst.agenda, datum=datum, deelnemers=VERWIJZING_NAAR_BIJEENKOMST, actor=actor
        )
        return
    verslag = bijeenkomst.expertbijeenkomst
    if verslag.datum != datum:
        verslag.datum = datum
        _bewaar(verslag, actor)


@transaction.atomic
def leg_notulen_vast(
    bijeenkomst: Bijeenkomst, notulen: str, *, revisie: int | None, actor: Gebruiker | None
) -> Bijeenkomst:
    """Record the minutes (after the meeting began). For an expert meeting that serves a sector
    agenda, the agenda's record of the meeting is created or re-dated and linked — without the
    minutes or names (see `_werk_agendaverslag_bij`)."""
    bijeenkomst = _vergrendel(bijeenkomst)
    controleer_revisie(bijeenkomst, revisie, f"de bijeenkomst „{bijeenkomst.titel}”")
    _na_begin(bijeenkomst, "notulen")
    bijeenkomst.notulen = (notulen or "").strip()
    bijeenkomst.notulen_vastgelegd_op = timezone.now()
    bijeenkomst.notulen_vastgelegd_door = actor
    _werk_agendaverslag_bij(bijeenkomst, actor)
    bijeenkomst.revisie += 1
    _bewaar(bijeenkomst, actor)
    return bijeenkomst


def acties_voor_besluit(bijeenkomst: Bijeenkomst, user: Gebruiker) -> QuerySet[Verbeteractie]:
    """Actions a decision of this meeting may update: the network's own plan, as the user sees it."""
    if bijeenkomst.soort != Bijeenkomst.Soort.NETWERK:
        return Verbeteractie.objects.none()
    return (
        Verbeteractie.objects.visible_to(user)
        .filter(actieplan__netwerk_id=bijeenkomst.netwerk_id)
        .select_related("thema", "eigenaar")
        .order_by("thema__nummer", "titel")
    )


def _beschrijf(actie: Verbeteractie, oud: dict[str, Any], velden: Iterable[str]) -> str:
    """Old → new of the fields a decision changed, in words (for the action's timeline)."""
    delen = []
    for naam in velden:
        model_veld = actie._meta.get_field(naam)
        voor = toon_waarde(actie, naam, oud[naam])
        na = toon_waarde(actie, naam, getattr(actie, model_veld.attname))
        if voor != na:
            delen.append(f"{model_veld.verbose_name}: {voor} → {na}")
    return "; ".join(delen)


@transaction.atomic
def leg_besluit_vast(
    bijeenkomst: Bijeenkomst,
    tekst: str,
    *,
    nieuwe_actie: dict[str, Any] | None = None,
    bij_te_werken_actie: tuple[Verbeteractie, dict[str, Any], int | None] | None = None,
    actor: Gebruiker | None,
) -> Besluit:
    """Record a decision, and in the same step create an action in the network's plan
    (`nieuwe_actie`: titel, thema, eigenaar, einddatum, ... as `voeg_actie_toe` takes them) or update
    one of its actions (`bij_te_werken_actie`: (actie, {status, eigenaar, einddatum, ...}, revisie)).

    Actions only for network meetings, only in that network's own plan and only by someone who may
    change that network (`change_netwerk`; `PermissionDenied` otherwise). The action's rules and
    its optimistic lock apply: a stale revision raises `Bewerkingsconflict` and nothing is saved.
    """
    if nieuwe_actie is not None and bij_te_werken_actie is not None:
        raise ValidationError("Een besluit maakt één nieuwe actie óf werkt één actie bij, niet allebei.")
    bijeenkomst = _vergrendel(bijeenkomst)
    _na_begin(bijeenkomst, "besluiten")
    tekst = (tekst or "").strip()
    if not tekst:
        raise ValidationError({"tekst": "Beschrijf het besluit."})
    volgnummer = (bijeenkomst.besluiten.aggregate(hoogste=Max("volgnummer"))["hoogste"] or 0) + 1
    besluit = Besluit(bijeenkomst=bijeenkomst, volgnummer=volgnummer, tekst=tekst, vastgelegd_door=actor)
    if (nieuwe_actie is not None or bij_te_werken_actie is not None) and (
        bijeenkomst.soort != Bijeenkomst.Soort.NETWERK
    ):
        raise ValidationError(
            "Alleen een besluit van een netwerkbijeenkomst maakt of wijzigt een verbeteractie."
        )
    if (
        (nieuwe_actie is not None or bij_te_werken_actie is not None)
        and actor is not None
        and not heeft_recht(actor, "change_netwerk", bijeenkomst.netwerk)
    ):
        # Whoever may manage the meeting: an action in the plan is still the network's own (§4).
        raise PermissionDenied("U mag het actieplan van dit netwerk niet wijzigen.")
    datum = f"{timezone.localtime(bijeenkomst.begin):%d-%m-%Y}"
    if nieuwe_actie is not None:
        velden = dict(nieuwe_actie)
        if not velden.get("omschrijving"):
            velden["omschrijving"] = f"Besluit {volgnummer} van „{bijeenkomst.titel}” ({datum}): {tekst}"
        plan = actieplan_services.zorg_voor_actieplan(bijeenkomst.netwerk, actor=actor)
        besluit.verbeteractie = actieplan_services.voeg_actie_toe(plan, actor=actor, **velden)
        besluit.gevolg = Besluit.Gevolg.NIEUW
        besluit.wijziging = f"Actie „{besluit.verbeteractie.titel}” aangemaakt."
        if besluit.verbeteractie.tlp == TLP.RED:
            besluit.wijziging = "Vertrouwelijke actie aangemaakt."
    elif bij_te_werken_actie is not None:
        actie, velden, revisie = bij_te_werken_actie
        if set(velden) - BESLUIT_ACTIEVELDEN:
            raise ValidationError(
                "Een besluit wijzigt alleen status, voortgang, eigenaar, organisatie of einddatum."
            )
        if not velden:
            raise ValidationError("Kies wat het besluit aan de actie verandert.")
        zichtbaar = Verbeteractie.objects.filter(actieplan__netwerk_id=bijeenkomst.netwerk_id)
        if actor is not None:
            zichtbaar = zichtbaar & Verbeteractie.objects.visible_to(actor)
        if not zichtbaar.filter(pk=actie.pk).exists():
            raise ValidationError({"verbeteractie": "Kies een actie uit het actieplan van dit netwerk."})
        vooraf = Verbeteractie.objects.get(pk=actie.pk)
        oud = {naam: getattr(vooraf, vooraf._meta.get_field(naam).attname) for naam in velden}
        besluit.verbeteractie = actieplan_services.wijzig_actie(actie, revisie=revisie, actor=actor, **velden)
        besluit.gevolg = Besluit.Gevolg.BIJGEWERKT
        besluit.wijziging = _beschrijf(besluit.verbeteractie, oud, velden) or "Geen velden veranderd."
        if besluit.verbeteractie.tlp == TLP.RED:
            # Everyone who sees the meeting reads its decisions; a RED action's details stay out.
            besluit.wijziging = "Vertrouwelijke actie bijgewerkt."
    _bewaar(besluit, actor)
    return besluit


# --- Agenda points --------------------------------------------------------------------------------


def _controleer_agendapunt(agendapunt: Agendapunt, actor: Gebruiker | None) -> None:
    fouten: dict[str, str] = {}
    if not agendapunt.titel.strip():
        fouten["titel"] = "Geef het agendapunt een titel."
    actie = agendapunt.verbeteractie
    if actie is not None:
        bijeenkomst = agendapunt.bijeenkomst
        if actie.tlp == TLP.RED:
            fouten["verbeteractie"] = "Een vertrouwelijke actie (TLP:RED) kan niet op de agenda."
        elif (
            bijeenkomst.soort == Bijeenkomst.Soort.NETWERK
            and actie.actieplan.netwerk_id != bijeenkomst.netwerk_id
        ):
            fouten["verbeteractie"] = "Kies een actie uit het actieplan van dit netwerk."
        elif actor is not None and not Verbeteractie.objects.visible_to(actor).filter(pk=actie.pk).exists():
            fouten["verbeteractie"] = "Kies een actie die u kunt zien."
    item = agendapunt.menukaartitem
    if item is not None and (
        item.status != item.Status.GEPUBLICEERD or item.tlp not in item.TLP_VOOR_IEDEREEN
    ):
        # Every invitee reads the agenda: only items every portal user may read belong on it.
        fouten["menukaartitem"] = "Kies een gepubliceerd menukaartitem dat iedereen in het portaal mag lezen."
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def voeg_agendapunt_toe(
    bijeenkomst: Bijeenkomst,
    *,
    titel: str,
    toelichting: str = "",
    afspraak: Samenwerkingsafspraak | None = None,
    verbeteractie: Verbeteractie | None = None,
    menukaartitem: MenukaartItem | None = None,
    actor: Gebruiker | None,
) -> Agendapunt:
    """Add a point at the end of the agenda."""
    bijeenkomst = _vergrendel(bijeenkomst)
    if bijeenkomst.is_geannuleerd:
        raise ValidationError("Deze bijeenkomst is geannuleerd.")
    volgorde = (bijeenkomst.agendapunten.aggregate(hoogste=Max("volgorde"))["hoogste"] or 0) + 1
    agendapunt = Agendapunt(
        bijeenkomst=bijeenkomst,
        volgorde=volgorde,
        titel=(titel or "").strip(),
        toelichting=(toelichting or "").strip(),
        afspraak=afspraak,
        verbeteractie=verbeteractie,
        menukaartitem=menukaartitem,
    )
    _controleer_agendapunt(agendapunt, actor)
    _bewaar(agendapunt, actor)
    return agendapunt


@transaction.atomic
def wijzig_agendapunt(agendapunt: Agendapunt, *, actor: Gebruiker | None, **velden: Any) -> Agendapunt:
    if set(velden) - set(AGENDAPUNTVELDEN):
        raise ValidationError("Onbekende velden.")
    agendapunt = (
        Agendapunt.objects.select_for_update(of=("self",)).select_related("bijeenkomst").get(pk=agendapunt.pk)
    )
    for veld, waarde in velden.items():
        setattr(agendapunt, veld, waarde.strip() if isinstance(waarde, str) else waarde)
    _controleer_agendapunt(agendapunt, actor)
    _bewaar(agendapunt, actor)
    return agendapunt


@transaction.atomic
def verplaats_agendapunt(agendapunt: Agendapunt, richting: str, *, actor: Gebruiker | None) -> None:
    """Swap a point with its neighbour above ("omhoog") or below ("omlaag"); at the edge: nothing."""
    if richting not in ("omhoog", "omlaag"):
        raise ValidationError("Kies omhoog of omlaag.")
    bijeenkomst = _vergrendel(agendapunt.bijeenkomst)
    punten = list(bijeenkomst.agendapunten.order_by("volgorde", "pk"))
    index = next(i for i, p in enumerate(punten) if p.pk == agendapunt.pk)
    buur = index - 1 if richting == "omhoog" else index + 1
    if not 0 <= buur < len(punten):
        return
    punten[index], punten[buur] = punten[buur], punten[index]
    for volgorde, punt in enumerate(punten, start=1):
        if punt.volgorde != volgorde:
            punt.volgorde = volgorde
            _bewaar(punt, actor)


@transaction.atomic
def verwijder_agendapunt(agendapunt: Agendapunt, *, actor: Gebruiker | None) -> None:
    _vergrendel(agendapunt.bijeenkomst)
    _verwijder(agendapunt, actor)


# --- Calendar feed and links without login --------------------------------------------------------


@transaction.atomic
def agendafeed_voor(gebruiker: Gebruiker, *, actor: Gebruiker | None) -> Agendafeed:
    """The person's feed, created on first use."""
    feed = Agendafeed.objects.select_for_update().filter(gebruiker=gebruiker).first()
    if feed is None:
        try:
            with transaction.atomic():
                feed = Agendafeed(gebruiker=gebruiker)
                _bewaar(feed, actor)
        except IntegrityError:  # a parallel first request created it: use that one
            feed = Agendafeed.objects.select_for_update().get(gebruiker=gebruiker)
    return feed


@transaction.atomic
def vernieuw_agendafeed(gebruiker: Gebruiker, *, actor: Gebruiker | None) -> Agendafeed:
    """Issue a new secret address; the old one answers 404 from now on."""
    feed = agendafeed_voor(gebruiker, actor=actor)
    feed.token = nieuw_token()
    feed.vernieuwd_op = timezone.now()
    _bewaar(feed, actor)
    return feed


@transaction.atomic
def stop_agendafeed(gebruiker: Gebruiker, *, actor: Gebruiker | None) -> None:
    """Switch the feed off: its address answers 404 until the person asks for a new one."""
    feed = Agendafeed.objects.select_for_update().filter(gebruiker=gebruiker).first()
    if feed is not None:
        _verwijder(feed, actor)


def zoek_genodigde(token: str) -> Genodigde | None:
    """The invitation behind a response link, or None for an unknown token — and None when the
    invitee may no longer see the meeting (e.g. he left the network of a network meeting): the
    link then answers like one that never existed.

    One query; for a network meeting a few more for the invitee's visibility (`visible_to`).
    """
    if not token:
        return None
    genodigde = (
        Genodigde.objects.select_related("bijeenkomst__netwerk", "gebruiker")
        .filter(token=token, gebruiker__is_active=True)
        .first()
    )
    if genodigde is None:
        return None
    if genodigde.bijeenkomst.soort == Bijeenkomst.Soort.NETWERK and not (
        Bijeenkomst.objects.visible_to(genodigde.gebruiker).filter(pk=genodigde.bijeenkomst_id).exists()
    ):
        return None
    return genodigde


def zoek_agendafeed(token: str) -> Agendafeed | None:
    """The feed behind a feed address (one query), or None when unknown, renewed or stopped."""
    if not token:
        return None
    return (
        Agendafeed.objects.select_related("gebruiker").filter(token=token, gebruiker__is_active=True).first()
    )


def mijn_bijeenkomsten(gebruiker: Gebruiker) -> QuerySet[Bijeenkomst]:
    """The meetings of the person's calendar feed: those he may see and is invited to, organises,
    or that belong to a network he is a member of (the project team sees all meetings, but its
    calendar holds only its own)."""
    lid = Lidmaatschap.objects.filter(netwerk_id=OuterRef("netwerk_id"), persoon_id=gebruiker.pk)
    genodigd = Genodigde.objects.filter(bijeenkomst_id=OuterRef("pk"), gebruiker_id=gebruiker.pk)
    return Bijeenkomst.objects.visible_to(gebruiker).filter(
        Q(Exists(genodigd)) | Q(Exists(lid)) | Q(georganiseerd_door_id=gebruiker.pk)
    )
