"""Writes on assessments, plans, actions, progress and consent.

One function per write: atomic, with the acting user in history, refusing bad input with a Dutch
`ValidationError` and leaving nothing changed. Edits carry the revision the editor started from;
a save on top of someone else's newer save raises `Bewerkingsconflict` (no lost update, §8).
A material change after submission reopens consent and records why (§3).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from agenda.models import Agenda, Samenwerkingsafspraak
from continuiteit.conflict import controleer_revisie
from continuiteit.historie import bewaar as _bewaar
from continuiteit.historie import verwijder as _verwijder
from continuiteit.opmaak import euro
from netwerken.models import Deelname, Lidmaatschap, Netwerk

from .models import (
    TLP,
    Actieplan,
    Beoordeling,
    Instemming,
    Mijlpaal,
    PlanVersie,
    Verbeteractie,
    Voortgangsupdate,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from netwerken.models import Gebruiker, Organisatie


# --- Plans ----------------------------------------------------------------------------------------


@transaction.atomic
def zorg_voor_actieplan(netwerk: Netwerk, *, actor: Gebruiker | None) -> Actieplan:
    """The network's one plan, created on first use."""
    plan = Actieplan.objects.filter(netwerk=netwerk).first()
    if plan is None:
        # The national network's plan is the national action plan (§3).
        plan = Actieplan(netwerk=netwerk, titel=f"Actieplan {netwerk.naam}", landelijk=netwerk.landelijk)
        _bewaar(plan, actor)
    return plan


def _vergrendel_plan(plan: Actieplan) -> Actieplan:
    return Actieplan.objects.select_for_update(of=("self",)).select_related("netwerk").get(pk=plan.pk)


IN_INSTEMMING_OF_LATER = (
    Actieplan.Status.TER_INSTEMMING,
    Actieplan.Status.VASTGESTELD,
    Actieplan.Status.IN_UITVOERING,
    Actieplan.Status.AFGEROND,
)


def momentopname(plan: Actieplan) -> dict:
    """The material content of a plan: what organisations consent to (frozen at submission)."""
    acties = plan.acties.select_related("eigenaar", "organisatie").order_by("pk")
    return {
        "acties": [
            {
                "id": a.pk,
                "titel": a.titel,
                "eigenaar": str(a.eigenaar or ""),
                "organisatie": str(a.organisatie or ""),
                "einddatum": a.einddatum.isoformat() if a.einddatum else None,
                "kostenraming": str(a.kostenraming) if a.kostenraming is not None else None,
                "aandelen": {veld: str(getattr(a, veld)) for veld in Verbeteractie.AANDELEN},
                "uit_bestaande_capaciteit": a.uit_bestaande_capaciteit,
            }
            for a in acties
        ]
    }


def _bevries(plan: Actieplan, *, actor: Gebruiker | None, reden: str) -> None:
    plan.versie += 1
    plan.status = Actieplan.Status.TER_INSTEMMING
    plan.ingediend_op, plan.ingediend_door = timezone.now(), actor
    plan.vastgesteld_op = None
    plan.heropend_om = reden
    plan.revisie += 1
    _bewaar(plan, actor)
    PlanVersie.objects.create(
        actieplan=plan, versie=plan.versie, ingediend_door=actor, inhoud=momentopname(plan), reden=reden
    )


def _wezenlijke_wijziging(plan: Actieplan, reden: str, actor: Gebruiker | None) -> None:
    """After submission a material change freezes a new version and reopens consent."""
    if plan.status in IN_INSTEMMING_OF_LATER:
        _bevries(plan, actor=actor, reden=reden)


