"""Forms of the plan and action screens: they validate and normalise; `services` decides.

Choices come from the plan's network: owners are its members, organisations its participants,
agenda items those of its sectors' current agendas, national actions those the user may see.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agenda.models import Samenwerkingsafspraak, Thema
from netwerken.models import Gebruiker, Organisatie

from .models import Actieplan, Instemming, Verbeteractie

if TYPE_CHECKING:
    from netwerken.models import Netwerk

# The fields the full action form sends to services.voeg_actie_toe / wijzig_actie.
ACTIEFORMULIER_VELDEN = [
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
    "uit_bestaande_capaciteit",
    "kostenraming",
    "aandeel_bedrijf",
    "aandeel_regio",
    "aandeel_ministerie",
    "aandeel_overig",
    "tlp",
    "tlp_ontvangers",
    "landelijk_oppakken",
    "landelijke_actie",
]
BEDRAGEN = ["kostenraming", "aandeel_bedrijf", "aandeel_regio", "aandeel_ministerie", "aandeel_overig"]


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def _revisieveld() -> forms.IntegerField:
    # Required: without the revision the service could not refuse a save on top of a newer one.
    return forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={"required": _("De versie van het formulier ontbreekt; laad de pagina opnieuw.")},
    )


def leden_van(netwerk: Netwerk) -> Any:
    """The network's members: the people who can own an action or receive TLP:RED content."""
    return (
        Gebruiker.objects.filter(lidmaatschappen__netwerk=netwerk, is_active=True)
        .select_related("organisatie")
        .order_by("naam")
    )


def _controleer_data(form: forms.Form) -> None:
    # Also a database constraint, whose message reads as the rule ("ligt niet voor"); say what is wrong.
    start, eind = form.cleaned_data.get("startdatum"), form.cleaned_data.get("einddatum")
    if start and eind and eind < start:
        form.add_error("einddatum", _("De einddatum ligt voor de startdatum."))


def _persoon_label(persoon: Gebruiker) -> str:
    return f"{persoon.naam} — {persoon.organisatie}" if persoon.organisatie_id else persoon.naam


