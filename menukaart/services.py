"""Writes on the menukaart: one function per write, atomic, with the acting user in history.

Views, the admin, the content loaders and tests all call these. Each refusal is a
`ValidationError` with a Dutch message (or `PermissionDenied`) and leaves nothing changed — an
attachment that is refused leaves no file on disk either.

Who may do what (checked here when an actor is given; `actor=None` is the system, e.g. a loader):
any logged-in member proposes an item and may edit his own proposal until it is published; the
project team (`menukaart.querysets.is_curator`) edits, publishes, archives and marks reviewed, and
answers the loket. Linking an item to an action needs change rights on the action's network.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from agenda.models import Thema
from continuiteit.historie import bewaar as _bewaar
from continuiteit.historie import verwijder as _verwijder
from netwerken.models import Sector
from netwerken.permissions import heeft_recht

from .bestanden import controleer_bijlage, veilige_naam
from .models import ActieKoppeling, Bijlage, Link, LoketVraag, MenukaartItem
from .querysets import is_curator

if TYPE_CHECKING:
    from actieplannen.models import Verbeteractie
    from netwerken.models import Gebruiker

logger = logging.getLogger(__name__)

# The fields of an item a proposer or curator fills in (the rest follows from the workflow).
ITEMVELDEN = {
    "soort",
    "titel",
    "samenvatting",
    "inhoud",
    "organisatie",
    "contact_naam",
    "contact_email",
    "contact_telefoon",
    "tlp",
}


def _eis_curator(actor: Gebruiker | None) -> None:
    if actor is not None and not is_curator(actor):
        raise PermissionDenied("Alleen het projectteam beheert de menukaart.")


def mag_bewerken(item: MenukaartItem, user: Gebruiker) -> bool:
    """The project team edits every item; a proposer his own proposal until it is published."""
    if is_curator(user):
        return True
    return item.is_voorstel and item.voorgesteld_door_id == user.pk


def _vergrendel(item: MenukaartItem) -> MenukaartItem:
    return MenukaartItem.objects.select_for_update().get(pk=item.pk)


def _zet_relaties(
    item: MenukaartItem, themas: Iterable[Thema] | None, sectoren: Iterable[Sector] | None
) -> None:
    # m2m changes are recorded by simple_history's m2m tracking with the item's history user.
    if themas is not None:
        item.themas.set(themas)
    if sectoren is not None:
        item.sectoren.set(sectoren)


def _zet_links(item: MenukaartItem, links: Sequence[tuple[str, str]], actor: Gebruiker | None) -> None:
    """Replace the item's links by `links` [(titel, url)], keeping rows that did not change."""
    bestaand = list(item.links.all())
    gewenst = [(titel.strip(), url.strip()) for titel, url in links]
    for link in bestaand:
        if (link.titel, link.url) not in gewenst:
            _verwijder(link, actor)
    over = {(link.titel, link.url): link for link in bestaand if (link.titel, link.url) in gewenst}
    for volgorde, (titel, url) in enumerate(gewenst):
        link = over.get((titel, url)) or Link(item=item, titel=titel, url=url)
        if link.pk is None or link.volgorde != volgorde:
            link.volgorde = volgorde
            link.full_clean()
            _bewaar(link, actor)


@transaction.atomic
def stel_voor(
    *,
    actor: Gebruiker,
    themas: Iterable[Thema] = (),
    sectoren: Iterable[Sector] = (),
    links: Sequence[tuple[str, str]] = (),
    bijlage: Any = None,
    **velden: Any,
) -> MenukaartItem:
    """A member proposes an item; the project team publishes it (or not)."""
    if set(velden) - ITEMVELDEN:
        raise ValidationError("Onbekende velden.")
    item = MenukaartItem(**velden, status=MenukaartItem.Status.VOORGESTELD, voorgesteld_door=actor)
    item.full_clean()
    _bewaar(item, actor)
    _zet_relaties(item, themas, sectoren)
    _zet_links(item, links, actor)
    if bijlage is not None:
        voeg_bijlage_toe(item, bijlage, actor=actor)
    transaction.on_commit(lambda: _meld_voorstel(item))
    return item


