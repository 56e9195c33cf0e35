"""The menukaart (§1 result 4, §2, §3): a curated catalogue of examples, instruments and contacts.

Items are proposed by any member, curated by the project team (publish, edit, archive, mark
reviewed), linked to improvement actions, and carry links, private attachments and a TLP label.
Questions to the *loket* (the help desk of the project team) are stored with their answers.
"""

from __future__ import annotations

import datetime
import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actieplannen.models import TLP, Verbeteractie
from agenda.models import Thema
from continuiteit.opslag import prive_opslag
from netwerken.models import Organisatie, Sector

from .querysets import LoketVraagQuerySet, MenukaartItemQuerySet, een_jaar_voor
from .zoeken import normaliseer

# --- Private file storage -------------------------------------------------------------------------

# `prive_opslag` stays importable from here: the menukaart migrations refer to it by this path.


def bijlage_pad(bijlage: Bijlage, bestandsnaam: str) -> str:
    """`menukaart/<item>/<random>.<ext>`: never the uploader's own file name on disk."""
    extensie = PurePosixPath(bestandsnaam).suffix.lower()
    return f"menukaart/{bijlage.item_id}/{uuid.uuid4().hex}{extensie}"


# --- Items ----------------------------------------------------------------------------------------


class MenukaartItem(models.Model):
    """One entry of the catalogue."""

    class Soort(models.TextChoices):
        VOORBEELD = "voorbeeld", _("voorbeeld")
        INSTRUMENT = "instrument", _("instrument")
        PROJECT = "project", _("project")
        INFORMATIEVOORZIENING = "informatievoorziening", _("informatievoorziening")
        PILOT = "pilot", _("pilot")
        CONTACT = "contact", _("contact")

    class Status(models.TextChoices):
        VOORGESTELD = "voorgesteld", _("voorgesteld")
        GEPUBLICEERD = "gepubliceerd", _("gepubliceerd")
        GEARCHIVEERD = "gearchiveerd", _("gearchiveerd")

    # TLP labels whose published items every logged-in portal user reads (§4). AMBER+STRICT and
    # RED restrict sharing to one organisation or to named people: such items stay with the
    # project team and the person who proposed them.
    TLP_VOOR_IEDEREEN = (TLP.CLEAR, TLP.GREEN, TLP.AMBER)

    code = models.SlugField(
        _("code"),
        max_length=80,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Vaste sleutel van startinhoud en voorbeeldinhoud; leeg voor voorgestelde items."),
    )
    soort = models.CharField(_("soort"), max_length=24, choices=Soort.choices)
    titel = models.CharField(_("titel"), max_length=200)
    samenvatting = models.TextField(
        _("samenvatting"),
        max_length=600,
        help_text=_("Eén tot drie zinnen: wat is het en waarvoor gebruikt u het?"),
    )
    inhoud = models.TextField(
        _("inhoud"),
        blank=True,
        help_text=_(
            "In Markdown: **vet**, *schuin*, ## kopjes, - opsommingen, [linktekst](https://…). "
            "HTML wordt niet overgenomen."
        ),
    )
    themas = models.ManyToManyField(
        Thema, verbose_name=_("thema's"), blank=True, related_name="menukaartitems"
    )
    sectoren = models.ManyToManyField(
        Sector, verbose_name=_("sectoren"), blank=True, related_name="menukaartitems"
    )
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="menukaartitems",
        help_text=_("De organisatie waar u met vragen over dit item terechtkunt."),
    )
    contact_naam = models.CharField(_("contactpersoon"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mailadres contactpersoon"), blank=True)
    contact_telefoon = models.CharField(_("telefoon contactpersoon"), max_length=40, blank=True)
    tlp = models.CharField(
        _("TLP"),
        max_length=14,
        choices=TLP.choices,
        default=TLP.CLEAR,
        help_text=_(
            "TLP:CLEAR, GREEN en AMBER: zichtbaar voor alle gebruikers van het portaal zodra het item "
            "gepubliceerd is. TLP:AMBER+STRICT en RED: alleen voor het projectteam en de indiener."
        ),
    )
    status = models.CharField(_("status"), max_length=14, choices=Status.choices, default=Status.VOORGESTELD)
    curator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("curator"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="gecureerde_menukaartitems",
        help_text=_("Het lid van het projectteam dat het item bijhoudt."),
    )
    laatst_beoordeeld = models.DateField(_("laatst beoordeeld"), null=True, blank=True)
    voorgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voorgesteld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="voorgestelde_menukaartitems",
    )
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    voorbeeld = models.BooleanField(
        _("voorbeeldinhoud"), default=False, help_text=_("Demo-inhoud, geen echt voorbeeld.")
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    # Optimistic locking: every edit increments it; an edit based on an older revision is refused.
    revisie = models.PositiveIntegerField(default=1, editable=False)
    # Accent-free, lower-case copies for the search fallback that works on every database
    # (menukaart.zoeken): kept up to date by save().
    zoektitel = models.CharField(max_length=255, blank=True, editable=False)
    zoektekst = models.TextField(blank=True, editable=False)

    history = HistoricalRecords(
        excluded_fields=["zoektitel", "zoektekst", "gewijzigd_op"], m2m_fields=[themas, sectoren]
    )
    objects = MenukaartItemQuerySet.as_manager()

    class Meta:
        ordering = ["titel", "pk"]
        verbose_name = _("menukaartitem")
        verbose_name_plural = _("menukaartitems")
        permissions = [
            ("cureer_menukaartitem", _("Kan menukaartitems publiceren, archiveren en beoordelen")),
        ]
        indexes = [models.Index(fields=["status", "laatst_beoordeeld"], name="menukaart_status_beoordeeld")]

    def __str__(self) -> str:
        return self.titel

    def save(self, *args: object, **kwargs: object) -> None:
        self.zoektitel = f" {normaliseer(self.titel)[:250]} "
        # Spaces around it, so a short term can be matched as a whole word: " ict ".
        self.zoektekst = f" {normaliseer(' '.join((self.titel, self.samenvatting, self.inhoud)))} "
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "zoektitel", "zoektekst"}  # type: ignore[misc]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("menukaart:item", kwargs={"pk": self.pk})

    @property
    def is_gepubliceerd(self) -> bool:
        return self.status == self.Status.GEPUBLICEERD

    @property
    def is_voorstel(self) -> bool:
        return self.status == self.Status.VOORGESTELD

    def is_verouderd(self, vandaag: datetime.date | None = None) -> bool:
        """§3: a published item not reviewed for 12 months (or never) is *verouderd*."""
        if not self.is_gepubliceerd:
            return False
        vandaag = vandaag or timezone.localdate()
        return self.laatst_beoordeeld is None or self.laatst_beoordeeld <= een_jaar_voor(vandaag)

    @property
    def tlp_klasse(self) -> str:
        return self.tlp.replace("_", "-")

    @property
    def heeft_contact(self) -> bool:
        return bool(self.organisatie_id or self.contact_naam or self.contact_email or self.contact_telefoon)


class Link(models.Model):
    """A link to more information (http or https only)."""

    item = models.ForeignKey(MenukaartItem, on_delete=models.CASCADE, related_name="links")
    titel = models.CharField(_("titel"), max_length=200)
    url = models.URLField(
        _("adres"),
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Een adres dat begint met https:// of http://."),
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["volgorde", "pk"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self) -> str:
        return self.titel


class Bijlage(models.Model):
    """An attachment, checked by content (menukaart.bestanden) and stored outside the web root."""

    item = models.ForeignKey(MenukaartItem, on_delete=models.CASCADE, related_name="bijlagen")
    bestand = models.FileField(_("bestand"), storage=prive_opslag, upload_to=bijlage_pad, max_length=255)
    oorspronkelijke_naam = models.CharField(_("bestandsnaam"), max_length=255)
    content_type = models.CharField(_("soort bestand"), max_length=120)
    grootte = models.PositiveBigIntegerField(_("grootte (bytes)"))
    geupload_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toegevoegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    geupload_op = models.DateTimeField(_("toegevoegd op"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["oorspronkelijke_naam", "pk"]
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    def __str__(self) -> str:
        return self.oorspronkelijke_naam

    def get_absolute_url(self) -> str:
        return reverse("menukaart:bijlage", kwargs={"pk": self.item_id, "bijlage": self.pk})


class LoketVraag(models.Model):
    """A question to the loket of the project team, about an item or about the menukaart in general."""

    item = models.ForeignKey(
        MenukaartItem,
        verbose_name=_("over item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vragen",
    )
    vraag = models.TextField(_("vraag"), max_length=4000)
    gesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gesteld door"),
        on_delete=models.CASCADE,
        related_name="loketvragen",
    )
    gesteld_op = models.DateTimeField(_("gesteld op"), default=timezone.now)
    antwoord = models.TextField(_("antwoord"), max_length=4000, blank=True)
    beantwoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beantwoord door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)

    history = HistoricalRecords()
    objects = LoketVraagQuerySet.as_manager()

    class Meta:
        ordering = ["-gesteld_op", "-pk"]
        verbose_name = _("loketvraag")
        verbose_name_plural = _("loketvragen")

    def __str__(self) -> str:
        return self.vraag[:60]

    @property
    def is_beantwoord(self) -> bool:
        return self.beantwoord_op is not None


class ActieKoppeling(models.Model):
    """An item used in an improvement action ("gebruikt in N actieplannen")."""

    verbeteractie = models.ForeignKey(
        Verbeteractie,
        verbose_name=_("verbeteractie"),
        on_delete=models.CASCADE,
        related_name="menukaartkoppelingen",
    )
    item = models.ForeignKey(
        MenukaartItem, verbose_name=_("menukaartitem"), on_delete=models.CASCADE, related_name="koppelingen"
    )
    gekoppeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    gekoppeld_op = models.DateTimeField(_("gekoppeld op"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["gekoppeld_op", "pk"]
        verbose_name = _("koppeling met een verbeteractie")
        verbose_name_plural = _("koppelingen met verbeteracties")
        constraints = [
            models.UniqueConstraint(
                fields=["verbeteractie", "item"],
                name="actiekoppeling_uniek",
                violation_error_message=_("Dit item is al aan deze actie gekoppeld."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item} → {self.verbeteractie}"
