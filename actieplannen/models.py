"""Self-assessment (toetsing), action plans, improvement actions, progress and consent (§2–§4)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agenda.models import Samenwerkingsafspraak, Thema
from netwerken.models import Netwerk, Organisatie

from .querysets import ActieplanQuerySet, VerbeteractieQuerySet


class TLP(models.TextChoices):
    """Traffic Light Protocol 2.0 (FIRST): how far content may be shared."""

    CLEAR = "clear", "TLP:CLEAR"
    GREEN = "green", "TLP:GREEN"
    AMBER = "amber", "TLP:AMBER"
    AMBER_STRICT = "amber_strict", "TLP:AMBER+STRICT"
    RED = "red", "TLP:RED"


# --- Toetsing -------------------------------------------------------------------------------------


class Beoordeling(models.Model):
    """A network's assessment of one agenda agreement.

    Keyed on the agreement's stable `sleutel`, so the answer survives a new agenda version in
    which the agreement still exists; `afspraak` is the version last assessed against.
    """

    class Status(models.TextChoices):
        GEREGELD = "geregeld", _("geregeld")
        DEELS = "deels", _("deels")
        OPEN = "open", _("open")
        NIET_RELEVANT = "niet_relevant", _("niet relevant")

    netwerk = models.ForeignKey(Netwerk, on_delete=models.CASCADE, related_name="beoordelingen")
    sleutel = models.UUIDField(_("afspraak (sleutel)"))
    afspraak = models.ForeignKey(
        Samenwerkingsafspraak,
        verbose_name=_("afspraak"),
        on_delete=models.PROTECT,
        related_name="beoordelingen",
        help_text=_("De versie van de afspraak waartegen is beoordeeld."),
    )
    status = models.CharField(_("status"), max_length=14, choices=Status.choices)
    toelichting = models.TextField(_("toelichting"), blank=True)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        constraints = [
            models.UniqueConstraint(
                fields=["netwerk", "sleutel"],
                name="beoordeling_een_per_afspraak",
                violation_error_message=_("Deze afspraak is voor dit netwerk al beoordeeld."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.afspraak}: {self.get_status_display()}"

    @property
    def vraagt_actie(self) -> bool:
        return self.status in (self.Status.OPEN, self.Status.DEELS)


# --- Actieplan ------------------------------------------------------------------------------------


class Actieplan(models.Model):
    """A network's action plan (the national plan is the plan of the national network)."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        TER_INSTEMMING = "ter_instemming", _("ter instemming")
        VASTGESTELD = "vastgesteld", _("vastgesteld")
        IN_UITVOERING = "in_uitvoering", _("in uitvoering")
        AFGEROND = "afgerond", _("afgerond")

    netwerk = models.OneToOneField(Netwerk, on_delete=models.CASCADE, related_name="actieplan")
    titel = models.CharField(_("titel"), max_length=200)
    landelijk = models.BooleanField(
        _("nationaal actieplan"),
        default=False,
        help_text=_("Het nationale actieplan, geïnitieerd door JenV."),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.CONCEPT)
    toelichting = models.TextField(_("toelichting"), blank=True)
    tlp = models.CharField(_("TLP"), max_length=14, choices=TLP.choices, default=TLP.AMBER)
    # Each submission freezes a version; consent is given to a version.
    versie = models.PositiveIntegerField(_("versie ter instemming"), default=0)
    ingediend_op = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    vastgesteld_op = models.DateTimeField(_("vastgesteld op"), null=True, blank=True)
    heropend_om = models.TextField(
        _("heropend vanwege"), blank=True, help_text=_("De wezenlijke wijziging die de instemming heropende.")
    )
    # Optimistic locking: every save increments it; a save based on an older revision is refused.
    revisie = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = ActieplanQuerySet.as_manager()

    class Meta:
        ordering = ["netwerk__naam"]
        verbose_name = _("actieplan")
        verbose_name_plural = _("actieplannen")
        constraints = [
            models.UniqueConstraint(
                fields=["landelijk"], condition=Q(landelijk=True), name="actieplan_een_nationaal_plan"
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("actieplannen:plan", kwargs={"slug": self.netwerk.slug})


class PlanVersie(models.Model):
    """The frozen content of a plan at submission: what the organisations consent to."""

    actieplan = models.ForeignKey(Actieplan, on_delete=models.CASCADE, related_name="versies")
    versie = models.PositiveIntegerField(_("versie"))
    ingediend_op = models.DateTimeField(_("ingediend op"), default=timezone.now)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    inhoud = models.JSONField(_("inhoud"), help_text=_("De acties met hun wezenlijke velden bij indienen."))
    reden = models.TextField(_("reden nieuwe versie"), blank=True)

    class Meta:
        ordering = ["actieplan", "versie"]
        verbose_name = _("versie van een actieplan")
        verbose_name_plural = _("versies van actieplannen")
        constraints = [models.UniqueConstraint(fields=["actieplan", "versie"], name="planversie_uniek")]

    def __str__(self) -> str:
        return f"{self.actieplan} versie {self.versie}"


class Instemming(models.Model):
    """One participating organisation's consent to (or objection against) one plan version."""

    class Besluit(models.TextChoices):
        INSTEMMING = "instemming", _("stemt in")
        BEZWAAR = "bezwaar", _("maakt bezwaar")

    actieplan = models.ForeignKey(Actieplan, on_delete=models.CASCADE, related_name="instemmingen")
    versie = models.PositiveIntegerField(_("versie"))
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="instemmingen")
    besluit = models.CharField(_("besluit"), max_length=10, choices=Besluit.choices)
    reden = models.TextField(_("reden"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    namens = models.BooleanField(
        _("vastgelegd door de coördinator namens de organisatie"), default=False, editable=False
    )
    op = models.DateTimeField(_("op"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["actieplan", "versie", "organisatie__naam"]
        verbose_name = _("instemming")
        verbose_name_plural = _("instemmingen")
        constraints = [
            models.UniqueConstraint(
                fields=["actieplan", "versie", "organisatie"],
                name="instemming_een_per_organisatie_per_versie",
                violation_error_message=_("Deze organisatie heeft zich al over deze versie uitgesproken."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisatie}: {self.get_besluit_display()} (versie {self.versie})"


# --- Verbeteracties -------------------------------------------------------------------------------


class Verbeteractie(models.Model):
    """An improvement action in a plan: what, who, when, money, status and progress."""

    class Status(models.TextChoices):
        NIET_GESTART = "niet_gestart", _("niet gestart")
        IN_UITVOERING = "in_uitvoering", _("in uitvoering")
        GEREED = "gereed", _("gereed")
        VERTRAAGD = "vertraagd", _("vertraagd")
        VERVALLEN = "vervallen", _("vervallen")

    AFGESLOTEN = (Status.GEREED, Status.VERVALLEN)

    actieplan = models.ForeignKey(Actieplan, on_delete=models.CASCADE, related_name="acties")
    titel = models.CharField(_("titel"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    thema = models.ForeignKey(Thema, verbose_name=_("thema"), on_delete=models.PROTECT, related_name="acties")
    afspraak = models.ForeignKey(
        Samenwerkingsafspraak,
        verbose_name=_("samenwerkingsafspraak"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="acties",
        help_text=_("Het agendapunt dat deze actie dient."),
    )
    beoordeling = models.ForeignKey(
        Beoordeling, on_delete=models.SET_NULL, null=True, blank=True, related_name="acties", editable=False
    )
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("verantwoordelijke organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="acties",
    )
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eigenaar"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="acties",
        help_text=_("De verantwoordelijke persoon."),
    )
    startdatum = models.DateField(_("startdatum"), null=True, blank=True)
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=14, choices=Status.choices, default=Status.NIET_GESTART)
    voortgang = models.PositiveSmallIntegerField(
        _("voortgang (%)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    tlp = models.CharField(_("TLP"), max_length=14, choices=TLP.choices, default=TLP.AMBER)
    tlp_ontvangers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ontvangers (TLP:RED)"),
        blank=True,
        related_name="rode_acties",
        help_text=_("Bij TLP:RED zien alleen deze personen de actie."),
    )
    # Financing: an estimate with shares per party that add up to it, or existing capacity.
    uit_bestaande_capaciteit = models.BooleanField(_("uit bestaande capaciteit"), default=False)
    kostenraming = models.DecimalField(
        _("kostenraming (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    aandeel_bedrijf = models.DecimalField(
        _("aandeel bedrijf (€)"), max_digits=12, decimal_places=2, default=Decimal(0)
    )
    aandeel_regio = models.DecimalField(
        _("aandeel veiligheidsregio (€)"), max_digits=12, decimal_places=2, default=Decimal(0)
    )
    aandeel_ministerie = models.DecimalField(
        _("aandeel ministerie (€)"), max_digits=12, decimal_places=2, default=Decimal(0)
    )
    aandeel_overig = models.DecimalField(
        _("aandeel overig (€)"), max_digits=12, decimal_places=2, default=Decimal(0)
    )
    landelijk_oppakken = models.BooleanField(_("landelijk oppakken"), default=False)
    landelijke_actie = models.ForeignKey(
        "self",
        verbose_name=_("actie in het nationale actieplan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="regionale_acties",
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    revisie = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(m2m_fields=[tlp_ontvangers])
    objects = VerbeteractieQuerySet.as_manager()

    # Changes to these fields after submission reopen consent (§3 "material change").
    WEZENLIJKE_VELDEN = (
        "eigenaar",
        "organisatie",
        "einddatum",
        "kostenraming",
        "aandeel_bedrijf",
        "aandeel_regio",
        "aandeel_ministerie",
        "aandeel_overig",
        "uit_bestaande_capaciteit",
    )
    AANDELEN = ("aandeel_bedrijf", "aandeel_regio", "aandeel_ministerie", "aandeel_overig")

    class Meta:
        ordering = ["thema__nummer", "einddatum", "pk"]
        verbose_name = _("verbeteractie")
        verbose_name_plural = _("verbeteracties")
        constraints = [
            models.CheckConstraint(condition=Q(voortgang__lte=100), name="actie_voortgang_max_100"),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True)
                | Q(startdatum__isnull=True)
                | Q(einddatum__gte=models.F("startdatum")),
                name="actie_einddatum_na_startdatum",
                violation_error_message=_("De einddatum ligt niet voor de startdatum."),
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("actieplannen:actie", kwargs={"slug": self.actieplan.netwerk.slug, "pk": self.pk})

    def is_te_laat(self, vandaag: datetime.date | None = None) -> bool:
        vandaag = vandaag or timezone.localdate()
        return bool(self.einddatum and self.einddatum < vandaag and self.status not in self.AFGESLOTEN)

    @property
    def financiering_totaal(self) -> Decimal:
        return sum((getattr(self, veld) for veld in self.AANDELEN), Decimal(0))


class Mijlpaal(models.Model):
    actie = models.ForeignKey(Verbeteractie, on_delete=models.CASCADE, related_name="mijlpalen")
    datum = models.DateField(_("datum"))
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    gereed = models.BooleanField(_("gereed"), default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["datum", "pk"]
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("mijlpalen")

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y}: {self.omschrijving}"


class Voortgangsupdate(models.Model):
    """A progress entry on an action's timeline."""

    actie = models.ForeignKey(Verbeteractie, on_delete=models.CASCADE, related_name="updates")
    datum = models.DateField(_("datum"), default=timezone.localdate)
    status = models.CharField(_("status"), max_length=14, choices=Verbeteractie.Status.choices)
    voortgang = models.PositiveSmallIntegerField(
        _("voortgang (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    notitie = models.TextField(_("notitie"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    geregistreerd_op = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-datum", "-pk"]
        verbose_name = _("voortgangsupdate")
        verbose_name_plural = _("voortgangsupdates")

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y}: {self.get_status_display()} {self.voortgang}%"