@transaction.atomic
def wijzig_item(
    item: MenukaartItem,
    *,
    actor: Gebruiker | None,
    revisie: int | None = None,
    themas: Iterable[Thema] | None = None,
    sectoren: Iterable[Sector] | None = None,
    links: Sequence[tuple[str, str]] | None = None,
    bijlage: Any = None,
    **velden: Any,
) -> MenukaartItem:
    """Change an item; `revisie` is the revision the editor started from (no lost update)."""
    if set(velden) - ITEMVELDEN:
        raise ValidationError("Onbekende velden.")
    item = _vergrendel(item)
    if actor is not None and not mag_bewerken(item, actor):
        raise PermissionDenied("Alleen het projectteam wijzigt dit item.")
    if revisie is not None and revisie != item.revisie:
        raise ValidationError(
            "Iemand anders heeft dit item intussen gewijzigd. Uw wijziging is niet opgeslagen; "
            "open het item opnieuw en voer uw wijziging zo nodig nog eens in."
        )
    for veld, waarde in velden.items():
        setattr(item, veld, waarde)
    item.full_clean()
    item.revisie += 1
    _bewaar(item, actor)
    _zet_relaties(item, themas, sectoren)
    if links is not None:
        _zet_links(item, links, actor)
    if bijlage is not None:
        voeg_bijlage_toe(item, bijlage, actor=actor)
    return item


@transaction.atomic
def publiceer(item: MenukaartItem, *, actor: Gebruiker | None) -> MenukaartItem:
    """Publish a proposal (or an archived item again); publishing counts as a review."""
    _eis_curator(actor)
    item = _vergrendel(item)
    if item.is_gepubliceerd:
        raise ValidationError("Dit item is al gepubliceerd.")
    if not item.themas.exists():
        raise ValidationError("Geef het item eerst minstens één thema, zodat netwerken het kunnen vinden.")
    item.status = MenukaartItem.Status.GEPUBLICEERD
    item.gepubliceerd_op = timezone.now()
    item.laatst_beoordeeld = timezone.localdate()
    item.curator = item.curator or actor
    _bewaar(item, actor)
    return item


@transaction.atomic
def archiveer(item: MenukaartItem, *, actor: Gebruiker | None) -> MenukaartItem:
    """Take an item off the menukaart (a rejected proposal, or an item that no longer applies)."""
    _eis_curator(actor)
    item = _vergrendel(item)
    if item.status == MenukaartItem.Status.GEARCHIVEERD:
        raise ValidationError("Dit item is al gearchiveerd.")
    item.status = MenukaartItem.Status.GEARCHIVEERD
    _bewaar(item, actor)
    return item


@transaction.atomic
def markeer_beoordeeld(item: MenukaartItem, *, actor: Gebruiker | None) -> MenukaartItem:
    """The curator checked the item is still correct: it is no longer *verouderd* for 12 months."""
    _eis_curator(actor)
    item = _vergrendel(item)
    if not item.is_gepubliceerd:
        raise ValidationError("Alleen een gepubliceerd item kan als beoordeeld worden gemarkeerd.")
    item.laatst_beoordeeld = timezone.localdate()
    item.curator = item.curator or actor
    _bewaar(item, actor)
    return item


# --- Attachments ----------------------------------------------------------------------------------


@transaction.atomic
def voeg_bijlage_toe(item: MenukaartItem, bestand: IO[bytes], *, actor: Gebruiker | None) -> Bijlage:
    """Check the file by its content and store it outside the web root.

    Refused (empty, too large, wrong type): a `ValidationError` and nothing stored. If writing the
    row fails after the file was written, the file is removed again.
    """
    if actor is not None and not mag_bewerken(item, actor):
        raise PermissionDenied("Alleen het projectteam voegt bijlagen aan dit item toe.")
    naam = veilige_naam(getattr(bestand, "name", "") or "bijlage")
    grootte = getattr(bestand, "size", None)
    if grootte is None:
        bestand.seek(0, 2)
        grootte = bestand.tell()
        bestand.seek(0)
    soort = controleer_bijlage(bestand, naam, grootte)
    bijlage = Bijlage(
        item=item,
        oorspronkelijke_naam=naam,
        content_type=soort.content_type,
        grootte=grootte,
        geupload_door=actor,
    )
    bijlage.bestand.save(naam, File(bestand, name=naam), save=False)
    try:
        _bewaar(bijlage, actor)
    except Exception:
        bijlage.bestand.storage.delete(bijlage.bestand.name)
        raise
    return bijlage


@transaction.atomic
def verwijder_bijlage(bijlage: Bijlage, *, actor: Gebruiker | None) -> None:
    """Remove the attachment; the file goes once the removal is committed."""
    if actor is not None and not mag_bewerken(bijlage.item, actor):
        raise PermissionDenied("Alleen het projectteam verwijdert bijlagen van dit item.")
    opslag, naam = bijlage.bestand.storage, bijlage.bestand.name
    _verwijder(bijlage, actor)
    transaction.on_commit(lambda: opslag.delete(naam))


# --- Loket ----------------------------------------------------------------------------------------


def _projectteam_adressen() -> list[str]:
    groep = Group.objects.filter(name=settings.GROEP_PROJECTTEAM).first()
    if groep is None:
        return []
    return list(groep.user_set.filter(is_active=True).values_list("email", flat=True))


