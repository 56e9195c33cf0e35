"""Writes of the monitoring data the project team maintains: lessons learned (leerpunten), the
programme's milestones, the safety regions' programme contributions, and the proposal of a
toetsbijeenkomst group for the national action plan.

One function per write: atomic, keyword-only `actor` recorded in history, Dutch `ValidationError`
on bad input with nothing stored. Edits carry the *version* the editor started from: the id of the
object's newest history row when the page was shown. A save on top of someone else's newer save
raises `Bewerkingsconflict` (no lost update, §8), the same exception the action plans use.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from actieplannen import services as actieplan_services
from actieplannen.models import TLP, Verbeteractie
from agenda.models import Samenwerkingsafspraak
from continuiteit.conflict import Bewerkingsconflict, conflict
from continuiteit.historie import bewaar, verwijder
from netwerken.models import Netwerk, Organisatie

from .models import Leerpunt, Programmabijdrage, Programmamijlpaal

if TYPE_CHECKING:
    from netwerken.models import Gebruiker

STANDAARDBIJDRAGE = Decimal("3700.00")  # per safety region per year, as in the project plan
LANDELIJK_NETWERK = "landelijk"
EERSTE_JAAR = 2015  # the programme started in 2015 (Veiligheidsberaad)


# --- Versions and conflicts -----------------------------------------------------------------------


def met_versie(queryset: models.QuerySet) -> models.QuerySet:
    """Annotate `versie`: the id of each object's newest history row (a subquery, no extra query)."""
    historie = queryset.model.history.model
    return queryset.annotate(
        versie=Subquery(
            historie.objects.filter(id=OuterRef("pk")).order_by("-history_id").values("history_id")[:1]
        )
    )


def versie_van(obj: models.Model) -> str:
    """The version token of one object ("" when it has no history yet)."""
    versie = getattr(obj, "versie", None)
    if versie is None:
        versie = obj.history.order_by("-history_id").values_list("history_id", flat=True).first()
    return "" if versie is None else str(versie)


def controleer_versie(obj: models.Model, versie: str | None, onderwerp: str) -> None:
    """Refuse a save that started from an older version, saying who changed what since.

    `versie` None skips the check (services called by loaders and tests); "" means the editor saw
    the object before it had any history.
    """
    if versie is None:
        return
    laatste = obj.history.select_related("history_user").order_by("-history_id").first()
    huidig = "" if laatste is None else str(laatste.history_id)
    if str(versie) == huidig:
        return
    toen = obj.history.filter(history_id=int(versie)).first() if str(versie).isdigit() else None
    if laatste is not None and laatste.history_type == "-":
        raise ValidationError(f"{onderwerp.capitalize()} is intussen verwijderd.")
    raise conflict(obj, toen, laatste, onderwerp)


def _vergrendel(obj: models.Model) -> models.Model:
    try:
        return type(obj)._default_manager.select_for_update().get(pk=obj.pk)
    except type(obj).DoesNotExist:
        raise ValidationError("Dit gegeven is intussen verwijderd; laad de pagina opnieuw.") from None


def _niet_in_de_toekomst(datum: datetime.date | None, veld: str, tekst: str) -> dict[str, str]:
    if datum is not None and datum > timezone.localdate():
        return {veld: tekst}
    return {}


# --- Leerpunten -----------------------------------------------------------------------------------

LEERPUNTVELDEN = {"titel", "toelichting", "sector", "netwerk", "thema", "datum"}