@transaction.atomic
def dien_in(plan: Actieplan, *, actor: Gebruiker | None) -> Actieplan:
    """Submit for consent: at least one action, each with an owner and a due date."""
    plan = _vergrendel_plan(plan)
    if plan.status != Actieplan.Status.CONCEPT:
        raise ValidationError(
            f"Het plan is al {plan.get_status_display()}; indienen kan alleen vanuit concept."
        )
    acties = list(plan.acties.all())
    if not acties:
        raise ValidationError("Een actieplan zonder verbeteracties kan niet worden ingediend.")
    onvolledig = [a.titel for a in acties if a.eigenaar_id is None or a.einddatum is None]
    if onvolledig:
        raise ValidationError(
            "Elke actie heeft een eigenaar en een einddatum nodig. Nog niet compleet: "
            + "; ".join(onvolledig)
            + "."
        )
    _bevries(plan, actor=actor, reden="")
    return plan


def deelnemers_voor_instemming(plan: Actieplan) -> list[Deelname]:
    return list(
        plan.netwerk.deelnames.select_related("organisatie", "contactpersoon").order_by("organisatie__naam")
    )


@transaction.atomic
def spreek_uit(
    plan: Actieplan,
    *,
    organisatie: Organisatie,
    besluit: str,
    reden: str = "",
    actor: Gebruiker,
) -> Instemming:
    """An organisation consents to or objects against the current version.

    Only its contact person, or a coordinator on its behalf (recorded as such), may do so. When
    every participating organisation consented to this version, the plan is vastgesteld.
    """
    plan = _vergrendel_plan(plan)
    if plan.status != Actieplan.Status.TER_INSTEMMING:
        raise ValidationError("Instemmen kan alleen als het plan ter instemming ligt.")
    deelname = plan.netwerk.deelnames.filter(organisatie=organisatie).first()
    if deelname is None:
        raise ValidationError(f"{organisatie} neemt niet deel aan dit netwerk.")
    is_contact = deelname.contactpersoon_id == actor.pk
    is_coordinator = Lidmaatschap.objects.filter(
        netwerk=plan.netwerk, persoon=actor, rol=Lidmaatschap.Rol.COORDINATOR
    ).exists()
    if not (is_contact or is_coordinator):
        raise ValidationError(
            f"Alleen de contactpersoon van {organisatie} of een coördinator namens hen kan instemmen."
        )
    if besluit not in Instemming.Besluit.values:
        raise ValidationError("Kies: instemmen of bezwaar maken.")
    if besluit == Instemming.Besluit.BEZWAAR and not reden.strip():
        raise ValidationError("Geef de reden van het bezwaar.")
    if plan.instemmingen.filter(versie=plan.versie, organisatie=organisatie).exists():
        raise ValidationError(f"{organisatie} heeft zich al over versie {plan.versie} uitgesproken.")
    instemming = Instemming(
        actieplan=plan,
        versie=plan.versie,
        organisatie=organisatie,
        besluit=besluit,
        reden=reden.strip(),
        door=actor,
        namens=not is_contact,
    )
    _bewaar(instemming, actor)
    deelnemend = set(plan.netwerk.deelnames.values_list("organisatie_id", flat=True))
    ingestemd = set(
        plan.instemmingen.filter(versie=plan.versie, besluit=Instemming.Besluit.INSTEMMING).values_list(
            "organisatie_id", flat=True
        )
    )
    if deelnemend <= ingestemd:
        plan.status, plan.vastgesteld_op = Actieplan.Status.VASTGESTELD, timezone.now()
        plan.revisie += 1
        _bewaar(plan, actor)
    return instemming


def instemmingsstand(plan: Actieplan) -> list[dict]:
    """Per participating organisation: its decision on the current version, if any (two queries)."""
    besluiten = {
        i.organisatie_id: i for i in plan.instemmingen.filter(versie=plan.versie).select_related("door")
    }
    return [
        {"deelname": d, "instemming": besluiten.get(d.organisatie_id)}
        for d in deelnemers_voor_instemming(plan)
    ]


@transaction.atomic
def wijzig_plan(plan: Actieplan, *, revisie: int | None, actor: Gebruiker | None, **velden: Any) -> Actieplan:
    plan = _vergrendel_plan(plan)
    controleer_revisie(plan, revisie, "het actieplan")
    toegestaan = {"titel", "toelichting", "tlp"}
    if set(velden) - toegestaan:
        raise ValidationError("Onbekende velden.")
    for veld, waarde in velden.items():
        setattr(plan, veld, waarde)
    plan.full_clean()
    plan.revisie += 1
    _bewaar(plan, actor)
    return plan


