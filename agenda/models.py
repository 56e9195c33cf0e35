"""Themes, the versioned role description of the safety region, and the sector agendas (§1–§3)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from netwerken.models import Organisatie, Sector

from .querysets import AgendaQuerySet, RolbeschrijvingQuerySet

TOP = 5  # the five highest-ranked agreements are the sector's priority improvement points


class Thema(models.Model):
    """One of the eight cooperation themes (reference data, editable by the project team)."""

    nummer = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["nummer"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")

    def __str__(self) -> str:
        return f"{self.nummer}. {self.naam}"


class Orgaan(models.TextChoices):
    """Bodies that adopt the role description and the agendas."""

    STUURGROEP = "stuurgroep", _("Stuurgroep Continuïteit van de samenleving")
    CVI = "cvi", _("Commissie Vitale Infrastructuur (VNO-NCW)")
    VEILIGHEIDSBERAAD = "veiligheidsberaad", _("Veiligheidsberaad")
    MINISTERIE = "ministerie_jenv", _("Ministerie van Justitie en Veiligheid")
    MANAGEMENTRAAD = "managementraad", _("Managementraad van de sector")


class Besluit(models.TextChoices):
    VASTGESTELD = "vastgesteld", _("vastgesteld")
    MET_WIJZIGINGEN = "met_wijzigingen", _("vastgesteld met wijzigingen")
    AANGEHOUDEN = "aangehouden", _("aangehouden")
    AFGEWEZEN = "afgewezen", _("afgewezen")


POSITIEVE_BESLUITEN = (Besluit.VASTGESTELD, Besluit.MET_WIJZIGINGEN)


class Vaststelling(models.Model):
    """A body's decision on a document: which body, when, what, under which reference."""

    orgaan = models.CharField(_("orgaan"), max_length=20, choices=Orgaan.choices)
    besluit = models.CharField(_("besluit"), max_length=20, choices=Besluit.choices)
    datum = models.DateField(_("datum"))
    kenmerk = models.CharField(
        _("kenmerk"), max_length=100, blank=True, help_text=_("Bijv. het nummer van het besluit.")
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        abstract = True
        ordering = ["datum", "pk"]

    def __str__(self) -> str:
        return f"{self.get_orgaan_display()}: {self.get_besluit_display()} ({self.datum:%d-%m-%Y})"

    @property
    def is_positief(self) -> bool:
        return self.besluit in POSITIEVE_BESLUITEN


# --- Rolbeschrijving ------------------------------------------------------------------------------


class Rolbeschrijving(models.Model):
    """One version of the role description of the safety region."""

    class Status(models.TextChoices):
        VERKENNING = "verkenning", _("verkenning")
        CONCEPT = "concept", _("concept")
        CONSULTATIE = "consultatie", _("consultatie")
        DEFINITIEF = "definitief", _("definitief")
        VASTGESTELD = "vastgesteld", _("vastgesteld")

    # The next step of each status; `vastgesteld` is final.
    VOLGENDE = {
        Status.VERKENNING: Status.CONCEPT,
        Status.CONCEPT: Status.CONSULTATIE,
        Status.CONSULTATIE: Status.DEFINITIEF,
        Status.DEFINITIEF: Status.VASTGESTELD,
    }
    # Bodies that must have adopted it before it is vastgesteld (§3), in this order.
    VASTSTELLENDE_ORGANEN = (Orgaan.STUURGROEP, Orgaan.CVI, Orgaan.VEILIGHEIDSBERAAD, Orgaan.MINISTERIE)

    versie = models.PositiveIntegerField(_("versie"), unique=True)
    titel = models.CharField(
        _("titel"),
        max_length=200,
        default="Rolbeschrijving veiligheidsregio: continuïteit van de samenleving",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.VERKENNING)
    huidig = models.BooleanField(_("huidige vastgestelde versie"), default=False, editable=False)
    gebaseerd_op = models.ForeignKey(
        "self",
        verbose_name=_("gebaseerd op"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    uitgenodigd = models.ManyToManyField(
        Organisatie,
        verbose_name=_("uitgenodigd voor consultatie"),
        blank=True,
        related_name="rolconsultaties",
    )
    vastgesteld_op = models.DateField(_("vastgesteld op"), null=True, blank=True)
    voorbeeld = models.BooleanField(
        _("voorbeeldinhoud"), default=False, help_text=_("Demo-inhoud, geen echte tekst.")
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()
    objects = RolbeschrijvingQuerySet.as_manager()

    class Meta:
        ordering = ["-versie"]
        verbose_name = _("rolbeschrijving")
        verbose_name_plural = _("rolbeschrijvingen")
        constraints = [
            models.UniqueConstraint(
                fields=["huidig"],
                condition=Q(huidig=True),
                name="rolbeschrijving_een_huidige",
                violation_error_message=_("Er is al een huidige vastgestelde rolbeschrijving."),
            ),
        ]

    def __str__(self) -> str:
        return f"Rolbeschrijving versie {self.versie} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("agenda:rol_versie", kwargs={"versie": self.versie})

    @property
    def is_bewerkbaar(self) -> bool:
        return self.status in (self.Status.VERKENNING, self.Status.CONCEPT)

    @property
    def volgende_status(self) -> str | None:
        return self.VOLGENDE.get(self.status)


class RolSectie(models.Model):
    """A section: the introduction, one per theme, or citizen participation and resilience."""

    class Soort(models.TextChoices):
        INLEIDING = "inleiding", _("inleiding")
        THEMA = "thema", _("thema")
        BURGERPARTICIPATIE = "burgerparticipatie", _("burgerparticipatie en zelfredzaamheid")

    rolbeschrijving = models.ForeignKey(Rolbeschrijving, on_delete=models.CASCADE, related_name="secties")
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    thema = models.ForeignKey(Thema, verbose_name=_("thema"), on_delete=models.PROTECT, null=True, blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    titel = models.CharField(_("titel"), max_length=200)
    tekst = models.TextField(_("tekst"), blank=True, help_text=_("Voor de inleiding en burgerparticipatie."))
    definitie = models.TextField(_("definitie van het thema"), blank=True)
    taken = models.TextField(_("taken en verantwoordelijkheden"), blank=True)
    wettelijke_basis = models.TextField(
        _("wettelijke basis"), blank=True, help_text=_("Bijv. artikelen van de Wet veiligheidsregio's.")
    )
    aandachtspunten_ministeries = models.TextField(
        _("aandachtspunten samenwerking met ministeries"), blank=True
    )
    aandachtspunten_bedrijven = models.TextField(_("aandachtspunten samenwerking met bedrijven"), blank=True)

    history = HistoricalRecords()

    # The text fields compared between versions, in display order.
    TEKSTVELDEN = (
        "titel",
        "tekst",
        "definitie",
        "taken",
        "wettelijke_basis",
        "aandachtspunten_ministeries",
        "aandachtspunten_bedrijven",
    )

    class Meta:
        ordering = ["volgorde", "pk"]
        verbose_name = _("sectie van de rolbeschrijving")
        verbose_name_plural = _("secties van de rolbeschrijving")
        constraints = [
            models.UniqueConstraint(
                fields=["rolbeschrijving", "thema"],
                condition=Q(thema__isnull=False),
                name="rolsectie_een_per_thema",
            ),
            models.CheckConstraint(
                condition=Q(soort="thema", thema__isnull=False) | (~Q(soort="thema") & Q(thema__isnull=True)),
                name="rolsectie_thema_alleen_bij_themasectie",
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def sleutel(self) -> str:
        """Identity of a section across versions (for comparing them)."""
        return f"thema-{self.thema.nummer}" if self.thema_id else self.soort


class Consultatiereactie(models.Model):
    """A comment on a section during consultation, and the project team's answer."""

    class Antwoord(models.TextChoices):
        OVERGENOMEN = "overgenomen", _("overgenomen")
        DEELS = "deels", _("deels overgenomen")
        NIET = "niet", _("niet overgenomen")

    sectie = models.ForeignKey(RolSectie, on_delete=models.CASCADE, related_name="reacties")
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="+")
    tekst = models.TextField(_("reactie"))
    geplaatst_op = models.DateTimeField(_("geplaatst op"), auto_now_add=True)
    antwoord = models.CharField(_("antwoord"), max_length=12, choices=Antwoord.choices, blank=True)
    motivering = models.TextField(_("motivering"), blank=True)
    beantwoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["geplaatst_op", "pk"]
        verbose_name = _("consultatiereactie")
        verbose_name_plural = _("consultatiereacties")

    def __str__(self) -> str:
        return f"Reactie van {self.organisatie} op {self.sectie}"


class RolVaststelling(Vaststelling):
    rolbeschrijving = models.ForeignKey(
        Rolbeschrijving, on_delete=models.CASCADE, related_name="vaststellingen"
    )

    history = HistoricalRecords()

    class Meta(Vaststelling.Meta):
        verbose_name = _("vaststelling van de rolbeschrijving")
        verbose_name_plural = _("vaststellingen van de rolbeschrijving")
        constraints = [
            models.UniqueConstraint(
                fields=["rolbeschrijving", "orgaan"],
                name="rolvaststelling_een_per_orgaan",
                violation_error_message=_("Het besluit van dit orgaan is al vastgelegd."),
            ),
        ]


class Ondertekening(models.Model):
    """A safety-region board's signature under an adopted role description."""

    rolbeschrijving = models.ForeignKey(
        Rolbeschrijving, on_delete=models.CASCADE, related_name="ondertekeningen"
    )
    veiligheidsregio = models.ForeignKey(
        Organisatie,
        verbose_name=_("veiligheidsregio"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"soort": Organisatie.Soort.VEILIGHEIDSREGIO},
    )
    datum = models.DateField(_("datum"))
    ondertekend_door = models.CharField(
        _("ondertekend door"), max_length=150, help_text=_("Bijv. de voorzitter van het bestuur.")
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["veiligheidsregio__vr_nummer"]
        verbose_name = _("ondertekening")
        verbose_name_plural = _("ondertekeningen")
        constraints = [
            models.UniqueConstraint(
                fields=["rolbeschrijving", "veiligheidsregio"],
                name="ondertekening_een_per_regio",
                violation_error_message=_("Deze veiligheidsregio heeft al getekend."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.veiligheidsregio} ({self.datum:%d-%m-%Y})"


# --- Agenda per sector ----------------------------------------------------------------------------


class Agenda(models.Model):
    """One version of a sector's agenda of samenwerkingsafspraken."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        VOORGELEGD = "voorgelegd", _("voorgelegd")
        VASTGESTELD = "vastgesteld", _("vastgesteld")

    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), on_delete=models.PROTECT, related_name="agendas"
    )
    versie = models.PositiveIntegerField(_("versie"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.CONCEPT)
    huidig = models.BooleanField(_("huidige vastgestelde versie"), default=False, editable=False)
    toelichting = models.TextField(_("toelichting"), blank=True)
    gebaseerd_op = models.ForeignKey(
        "self",
        verbose_name=_("gebaseerd op"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    voorbeeld = models.BooleanField(
        _("voorbeeldinhoud"), default=False, help_text=_("Demo-inhoud, geen echte afspraken.")
    )
    vastgesteld_op = models.DateField(_("vastgesteld op"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()
    objects = AgendaQuerySet.as_manager()

    class Meta:
        ordering = ["sector__volgorde", "-versie"]
        verbose_name = _("agenda")
        verbose_name_plural = _("agenda's")
        constraints = [
            models.UniqueConstraint(fields=["sector", "versie"], name="agenda_versie_uniek"),
            models.UniqueConstraint(
                fields=["sector"],
                condition=Q(huidig=True),
                name="agenda_een_huidige_per_sector",
                violation_error_message=_("Deze sector heeft al een huidige vastgestelde agenda."),
            ),
            models.CheckConstraint(
                condition=Q(huidig=False) | Q(status="vastgesteld"),
                name="agenda_huidig_is_vastgesteld",
            ),
        ]

    def __str__(self) -> str:
        return f"Agenda {self.sector} versie {self.versie} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("agenda:versie", kwargs={"sector": self.sector.slug, "versie": self.versie})

    @property
    def is_bewerkbaar(self) -> bool:
        return self.status == self.Status.CONCEPT


class Samenwerkingsafspraak(models.Model):
    """One agenda item: a cooperation agreement to have in place, ranked within the sector."""

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="afspraken")
    # The same agreement keeps its key across versions: comparisons and assessments follow it.
    sleutel = models.UUIDField(_("sleutel"), default=uuid.uuid4, editable=False)
    thema = models.ForeignKey(
        Thema, verbose_name=_("thema"), on_delete=models.PROTECT, related_name="afspraken"
    )
    titel = models.CharField(_("titel"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    beoogd_resultaat = models.TextField(_("beoogd resultaat"), blank=True)
    rang = models.PositiveSmallIntegerField(
        _("rang"), help_text=_("1 is de hoogste prioriteit; 1–5 is de top vijf.")
    )

    history = HistoricalRecords()

    VERGELEKEN_VELDEN = ("thema", "titel", "omschrijving", "beoogd_resultaat")

    class Meta:
        ordering = ["rang"]
        verbose_name = _("samenwerkingsafspraak")
        verbose_name_plural = _("samenwerkingsafspraken")
        constraints = [
            models.UniqueConstraint(
                fields=["agenda", "rang"],
                name="afspraak_rang_uniek",
                violation_error_message=_("Er is in deze agenda al een afspraak met deze rang."),
            ),
            models.UniqueConstraint(fields=["agenda", "sleutel"], name="afspraak_sleutel_uniek"),
            models.CheckConstraint(condition=Q(rang__gte=1), name="afspraak_rang_positief"),
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def is_top_vijf(self) -> bool:
        return self.rang <= TOP


class Expertbijeenkomst(models.Model):
    """A simple record of an expert meeting an agenda came from (meetings get their own app later)."""

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="expertbijeenkomsten")
    datum = models.DateField(_("datum"))
    deelnemers = models.TextField(_("deelnemers"), help_text=_("Namen en organisaties, één per regel."))
    samenvatting = models.TextField(_("samenvatting"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["datum", "pk"]
        verbose_name = _("expertbijeenkomst")
        verbose_name_plural = _("expertbijeenkomsten")

    def __str__(self) -> str:
        return f"Expertbijeenkomst {self.datum:%d-%m-%Y}"


class AgendaVaststelling(Vaststelling):
    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="vaststellingen")

    history = HistoricalRecords()

    class Meta(Vaststelling.Meta):
        verbose_name = _("vaststelling van een agenda")
        verbose_name_plural = _("vaststellingen van agenda's")
        constraints = [
            models.UniqueConstraint(
                fields=["agenda", "orgaan"],
                name="agendavaststelling_een_per_orgaan",
                violation_error_message=_("Het besluit van dit orgaan is al vastgelegd."),
            ),
        ]