def _controleer_leerpunt(leerpunt: Leerpunt) -> None:
    fouten: dict[str, str] = {}
    if not leerpunt.titel.strip():
        fouten["titel"] = "Geef het leerpunt een titel."
    fouten |= _niet_in_de_toekomst(leerpunt.datum, "datum", "Een leerpunt ligt niet in de toekomst.")
    if leerpunt.netwerk_id and leerpunt.sector_id:
        if not leerpunt.netwerk.sectoren.filter(pk=leerpunt.sector_id).exists():
            fouten["netwerk"] = f"Het netwerk {leerpunt.netwerk} hoort niet bij de sector {leerpunt.sector}."
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def voeg_leerpunt_toe(*, actor: Gebruiker | None, **velden: Any) -> Leerpunt:
    """A new lesson learned, recorded with the project-team member who wrote it."""
    if set(velden) - LEERPUNTVELDEN:
        raise ValidationError("Onbekende velden.")
    leerpunt = Leerpunt(opgesteld_door=actor, **velden)
    leerpunt.titel = leerpunt.titel.strip()
    leerpunt.full_clean()
    _controleer_leerpunt(leerpunt)
    bewaar(leerpunt, actor)
    return leerpunt


@transaction.atomic
def wijzig_leerpunt(
    leerpunt: Leerpunt, *, versie: str | None, actor: Gebruiker | None, **velden: Any
) -> Leerpunt:
    if set(velden) - LEERPUNTVELDEN:
        raise ValidationError("Onbekende velden.")
    leerpunt = _vergrendel(leerpunt)
    controleer_versie(leerpunt, versie, f"het leerpunt „{leerpunt.titel}”")
    for veld, waarde in velden.items():
        setattr(leerpunt, veld, waarde)
    leerpunt.titel = leerpunt.titel.strip()
    leerpunt.full_clean()
    _controleer_leerpunt(leerpunt)
    bewaar(leerpunt, actor)
    return leerpunt


@transaction.atomic
def verwijder_leerpunt(leerpunt: Leerpunt, *, versie: str | None, actor: Gebruiker | None) -> None:
    """Delete; the history keeps the lesson and who removed it."""
    leerpunt = _vergrendel(leerpunt)
    controleer_versie(leerpunt, versie, f"het leerpunt „{leerpunt.titel}”")
    verwijder(leerpunt, actor)


# --- Programme milestones -------------------------------------------------------------------------


@transaction.atomic
def wijzig_programmamijlpaal(
    mijlpaal: Programmamijlpaal,
    *,
    versie: str | None,
    actor: Gebruiker | None,
    gereed_uiterlijk: datetime.date,
    behaald_op: datetime.date | None,
) -> Programmamijlpaal:
    """The project team moves a milestone's deadline or records when it was reached."""
    mijlpaal = _vergrendel(mijlpaal)
    controleer_versie(mijlpaal, versie, f"de mijlpaal „{mijlpaal.omschrijving}”")
    fouten: dict[str, str] = {}
    if gereed_uiterlijk is None:
        fouten["gereed_uiterlijk"] = "Vul de datum in waarop de mijlpaal uiterlijk gereed moet zijn."
    elif gereed_uiterlijk.year < EERSTE_JAAR:
        fouten["gereed_uiterlijk"] = f"Het programma begon in {EERSTE_JAAR}; kies een latere datum."
    if behaald_op is not None and behaald_op.year < EERSTE_JAAR:
        fouten["behaald_op"] = f"Het programma begon in {EERSTE_JAAR}; kies een latere datum."
    fouten |= _niet_in_de_toekomst(
        behaald_op, "behaald_op", "Een mijlpaal kan niet in de toekomst behaald zijn."
    )
    if fouten:
        raise ValidationError(fouten)
    mijlpaal.gereed_uiterlijk, mijlpaal.behaald_op = gereed_uiterlijk, behaald_op
    bewaar(mijlpaal, actor)
    return mijlpaal


# --- Programme contributions ----------------------------------------------------------------------


def _controleer_jaar(jaar: int) -> None:
    if not EERSTE_JAAR <= int(jaar) <= 2100:
        raise ValidationError({"jaar": f"Kies een jaar tussen {EERSTE_JAAR} en 2100."})