# --- Actions --------------------------------------------------------------------------------------


ACTIEVELDEN = {
    "titel",
    "omschrijving",
    "thema",
    "afspraak",
    "organisatie",
    "eigenaar",
    "startdatum",
    "einddatum",
    "status",
    "voortgang",
    "tlp",
    "uit_bestaande_capaciteit",
    "kostenraming",
    "aandeel_bedrijf",
    "aandeel_regio",
    "aandeel_ministerie",
    "aandeel_overig",
    "landelijk_oppakken",
    "landelijke_actie",
}


def _controleer_actie(actie: Verbeteractie) -> None:
    """Rules across fields: dates, owner at a participating organisation, financing adds up."""
    fouten: dict[str, str] = {}
    if actie.startdatum and actie.einddatum and actie.einddatum < actie.startdatum:
        fouten["einddatum"] = "De einddatum ligt voor de startdatum."
    deelnemers = set(actie.actieplan.netwerk.deelnames.values_list("organisatie_id", flat=True))
    if actie.organisatie_id and actie.organisatie_id not in deelnemers:
        fouten["organisatie"] = "Kies een organisatie die aan dit netwerk deelneemt."
    if actie.eigenaar_id:
        if not Lidmaatschap.objects.filter(
            netwerk_id=actie.actieplan.netwerk_id, persoon_id=actie.eigenaar_id
        ).exists():
            fouten["eigenaar"] = "De eigenaar moet lid zijn van het netwerk."
        elif actie.organisatie_id and actie.eigenaar.organisatie_id != actie.organisatie_id:
            fouten["eigenaar"] = "De eigenaar werkt niet bij de verantwoordelijke organisatie."
    totaal = actie.financiering_totaal
    if actie.uit_bestaande_capaciteit:
        if (actie.kostenraming or Decimal(0)) != 0 or totaal != 0:
            fouten["kostenraming"] = (
                "Bij 'uit bestaande capaciteit' horen geen kostenraming en geen aandelen."
            )
    elif actie.kostenraming is not None and totaal != actie.kostenraming:
        fouten["kostenraming"] = (
            f"De aandelen ({euro(totaal)}) tellen niet op tot de kostenraming ({euro(actie.kostenraming)})."
        )
    elif actie.kostenraming is None and totaal != 0:
        fouten["kostenraming"] = "Vul de kostenraming in waar de aandelen samen op uitkomen."
    if any(getattr(actie, veld) < 0 for veld in Verbeteractie.AANDELEN) or (actie.kostenraming or 0) < 0:
        fouten["kostenraming"] = "Bedragen zijn niet negatief."
    if actie.landelijke_actie_id:
        if not actie.landelijk_oppakken:
            fouten["landelijke_actie"] = (
                "Koppel alleen een landelijke actie als de actie landelijk wordt opgepakt."
            )
        elif not actie.landelijke_actie.actieplan.landelijk:
            fouten["landelijke_actie"] = "Kies een actie uit het nationale actieplan."
    if fouten:
        raise ValidationError(fouten)


def _zet_ontvangers(
    actie: Verbeteractie, ontvangers: Iterable[Gebruiker] | None, actor: Gebruiker | None
) -> None:
    """The named recipients of a TLP:RED action: members of the network (§4).

    `None` keeps the current recipients. At RED the editor is always one of them, so saving
    never hides the action from the person who just saved it.
    """
    if ontvangers is None and actie.tlp != TLP.RED:
        return
    huidig = set(actie.tlp_ontvangers.values_list("pk", flat=True))
    gewenst = huidig if ontvangers is None else {persoon.pk for persoon in ontvangers}
    if actie.tlp == TLP.RED and actor is not None:
        gewenst = gewenst | {actor.pk}
    leden = set(
        Lidmaatschap.objects.filter(
            netwerk_id=actie.actieplan.netwerk_id, persoon_id__in=gewenst
        ).values_list("persoon_id", flat=True)
    )
    if gewenst - leden - ({actor.pk} if actor is not None else set()):
        raise ValidationError({"tlp_ontvangers": "Ontvangers moeten lid zijn van het netwerk."})
    if actie.tlp == TLP.RED and not gewenst:
        raise ValidationError({"tlp_ontvangers": "Kies bij TLP:RED wie de actie mag zien."})
    if gewenst != huidig:
        actie.tlp_ontvangers.set(gewenst)