class ActieForm(forms.ModelForm):
    """Every field of a verbeteractie (new or edited)."""

    revisie = _revisieveld()

    class Meta:
        model = Verbeteractie
        fields = ACTIEFORMULIER_VELDEN
        widgets = {
            "startdatum": DatumInput(),
            "einddatum": DatumInput(),
            "omschrijving": forms.Textarea(attrs={"rows": 4}),
            "tlp_ontvangers": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "organisatie": _("Een organisatie die aan het netwerk deelneemt."),
            "eigenaar": _("Een lid van het netwerk, werkzaam bij de verantwoordelijke organisatie."),
            "kostenraming": _("In euro's, bijv. 12500 of 12500,50. De aandelen tellen op tot dit bedrag."),
            "tlp": _("TLP:RED: alleen de gekozen ontvangers zien de actie, ook het projectteam niet."),
            "landelijke_actie": _("Alleen acties uit het nationale actieplan die u kunt inzien."),
        }

    def __init__(
        self, *args: Any, plan: Actieplan, gebruiker: Gebruiker, nieuw: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        netwerk = plan.netwerk
        actie = self.instance
        if nieuw:
            del self.fields["revisie"]
        else:
            self.fields["revisie"].initial = actie.revisie
        self.fields["thema"].queryset = Thema.objects.order_by("nummer")
        self.fields["thema"].empty_label = _("Kies een thema")
        self.fields["organisatie"].queryset = Organisatie.objects.filter(deelnames__netwerk=netwerk).order_by(
            "naam"
        )
        self.fields["organisatie"].empty_label = _("(nog niet bekend)")
        self.fields["eigenaar"].queryset = leden_van(netwerk)
        self.fields["eigenaar"].label_from_instance = _persoon_label
        self.fields["eigenaar"].empty_label = _("(nog niet bekend)")
        self.fields["tlp_ontvangers"].queryset = leden_van(netwerk)
        self.fields["tlp_ontvangers"].label_from_instance = _persoon_label
        # Items of the current agendas of the network's sectors, and the item linked now.
        afspraken = Samenwerkingsafspraak.objects.filter(
            agenda__huidig=True, agenda__sector__netwerken=netwerk
        )
        if actie.afspraak_id:
            afspraken = Samenwerkingsafspraak.objects.filter(Q(pk__in=afspraken) | Q(pk=actie.afspraak_id))
        self.fields["afspraak"].queryset = afspraken.select_related("agenda__sector").order_by(
            "agenda__sector__volgorde", "rang"
        )
        self.fields["afspraak"].label_from_instance = lambda a: f"{a.agenda.sector} {a.rang}. {a.titel}"
        self.fields["afspraak"].empty_label = _("(geen)")
        # Actions of the national plan the user may see, and the one linked now.
        landelijk = Verbeteractie.objects.visible_to(gebruiker).filter(actieplan__landelijk=True)
        if actie.landelijke_actie_id:
            landelijk = Verbeteractie.objects.filter(Q(pk__in=landelijk) | Q(pk=actie.landelijke_actie_id))
        self.fields["landelijke_actie"].queryset = landelijk.exclude(pk=actie.pk).order_by("titel")
        self.fields["landelijke_actie"].empty_label = _("(geen)")
        if plan.landelijk:
            # The national plan's own actions are national already.
            del self.fields["landelijk_oppakken"]
            del self.fields["landelijke_actie"]
        for naam in BEDRAGEN:
            self.fields[naam].required = False  # an empty share is no share (0)
            self.fields[naam].localize = True
            self.fields[naam].widget = forms.TextInput(attrs={"inputmode": "decimal", "class": "bedrag"})
            self.fields[naam].widget.is_localized = True
        self.fields["voortgang"].widget.attrs.update({"min": 0, "max": 100})

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        _controleer_data(self)
        return data

    def _post_clean(self) -> None:
        # Model validation runs in the service, which knows the plan; the form only parses input.
        pass

    def servicevelden(self) -> dict[str, Any]:
        """cleaned_data as keyword arguments of services.voeg_actie_toe / wijzig_actie."""
        data = dict(self.cleaned_data)
        data.pop("revisie", None)
        for naam in ("aandeel_bedrijf", "aandeel_regio", "aandeel_ministerie", "aandeel_overig"):
            if data.get(naam) is None:
                data[naam] = 0
        return data


class InlineActieForm(forms.Form):
    """Status, progress, owner and dates of one action, edited in its row of the plan page."""

    status = forms.ChoiceField(label=_("Status"), choices=Verbeteractie.Status.choices)
    voortgang = forms.IntegerField(label=_("Voortgang (%)"), min_value=0, max_value=100)
    eigenaar = forms.ModelChoiceField(
        label=_("Eigenaar"), queryset=Gebruiker.objects.none(), required=False, empty_label=_("(geen)")
    )
    startdatum = forms.DateField(label=_("Start"), required=False, widget=DatumInput())
    einddatum = forms.DateField(label=_("Eind"), required=False, widget=DatumInput())
    revisie = _revisieveld()

    def __init__(self, *args: Any, actie: Verbeteractie, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"actie-{actie.pk}-%s")
        kwargs.setdefault(
            "initial",
            {
                "status": actie.status,
                "voortgang": actie.voortgang,
                "eigenaar": actie.eigenaar_id,
                "startdatum": actie.startdatum,
                "einddatum": actie.einddatum,
                "revisie": actie.revisie,
            },
        )
        super().__init__(*args, **kwargs)
        # The owner works at the responsible organisation (a rule of the service): offer only those.
        leden = leden_van(actie.actieplan.netwerk)
        if actie.organisatie_id:
            leden = leden.filter(organisatie_id=actie.organisatie_id)
        self.fields["eigenaar"].queryset = leden
        self.fields["eigenaar"].label_from_instance = lambda g: g.naam
        self.fields["eigenaar"].widget.attrs["autofocus"] = True  # htmx focuses it after the swap
        for veld in self.fields.values():
            # The inputs sit in the row's cells; the <form> element is in the first cell.
            veld.widget.attrs["form"] = f"inline-{actie.pk}"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        _controleer_data(self)
        return data

    def focus_op_fout(self) -> None:
        """After a refusal htmx focuses the first field with an error instead of the owner."""
        fout = next((naam for naam in self.fields if naam in self.errors), None)
        if fout:
            self.fields["eigenaar"].widget.attrs.pop("autofocus", None)
            self.fields[fout].widget.attrs["autofocus"] = True


class VoortgangForm(forms.Form):
    """A progress entry on the action's timeline."""

    status = forms.ChoiceField(label=_("Status"), choices=Verbeteractie.Status.choices)
    voortgang = forms.IntegerField(label=_("Voortgang (%)"), min_value=0, max_value=100)
    datum = forms.DateField(label=_("Datum"), widget=DatumInput(), initial=timezone.localdate)
    notitie = forms.CharField(
        label=_("Notitie"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )
    revisie = _revisieveld()


class MijlpaalForm(forms.Form):
    datum = forms.DateField(label=_("Datum"), widget=DatumInput())
    omschrijving = forms.CharField(label=_("Omschrijving"), max_length=300)


class PlanForm(forms.Form):
    """The plan's own fields (title, explanation, TLP label)."""

    titel = forms.CharField(label=_("Titel"), max_length=200)
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    tlp = forms.ChoiceField(
        label=_("TLP"),
        choices=Actieplan._meta.get_field("tlp").choices,
        help_text=_("Hoe ver de inhoud van het plan gedeeld mag worden (TLP 2.0)."),
    )
    revisie = _revisieveld()


class InstemmingForm(forms.Form):
    """An organisation's consent to or objection against the current plan version."""

    organisatie = forms.ModelChoiceField(label=_("Namens"), queryset=Organisatie.objects.none())
    besluit = forms.ChoiceField(
        label=_("Besluit"),
        choices=[
            (Instemming.Besluit.INSTEMMING, _("Instemmen")),
            (Instemming.Besluit.BEZWAAR, _("Bezwaar maken")),
        ],
        widget=forms.RadioSelect,
    )
    reden = forms.CharField(
        label=_("Reden"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht bij bezwaar."),
    )

    def __init__(self, *args: Any, plan: Actieplan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = Organisatie.objects.filter(
            deelnames__netwerk_id=plan.netwerk_id
        )


class PlanFilterForm(forms.Form):
    """Filters of the plan page (GET, kept in the URL)."""

    mijn = forms.BooleanField(label=_("Alleen mijn organisatie"), required=False)
    te_laat = forms.BooleanField(label=_("Alleen te laat"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Alle statussen")), *Verbeteractie.Status.choices]
    )
    thema = forms.TypedChoiceField(label=_("Thema"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args: Any, themas: list[Thema], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", _("Alle thema's")), *((t.nummer, str(t)) for t in themas)]