@transaction.atomic
def maak_bijdragen_aan(jaar: int, *, actor: Gebruiker | None) -> list[Programmabijdrage]:
    """A row with the standard contribution for every safety region that has none for `jaar`.

    Existing rows are left alone, so pressing the button twice (or two people at once: the unique
    constraint holds) never doubles a row. One insert for the new rows and one for their history.
    """
    _controleer_jaar(jaar)
    regios = list(Organisatie.objects.veiligheidsregios().filter(actief=True))
    bestaand = set(Programmabijdrage.objects.filter(jaar=jaar).values_list("veiligheidsregio_id", flat=True))
    nieuw = [
        Programmabijdrage(veiligheidsregio=regio, jaar=jaar, bedrag=STANDAARDBIJDRAGE)
        for regio in regios
        if regio.pk not in bestaand
    ]
    if nieuw:
        nieuw = bulk_create_with_history(nieuw, Programmabijdrage, default_user=actor)
    return nieuw


@dataclass
class Bijdragewijziging:
    """What the editor wants for one row, and the version of the row he started from."""

    bijdrage: Programmabijdrage
    versie: str | None
    bedrag: Decimal
    ontvangen_op: datetime.date | None
    toelichting: str = ""


@dataclass
class Bijdrageconflicten(Exception):
    """Rows someone else saved after the editor loaded the table; nothing was saved."""

    conflicten: dict[int, Bewerkingsconflict] = field(default_factory=dict)  # bijdrage pk → conflict

    def __str__(self) -> str:
        return (
            f"{len(self.conflicten)} rij(en) zijn intussen door iemand anders gewijzigd. Er is niets "
            "opgeslagen; bekijk de gemarkeerde rijen en sla opnieuw op."
        )


def _controleer_bijdrage(bijdrage: Programmabijdrage) -> dict[str, str]:
    fouten: dict[str, str] = {}
    if bijdrage.bedrag is None or bijdrage.bedrag < 0:
        fouten["bedrag"] = "Het bedrag is nul of meer."
    elif bijdrage.bedrag >= Decimal("100000000"):
        fouten["bedrag"] = "Het bedrag is te groot."
    if bijdrage.ontvangen_op is not None and bijdrage.ontvangen_op.year < EERSTE_JAAR:
        fouten["ontvangen_op"] = f"Het programma begon in {EERSTE_JAAR}; kies een latere datum."
    fouten |= _niet_in_de_toekomst(
        bijdrage.ontvangen_op, "ontvangen_op", "De ontvangstdatum ligt niet in de toekomst."
    )
    if len(bijdrage.toelichting) > 300:
        fouten["toelichting"] = "De toelichting is hoogstens 300 tekens."
    return fouten


@transaction.atomic
def werk_bijdragen_bij(
    wijzigingen: Iterable[Bijdragewijziging], *, actor: Gebruiker | None
) -> list[Programmabijdrage]:
    """Save the changed rows of the contributions table, all or nothing.

    Rows are locked and their versions checked first: when a row the editor changed was also
    changed by someone else since he loaded it, `Bijdrageconflicten` names those rows and nothing
    is saved. A row he left as he saw it is skipped, so another editor's save of it stands. Invalid
    input raises a `ValidationError` keyed `"<pk>:<field>"`. Rows whose values did not change are
    not written (no empty history rows). Returns the saved rows.
    """
    wijzigingen = list(wijzigingen)
    vergrendeld = (
        Programmabijdrage.objects.select_for_update()
        .select_related("veiligheidsregio")
        .in_bulk([w.bijdrage.pk for w in wijzigingen])
    )
    # The rows as the editor saw them (one query): a row he left as it was is not his change,
    # even when someone else changed it meanwhile.
    gezien = {
        h.history_id: h
        for h in Programmabijdrage.history.filter(
            history_id__in=[int(w.versie) for w in wijzigingen if w.versie and str(w.versie).isdigit()]
        )
    }
    conflicten: dict[int, Bewerkingsconflict] = {}
    fouten: dict[str, str] = {}
    te_bewaren = []
    for wijziging in wijzigingen:
        bijdrage = vergrendeld.get(wijziging.bijdrage.pk)
        if bijdrage is None:
            raise ValidationError("Een rij van de tabel bestaat niet meer; laad de pagina opnieuw.")
        nieuw = {
            "bedrag": wijziging.bedrag,
            "ontvangen_op": wijziging.ontvangen_op,
            "toelichting": (wijziging.toelichting or "").strip(),
        }
        toen = gezien.get(int(wijziging.versie)) if str(wijziging.versie or "").isdigit() else None
        if toen is not None and toen.id == bijdrage.pk:
            if all(getattr(toen, veld) == waarde for veld, waarde in nieuw.items()):
                continue  # untouched on the editor's page
        if all(getattr(bijdrage, veld) == waarde for veld, waarde in nieuw.items()):
            continue  # already so
        try:
            controleer_versie(bijdrage, wijziging.versie, f"de bijdrage van {bijdrage.veiligheidsregio}")
        except Bewerkingsconflict as conflict:
            conflicten[bijdrage.pk] = conflict
            continue
        for veld, waarde in nieuw.items():
            setattr(bijdrage, veld, waarde)
        for veld, tekst in _controleer_bijdrage(bijdrage).items():
            fouten[f"{bijdrage.pk}:{veld}"] = tekst
        te_bewaren.append(bijdrage)
    if conflicten:
        raise Bijdrageconflicten(conflicten)
    if fouten:
        raise ValidationError(fouten)
    for bijdrage in te_bewaren:
        bewaar(bijdrage, actor)
    return te_bewaren