def _noem(actie: Verbeteractie) -> str:
    """How a reason text names an action: a TLP:RED title stays out of texts others can read."""
    return "Een vertrouwelijke actie" if actie.tlp == TLP.RED else f"Actie „{actie.titel}”"


def _beschrijf_wezenlijk(actie: Verbeteractie, oud: dict[str, Any]) -> str:
    velden = [
        str(actie._meta.get_field(naam).verbose_name)
        for naam in Verbeteractie.WEZENLIJKE_VELDEN
        if oud[naam] != getattr(actie, actie._meta.get_field(naam).attname)
    ]
    return f"{_noem(actie)}: {', '.join(velden)} gewijzigd." if velden else ""


@transaction.atomic
def voeg_actie_toe(
    plan: Actieplan,
    *,
    actor: Gebruiker | None,
    tlp_ontvangers: Iterable[Gebruiker] | None = None,
    **velden: Any,
) -> Verbeteractie:
    plan = _vergrendel_plan(plan)
    if set(velden) - ACTIEVELDEN:
        raise ValidationError("Onbekende velden.")
    actie = Verbeteractie(actieplan=plan, **velden)
    actie.full_clean(exclude=["actieplan"])
    _controleer_actie(actie)
    _bewaar(actie, actor)
    _zet_ontvangers(actie, tlp_ontvangers, actor)
    _wezenlijke_wijziging(plan, f"{_noem(actie)} toegevoegd.", actor)
    return actie


@transaction.atomic
def wijzig_actie(
    actie: Verbeteractie,
    *,
    revisie: int | None,
    actor: Gebruiker | None,
    tlp_ontvangers: Iterable[Gebruiker] | None = None,
    **velden: Any,
) -> Verbeteractie:
    """Change fields of an action (also inline); `revisie` is what the editor started from."""
    if set(velden) - ACTIEVELDEN:
        raise ValidationError("Onbekende velden.")
    actie = (
        Verbeteractie.objects.select_for_update(of=("self",))
        .select_related("actieplan__netwerk")
        .get(pk=actie.pk)
    )
    controleer_revisie(actie, revisie, f"de actie „{actie.titel}”")
    oud = {
        naam: getattr(actie, actie._meta.get_field(naam).attname) for naam in Verbeteractie.WEZENLIJKE_VELDEN
    }
    for veld, waarde in velden.items():
        setattr(actie, veld, waarde)
    actie.full_clean(exclude=["actieplan"])
    _controleer_actie(actie)
    actie.revisie += 1
    _bewaar(actie, actor)
    _zet_ontvangers(actie, tlp_ontvangers, actor)
    if reden := _beschrijf_wezenlijk(actie, oud):
        _wezenlijke_wijziging(_vergrendel_plan(actie.actieplan), reden, actor)
    return actie


@transaction.atomic
def verwijder_actie(actie: Verbeteractie, *, revisie: int | None, actor: Gebruiker | None) -> None:
    actie = Verbeteractie.objects.select_for_update(of=("self",)).select_related("actieplan").get(pk=actie.pk)
    controleer_revisie(actie, revisie, f"de actie „{actie.titel}”")
    plan, naam = actie.actieplan, _noem(actie)
    _verwijder(actie, actor)
    _wezenlijke_wijziging(_vergrendel_plan(plan), f"{naam} verwijderd.", actor)


