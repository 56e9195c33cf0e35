"""Forms of the role-description screens: they validate and normalise; `agenda.services` decides."""

from __future__ import annotations

import hashlib
from typing import Any

from django import forms
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _

from netwerken.models import Organisatie

from .models import Besluit, Consultatiereactie, Ondertekening, Orgaan, Rolbeschrijving, RolSectie

# The fields of a theme section, and of the introduction / citizen-participation section.
THEMAVELDEN = (
    "definitie",
    "taken",
    "wettelijke_basis",
    "aandachtspunten_ministeries",
    "aandachtspunten_bedrijven",
)
VRIJE_VELDEN = ("titel", "tekst")

# Invitation groups, in the order the consultation usually addresses them.
SOORT_VOLGORDE = (
    Organisatie.Soort.VEILIGHEIDSREGIO,
    Organisatie.Soort.MINISTERIE,
    Organisatie.Soort.OVERIG,
    Organisatie.Soort.VITALE_PARTNER,
)
SOORT_KOPPEN = {
    Organisatie.Soort.VEILIGHEIDSREGIO: _("Veiligheidsregio's"),
    Organisatie.Soort.MINISTERIE: _("Ministeries"),
    Organisatie.Soort.OVERIG: _("Overige organisaties"),
    Organisatie.Soort.VITALE_PARTNER: _("Vitale partners"),
}


def datumveld(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een geldige datum in, bijvoorbeeld 15-03-2016.")},
    )


def controlewaarde(sectie: RolSectie) -> str:
    """A fingerprint of the section's texts, to notice that someone else saved in the meantime."""
    inhoud = "\x1f".join(getattr(sectie, veld) or "" for veld in RolSectie.TEKSTVELDEN)
    return hashlib.sha256(inhoud.encode()).hexdigest()[:16]