@dataclass(frozen=True)
class Bijdragetotalen:
    aantal: int
    ontvangen: int
    afgesproken_bedrag: Decimal
    ontvangen_bedrag: Decimal

    @property
    def openstaand_bedrag(self) -> Decimal:
        return self.afgesproken_bedrag - self.ontvangen_bedrag

    @property
    def openstaand(self) -> int:
        return self.aantal - self.ontvangen


def bijdragetotalen(bijdragen: Iterable[Programmabijdrage]) -> Bijdragetotalen:
    """Agreed, received and outstanding over already loaded rows (no queries)."""
    bijdragen = list(bijdragen)
    ontvangen = [b for b in bijdragen if b.is_ontvangen]
    return Bijdragetotalen(
        aantal=len(bijdragen),
        ontvangen=len(ontvangen),
        afgesproken_bedrag=sum((b.bedrag for b in bijdragen), Decimal(0)),
        ontvangen_bedrag=sum((b.bedrag for b in ontvangen), Decimal(0)),
    )


# --- Toetsbijeenkomst: a group becomes a proposal for the national action plan --------------------

# Strictness of the TLP labels: the national action is at least as strict as its strictest source.
_TLP_VOLGORDE = [TLP.CLEAR, TLP.GREEN, TLP.AMBER, TLP.AMBER_STRICT]


@dataclass(frozen=True)
class Voorstel:
    landelijke_actie: Verbeteractie
    nieuw: bool  # a new national action was made (else the group was linked to an existing one)
    gekoppeld: list[Verbeteractie]  # regional actions linked by this call
    plan_heropend: bool  # the national plan was submitted: the new action reopened consent


def _nationaal_plan(actor: Gebruiker | None):
    netwerk = Netwerk.objects.filter(slug=LANDELIJK_NETWERK).first()
    if netwerk is None:
        raise ValidationError(
            "Er is geen landelijk netwerk (code „landelijk”) voor het nationale actieplan. "
            "Laad de referentiedata of vraag de beheerder het netwerk aan te maken."
        )
    plan = actieplan_services.zorg_voor_actieplan(netwerk, actor=actor)
    if not plan.landelijk:
        raise ValidationError(
            "Het plan van het landelijk netwerk is niet als nationaal actieplan gemarkeerd."
        )
    return plan


def _gedeeld_agendapunt(acties: Sequence[Verbeteractie]) -> Samenwerkingsafspraak | None:
    """The agenda item most of the actions serve (at least two), in its current version if any."""
    sleutels = Counter(a.afspraak.sleutel for a in acties if a.afspraak_id)
    if not sleutels:
        return None
    sleutel, aantal = min(sleutels.items(), key=lambda x: (-x[1], str(x[0])))
    if aantal < 2:
        return None
    huidig = Samenwerkingsafspraak.objects.filter(sleutel=sleutel, agenda__huidig=True).first()
    return huidig or max(
        (a.afspraak for a in acties if a.afspraak_id and a.afspraak.sleutel == sleutel), key=lambda x: x.pk
    )