@transaction.atomic
def registreer_voortgang(
    actie: Verbeteractie,
    *,
    status: str,
    voortgang: int,
    notitie: str = "",
    datum: datetime.date | None = None,
    revisie: int | None = None,
    actor: Gebruiker | None,
) -> Voortgangsupdate:
    """A progress entry on the timeline; it also sets the action's status and percentage."""
    if status not in Verbeteractie.Status.values:
        raise ValidationError({"status": "Kies een geldige status."})
    if not 0 <= int(voortgang) <= 100:
        raise ValidationError({"voortgang": "De voortgang ligt tussen 0 en 100%."})
    datum = datum or timezone.localdate()
    if datum > timezone.localdate():
        raise ValidationError({"datum": "Een voortgangsupdate ligt niet in de toekomst."})
    actie = wijzig_actie(actie, revisie=revisie, actor=actor, status=status, voortgang=int(voortgang))
    update = Voortgangsupdate(
        actie=actie, datum=datum, status=status, voortgang=int(voortgang), notitie=notitie.strip(), door=actor
    )
    _bewaar(update, actor)
    return update


@transaction.atomic
def voeg_mijlpaal_toe(
    actie: Verbeteractie, *, datum: datetime.date, omschrijving: str, actor: Gebruiker | None
) -> Mijlpaal:
    if not omschrijving.strip():
        raise ValidationError({"omschrijving": "Beschrijf de mijlpaal."})
    mijlpaal = Mijlpaal(actie=actie, datum=datum, omschrijving=omschrijving.strip())
    _bewaar(mijlpaal, actor)
    return mijlpaal


@transaction.atomic
def zet_mijlpaal(mijlpaal: Mijlpaal, *, gereed: bool, actor: Gebruiker | None) -> Mijlpaal:
    mijlpaal.gereed = gereed
    _bewaar(mijlpaal, actor)
    return mijlpaal


# --- Toetsing -------------------------------------------------------------------------------------


def huidige_agendas(netwerk: Netwerk) -> list[Agenda]:
    """The current adopted agenda of each of the network's sectors (one query)."""
    return list(
        Agenda.objects.filter(huidig=True, sector__in=netwerk.sectoren.all())
        .select_related("sector")
        .order_by("sector__volgorde")
    )


@transaction.atomic
def beoordeel(
    netwerk: Netwerk,
    afspraak: Samenwerkingsafspraak,
    *,
    status: str,
    toelichting: str,
    actor: Gebruiker | None,
) -> Beoordeling:
    """Assess an agreement of a current agenda of one of the network's sectors."""
    # Read again: the caller's object may predate the adoption of a newer agenda version.
    afspraak = Samenwerkingsafspraak.objects.select_related("agenda").get(pk=afspraak.pk)
    if not afspraak.agenda.huidig or not netwerk.sectoren.filter(pk=afspraak.agenda.sector_id).exists():
        raise ValidationError(
            "Beoordeel alleen afspraken uit de huidige agenda van de sectoren van dit netwerk."
        )
    if status not in Beoordeling.Status.values:
        raise ValidationError({"status": "Kies geregeld, deels, open of niet relevant."})
    if (
        status in (Beoordeling.Status.DEELS, Beoordeling.Status.OPEN, Beoordeling.Status.NIET_RELEVANT)
        and not toelichting.strip()
    ):
        raise ValidationError({"toelichting": "Licht deze beoordeling toe."})
    beoordeling = (
        Beoordeling.objects.select_for_update().filter(netwerk=netwerk, sleutel=afspraak.sleutel).first()
    )
    if beoordeling is None:
        beoordeling = Beoordeling(netwerk=netwerk, sleutel=afspraak.sleutel)
    beoordeling.afspraak, beoordeling.status, beoordeling.toelichting = afspraak, status, toelichting.strip()
    beoordeling.beoordeeld_door, beoordeling.beoordeeld_op = actor, timezone.now()
    _bewaar(beoordeling, actor)
    return beoordeling