def _meld_voorstel(item: MenukaartItem) -> None:
    adressen = _projectteam_adressen()
    if adressen:
        link = settings.SITE_URL.rstrip("/") + reverse("menukaart:curatie")
        send_mail(
            subject=f"Nieuw voorstel voor de menukaart: {item.titel}",
            message=f"{item.voorgesteld_door} stelde een item voor de menukaart voor: {item.titel}.\n\n"
            f"De curatielijst: {link}",
            from_email=None,
            recipient_list=adressen,
        )


@transaction.atomic
def stel_vraag(*, vraag: str, actor: Gebruiker, item: MenukaartItem | None = None) -> LoketVraag:
    """A question to the loket; the project team gets an e-mail, the answer shows in 'Mijn vragen'."""
    loketvraag = LoketVraag(item=item, vraag=vraag.strip(), gesteld_door=actor)
    loketvraag.full_clean()
    _bewaar(loketvraag, actor)

    def meld() -> None:
        adressen = _projectteam_adressen()
        if adressen:
            link = settings.SITE_URL.rstrip("/") + reverse("menukaart:loket")
            onderwerp = f" over „{item.titel}”" if item else ""
            send_mail(
                subject=f"Vraag aan het loket van de menukaart{onderwerp}",
                message=f"{actor} ({actor.organisatie or 'geen organisatie'}) vraagt:\n\n{loketvraag.vraag}\n\n"
                f"Beantwoorden: {link}",
                from_email=None,
                recipient_list=adressen,
            )

    transaction.on_commit(meld)
    return loketvraag


@transaction.atomic
def beantwoord(loketvraag: LoketVraag, *, antwoord: str, actor: Gebruiker | None) -> LoketVraag:
    """The project team answers (or corrects its answer); the asker is told by e-mail."""
    _eis_curator(actor)
    loketvraag = (
        LoketVraag.objects.select_for_update(of=("self",))
        .select_related("gesteld_door")
        .get(pk=loketvraag.pk)
    )
    if not antwoord.strip():
        raise ValidationError("Schrijf een antwoord.")
    loketvraag.antwoord = antwoord.strip()
    loketvraag.beantwoord_door = actor
    loketvraag.beantwoord_op = timezone.now()
    loketvraag.full_clean()
    _bewaar(loketvraag, actor)
    email = loketvraag.gesteld_door.email
    link = settings.SITE_URL.rstrip("/") + reverse("menukaart:mijn_vragen")
    transaction.on_commit(
        lambda: send_mail(
            subject="Antwoord van het loket van de menukaart",
            message=f"Uw vraag:\n{loketvraag.vraag}\n\nAntwoord:\n{loketvraag.antwoord}\n\nMijn vragen: {link}",
            from_email=None,
            recipient_list=[email],
        )
    )
    return loketvraag


# --- Links with improvement actions ---------------------------------------------------------------


def _eis_koppelrecht(actie: Verbeteractie, actor: Gebruiker | None) -> None:
    if actor is not None and not heeft_recht(actor, "change_netwerk", actie.actieplan.netwerk):
        raise PermissionDenied("U kunt de acties van dit netwerk niet wijzigen.")


@transaction.atomic
def koppel_aan_actie(item: MenukaartItem, actie: Verbeteractie, *, actor: Gebruiker | None) -> ActieKoppeling:
    """Record that the action uses the item. Needs change rights on the action's network and a published item."""
    _eis_koppelrecht(actie, actor)
    if not item.is_gepubliceerd:
        raise ValidationError("Alleen een gepubliceerd menukaartitem kan aan een actie worden gekoppeld.")
    if ActieKoppeling.objects.filter(item=item, verbeteractie=actie).exists():
        raise ValidationError(f"„{item.titel}” is al gekoppeld aan de actie „{actie.titel}”.")
    koppeling = ActieKoppeling(item=item, verbeteractie=actie, gekoppeld_door=actor)
    try:
        with transaction.atomic():
            _bewaar(koppeling, actor)
    except IntegrityError:  # a concurrent click on the same button
        raise ValidationError(f"„{item.titel}” is al gekoppeld aan de actie „{actie.titel}”.") from None
    return koppeling


@transaction.atomic
def ontkoppel(item: MenukaartItem, actie: Verbeteractie, *, actor: Gebruiker | None) -> None:
    """Remove the link between the item and the action (same rights as linking)."""
    _eis_koppelrecht(actie, actor)
    koppeling = ActieKoppeling.objects.filter(item=item, verbeteractie=actie).first()
    if koppeling is None:
        raise ValidationError(f"„{item.titel}” is niet gekoppeld aan de actie „{actie.titel}”.")
    _verwijder(koppeling, actor)