@transaction.atomic
def stel_landelijke_actie_voor(
    acties: Sequence[Verbeteractie],
    *,
    revisies: dict[int, int],
    titel: str,
    omschrijving: str,
    actor: Gebruiker | None,
) -> Voorstel:
    """Turn a toetsbijeenkomst group into one action of the national plan and link the group to it.

    Creates the national action through `actieplannen.services.voeg_actie_toe` (the national plan's
    own rules: a submitted plan reopens consent) and links every regional action to it with
    `wijzig_actie(landelijk_oppakken=True, landelijke_actie=...)`, each with the revision the
    project team saw (`revisies`), so a change made meanwhile is a `Bewerkingsconflict` and
    nothing is stored. Idempotent: when actions of the group are already linked to one national
    action, the others are linked to that one and no new action is made.
    """
    ids = sorted({a.pk for a in acties})
    vergrendeld = list(
        Verbeteractie.objects.select_for_update(of=("self",))
        .select_related("actieplan__netwerk", "thema", "afspraak", "landelijke_actie__actieplan")
        .filter(pk__in=ids)
        .order_by("pk")
    )
    if len(vergrendeld) != len(ids):
        raise ValidationError("Een of meer acties van deze groep bestaan niet meer; laad de pagina opnieuw.")
    if any(a.actieplan.landelijk for a in vergrendeld):
        raise ValidationError("Een actie uit het nationale actieplan hoort niet in een voorstel ervoor.")
    if len({a.actieplan.netwerk_id for a in vergrendeld}) < 2:
        raise ValidationError(
            "Een voorstel voor het nationale actieplan bundelt acties uit ten minste twee netwerken."
        )
    bestaand = {a.landelijke_actie_id: a.landelijke_actie for a in vergrendeld if a.landelijke_actie_id}
    plan_heropend = False
    if len(bestaand) > 1:
        raise ValidationError(
            "De acties van deze groep zijn al aan verschillende landelijke acties gekoppeld; "
            "koppel ze per actie op de actiepagina."
        )
    if bestaand:
        [landelijke_actie] = bestaand.values()
        nieuw = False
    else:
        titel = (titel or "").strip()
        if not titel:
            raise ValidationError({"titel": "Geef de landelijke actie een titel."})
        if len(titel) > 200:
            raise ValidationError({"titel": "De titel is hoogstens 200 tekens."})
        plan = _nationaal_plan(actor)
        versie_voor = plan.versie
        strengst = max(
            (a.tlp for a in vergrendeld if a.tlp in _TLP_VOLGORDE),
            key=_TLP_VOLGORDE.index,
            default=TLP.AMBER,
        )
        if _TLP_VOLGORDE.index(strengst) < _TLP_VOLGORDE.index(TLP.AMBER):
            strengst = TLP.AMBER
        themas = Counter(a.thema for a in vergrendeld)
        landelijke_actie = actieplan_services.voeg_actie_toe(
            plan,
            actor=actor,
            titel=titel,
            omschrijving=(omschrijving or "").strip(),
            thema=min(themas, key=lambda t: (-themas[t], t.nummer)),
            afspraak=_gedeeld_agendapunt(vergrendeld),
            tlp=strengst,
        )
        plan.refresh_from_db(fields=["versie"])
        plan_heropend = plan.versie != versie_voor
        nieuw = True
    gekoppeld = []
    for actie in vergrendeld:
        if actie.landelijke_actie_id == landelijke_actie.pk:
            continue
        gekoppeld.append(
            actieplan_services.wijzig_actie(
                actie,
                revisie=revisies.get(actie.pk),
                actor=actor,
                landelijk_oppakken=True,
                landelijke_actie=landelijke_actie,
            )
        )
    return Voorstel(landelijke_actie, nieuw, gekoppeld, plan_heropend)