@transaction.atomic
def maak_acties_uit_beoordelingen(
    netwerk: Netwerk, beoordelingen: Iterable[Beoordeling], *, actor: Gebruiker | None
) -> list[Verbeteractie]:
    """Turn open/partial assessments into actions, linked back to the agreement; skips done ones."""
    plan = zorg_voor_actieplan(netwerk, actor=actor)
    nieuw = []
    for beoordeling in beoordelingen:
        if beoordeling.netwerk_id != netwerk.pk or not beoordeling.vraagt_actie:
            continue
        if beoordeling.acties.exists():
            continue
        afspraak = beoordeling.afspraak
        actie = Verbeteractie(
            actieplan=plan,
            titel=afspraak.titel[:200],
            omschrijving=beoordeling.toelichting,
            thema_id=afspraak.thema_id,
            afspraak=afspraak,
            beoordeling=beoordeling,
        )
        _bewaar(actie, actor)
        nieuw.append(actie)
    if nieuw:
        titels = ", ".join(f"„{a.titel}”" for a in nieuw)
        _wezenlijke_wijziging(_vergrendel_plan(plan), f"Acties toegevoegd uit de toetsing: {titels}.", actor)
    return nieuw


@dataclass
class Toetsingsstand:
    agendas: list[Agenda]
    afspraken: list[Samenwerkingsafspraak]  # current items, each with `.beoordeling` (or None)
    beoordeeld: int
    totaal: int
    nieuw: list[Samenwerkingsafspraak]  # in the current version, not assessed yet though others were
    vervallen: list[Beoordeling]  # assessed items no longer in the current agenda
    verplaatst: list[tuple[Samenwerkingsafspraak, int, int]]  # (item, rank assessed, rank now)


def toetsingsstand(netwerk: Netwerk) -> Toetsingsstand:
    """Where the network's self-assessment stands against the current agendas (four queries)."""
    agendas = huidige_agendas(netwerk)
    afspraken = list(
        Samenwerkingsafspraak.objects.filter(agenda__in=agendas)
        .select_related("thema", "agenda__sector")
        .order_by("agenda__sector__volgorde", "thema__nummer", "rang")
    )
    beoordelingen = {
        b.sleutel: b
        for b in Beoordeling.objects.filter(netwerk=netwerk).select_related(
            "afspraak__agenda__sector", "afspraak__thema", "beoordeeld_door"
        )
    }
    huidige_sleutels = {a.sleutel for a in afspraken}
    verplaatst = []
    for afspraak in afspraken:
        afspraak.beoordeling = beoordelingen.get(afspraak.sleutel)
        b = afspraak.beoordeling
        if b is not None and b.afspraak_id != afspraak.pk and b.afspraak.rang != afspraak.rang:
            verplaatst.append((afspraak, b.afspraak.rang, afspraak.rang))
    heeft_eerder_beoordeeld = bool(beoordelingen)
    return Toetsingsstand(
        agendas=agendas,
        afspraken=afspraken,
        beoordeeld=sum(1 for a in afspraken if a.beoordeling is not None),
        totaal=len(afspraken),
        nieuw=[a for a in afspraken if a.beoordeling is None] if heeft_eerder_beoordeeld else [],
        vervallen=[b for s, b in beoordelingen.items() if s not in huidige_sleutels],
        verplaatst=verplaatst,
    )


# --- Financing ------------------------------------------------------------------------------------


def financiering(acties: Iterable[Verbeteractie]) -> dict:
    """Totals per party and per theme over the given (already loaded) actions; no queries."""
    per_partij = {veld: Decimal(0) for veld in Verbeteractie.AANDELEN}
    per_thema: dict[str, Decimal] = defaultdict(Decimal)
    raming, bestaande_capaciteit = Decimal(0), 0
    for actie in acties:
        if actie.uit_bestaande_capaciteit:
            bestaande_capaciteit += 1
            continue
        for veld in Verbeteractie.AANDELEN:
            per_partij[veld] += getattr(actie, veld)
        raming += actie.kostenraming or Decimal(0)
        per_thema[str(actie.thema)] += actie.kostenraming or Decimal(0)
    return {
        "per_partij": per_partij,
        "per_thema": dict(sorted(per_thema.items())),
        "totaal": raming,
        "uit_bestaande_capaciteit": bestaande_capaciteit,
    }