class SectieForm(forms.Form):
    """The texts of one section; which fields depends on the kind of section."""

    controle = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, sectie: RolSectie, **kwargs: Any) -> None:
        self.sectie = sectie
        velden = THEMAVELDEN if sectie.soort == RolSectie.Soort.THEMA else VRIJE_VELDEN
        kwargs.setdefault("initial", {veld: getattr(sectie, veld) for veld in velden})
        kwargs["initial"].setdefault("controle", controlewaarde(sectie))
        super().__init__(*args, **kwargs)
        for naam, veld in forms.fields_for_model(RolSectie, fields=velden).items():
            veld.label = str(veld.label)[:1].upper() + str(veld.label)[1:]
            if isinstance(veld.widget, forms.Textarea):
                veld.widget.attrs.update({"rows": 6})
            if naam == "tekst":
                veld.help_text = ""
            self.fields[naam] = veld
        self.order_fields([*velden, "controle"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.data and data.get("controle") and data["controle"] != controlewaarde(self.sectie):
            raise forms.ValidationError(
                _(
                    "Iemand anders heeft deze sectie gewijzigd nadat u het formulier opende. Uw tekst is nog "
                    "niet opgeslagen. Vergelijk hem met de opgeslagen tekst onder het formulier; sla opnieuw "
                    "op om die te vervangen."
                ),
                code="conflict",
            )
        return data

    @property
    def teksten(self) -> dict[str, str]:
        """The cleaned texts, ready for `services.wijzig_sectie(**form.teksten)`."""
        return {naam: waarde for naam, waarde in self.cleaned_data.items() if naam != "controle"}


class UitnodigenForm(forms.Form):
    field_order = ["alle_veiligheidsregios", "organisaties"]

    organisaties = forms.ModelMultipleChoiceField(
        label=_("Organisaties die mogen reageren"),
        queryset=Organisatie.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Medewerkers van deze organisaties kunnen tijdens de consultatie per sectie reageren."),
        error_messages={"required": _("Kies ten minste één organisatie.")},
    )
    alle_veiligheidsregios = forms.BooleanField(
        label=_("Nodig alle veiligheidsregio's uit"),
        required=False,
        help_text=_("Voegt alle 25 veiligheidsregio's toe aan de keuze hieronder."),
    )

    def __init__(self, *args: Any, rol: Rolbeschrijving, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        volgorde = Case(
            *(When(soort=soort, then=Value(i)) for i, soort in enumerate(SOORT_VOLGORDE)),
            output_field=IntegerField(),
        )
        queryset = Organisatie.objects.filter(Q(actief=True) | Q(rolconsultaties=rol)).distinct()
        queryset = queryset.annotate(soortvolgorde=volgorde).order_by("soortvolgorde", "vr_nummer", "naam")
        veld = self.fields["organisaties"]
        veld.queryset = queryset
        if self.is_bound and self.data.get("alle_veiligheidsregios"):
            veld.required = False
        # Grouped by kind for the checkboxes (one query); validation still goes through the queryset.
        groepen: dict[str, list[tuple[int, str]]] = {soort: [] for soort in SOORT_VOLGORDE}
        for organisatie in queryset:
            label = organisatie.naam
            if organisatie.vr_nummer:
                label = f"{organisatie.vr_nummer}. {organisatie.naam}"
            groepen.setdefault(organisatie.soort, []).append((organisatie.pk, label))
        veld.choices = [
            (str(SOORT_KOPPEN.get(soort, soort)), keuzes) for soort, keuzes in groepen.items() if keuzes
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        gekozen = list(data.get("organisaties") or [])
        if data.get("alle_veiligheidsregios"):
            bekend = {o.pk for o in gekozen}
            gekozen += [r for r in Organisatie.objects.veiligheidsregios() if r.pk not in bekend]
        if not gekozen and not self.has_error("organisaties"):
            self.add_error("organisaties", _("Kies ten minste één organisatie."))
        data["organisaties"] = gekozen
        return data


class VergelijkForm(forms.Form):
    # Not required: the view fills in defaults, and a filter bar carries no required markers.
    van = forms.TypedChoiceField(label=_("Oude versie"), coerce=int, required=False, empty_value=None)
    met = forms.TypedChoiceField(label=_("Nieuwe versie"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args: Any, versies: list[Rolbeschrijving], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keuzes = [(r.versie, f"Versie {r.versie} ({r.get_status_display()})") for r in versies]
        for naam in ("van", "met"):
            self.fields[naam].choices = keuzes
            self.fields[naam].error_messages["invalid_choice"] = _("Kies een van de versies in de lijst.")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        van, met = data.get("van"), data.get("met")
        if "van" in data and "met" in data and (van is None or met is None):
            raise forms.ValidationError(_("Kies twee versies om te vergelijken."))
        if van is not None and van == met:
            raise forms.ValidationError(_("Kies twee verschillende versies."))
        return data


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Naar fase"), choices=Rolbeschrijving.Status.choices)


class ReactieForm(forms.Form):
    tekst = forms.CharField(
        label=_("Uw reactie"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("U reageert namens uw organisatie. Het projectteam beantwoordt elke reactie."),
        error_messages={"required": _("Schrijf uw reactie.")},
    )


class AntwoordForm(forms.Form):
    antwoord = forms.ChoiceField(
        label=_("Antwoord"),
        choices=Consultatiereactie.Antwoord.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies: overgenomen, deels overgenomen of niet overgenomen.")},
    )
    motivering = forms.CharField(
        label=_("Motivering"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Motiveer het antwoord.")},
    )


class RolBesluitForm(forms.Form):
    orgaan = forms.ChoiceField(label=_("Orgaan"))
    besluit = forms.ChoiceField(label=_("Besluit"), choices=Besluit.choices, initial=Besluit.VASTGESTELD)
    datum = datumveld(_("Datum van het besluit"))
    kenmerk = forms.CharField(
        label=_("Kenmerk"), max_length=100, required=False, help_text=_("Bijv. het nummer van het besluit.")
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, open_organen: list[str] | None = None, **kwargs: Any) -> None:
        """`open_organen`: only offer the bodies whose decision is still missing (display only)."""
        super().__init__(*args, **kwargs)
        organen = [
            o for o in Rolbeschrijving.VASTSTELLENDE_ORGANEN if open_organen is None or o in open_organen
        ]
        self.fields["orgaan"].choices = [(o.value, o.label) for o in organen]


class OndertekeningForm(forms.Form):
    veiligheidsregio = forms.ModelChoiceField(
        label=_("Veiligheidsregio"),
        queryset=Organisatie.objects.none(),
        empty_label=_("Kies een veiligheidsregio"),
        error_messages={"invalid_choice": _("Kies een veiligheidsregio die nog niet heeft getekend.")},
    )
    datum = datumveld(_("Datum van ondertekening"))
    ondertekend_door = forms.CharField(
        label=_("Ondertekend door"), max_length=150, help_text=_("Bijv. de voorzitter van het bestuur.")
    )

    def __init__(
        self, *args: Any, rol: Rolbeschrijving, ontbrekend: list[Organisatie] | None = None, **kwargs: Any
    ) -> None:
        """`ontbrekend`: the regions that have not signed, when the caller already has them (no query)."""
        super().__init__(*args, **kwargs)
        veld = self.fields["veiligheidsregio"]
        veld.queryset = Organisatie.objects.veiligheidsregios().exclude(
            pk__in=Ondertekening.objects.filter(rolbeschrijving=rol).values("veiligheidsregio")
        )
        veld.label_from_instance = lambda r: f"{r.vr_nummer}. {r.naam}"
        if ontbrekend is not None:
            veld.choices = [("", veld.empty_label)] + [(r.pk, f"{r.vr_nummer}. {r.naam}") for r in ontbrekend]

    def clean_ondertekend_door(self) -> str:
        return self.cleaned_data["ondertekend_door"].strip()


def organen_zonder_besluit(vaststellingen: list) -> list[Orgaan]:
    gedaan = {v.orgaan for v in vaststellingen}
    return [o for o in Rolbeschrijving.VASTSTELLENDE_ORGANEN if o not in gedaan]
