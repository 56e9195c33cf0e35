"""Forms of the theme and sector-agenda screens: they validate and normalise; services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Besluit, Orgaan, Thema


class Datumveld(forms.DateInput):
    """The browser's own date picker; the value travels as ISO 8601 (yyyy-mm-dd)."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class ThemaForm(forms.Form):
    naam = forms.CharField(label=_("Naam"), max_length=200)
    omschrijving = forms.CharField(
        label=_("Omschrijving"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Waar het thema over gaat; staat bij de rolbeschrijving en de agenda's."),
    )


class AfspraakForm(forms.Form):
    """A samenwerkingsafspraak; a new one may name a free rank, a change never does (use 'Verplaats')."""

    thema = forms.ModelChoiceField(
        label=_("Thema"), queryset=Thema.objects.all(), empty_label=_("Kies een thema")
    )
    titel = forms.CharField(
        label=_("Titel"),
        max_length=200,
        help_text=_(
            "Kort en concreet, bijv. „Afspraken over de distributie van noodwater aan de bevolking”."
        ),
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    beoogd_resultaat = forms.CharField(
        label=_("Beoogd resultaat"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wat er geregeld is als de afspraak werkt."),
    )
    rang = forms.IntegerField(
        label=_("Rang"),
        required=False,
        min_value=1,
        help_text=_("Leeg laten: onderaan de agenda. 1 is de hoogste prioriteit; 1–5 is de top vijf."),
        error_messages={"min_value": _("De rang is 1 of hoger.")},
    )

    def __init__(self, *args: Any, nieuw: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not nieuw:
            del self.fields["rang"]


class RangForm(forms.Form):
    """Move an agreement: to a rank (number field) or one place up or down (buttons)."""

    OMHOOG, OMLAAG = "omhoog", "omlaag"

    rang = forms.IntegerField(
        label=_("Nieuwe rang"),
        required=False,
        min_value=1,
        error_messages={
            "min_value": _("De rang is 1 of hoger."),
            "invalid": _("Vul een rang in (een getal)."),
        },
    )
    richting = forms.ChoiceField(
        label=_("Richting"), required=False, choices=[(OMHOOG, _("omhoog")), (OMLAAG, _("omlaag"))]
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("richting") and data.get("rang") is None and not self.errors:
            raise forms.ValidationError(_("Vul de nieuwe rang in."))
        return data

    def doelrang(self, huidige: int) -> int:
        """The rank asked for: one of the buttons wins over the number field, which they also send."""
        richting = self.cleaned_data.get("richting")
        if richting == self.OMHOOG:
            return huidige - 1
        if richting == self.OMLAAG:
            return huidige + 1
        return self.cleaned_data["rang"]


class BesluitForm(forms.Form):
    """A body's decision on a submitted agenda."""

    orgaan = forms.ChoiceField(label=_("Orgaan"), choices=[("", _("Kies het orgaan")), *Orgaan.choices])
    besluit = forms.ChoiceField(label=_("Besluit"), choices=Besluit.choices, initial=Besluit.VASTGESTELD)
    datum = forms.DateField(
        label=_("Datum van het besluit"),
        widget=Datumveld(),
        error_messages={"invalid": _("Vul een geldige datum in, bijvoorbeeld 2016-03-01.")},
    )
    kenmerk = forms.CharField(
        label=_("Kenmerk"), required=False, max_length=100, help_text=_("Bijv. het nummer van het besluit.")
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "besluit")
        super().__init__(*args, **kwargs)


class ExpertbijeenkomstForm(forms.Form):
    datum = forms.DateField(
        label=_("Datum"),
        widget=Datumveld(),
        error_messages={"invalid": _("Vul een geldige datum in, bijvoorbeeld 2015-11-12.")},
    )
    deelnemers = forms.CharField(
        label=_("Deelnemers"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Namen en organisaties, één per regel."),
    )
    samenvatting = forms.CharField(
        label=_("Samenvatting"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "bijeenkomst")
        super().__init__(*args, **kwargs)


class VergelijkForm(forms.Form):
    """Pick two versions of a sector agenda (GET ?van=1&met=2); only versions the user may see."""

    van = forms.TypedChoiceField(label=_("Van versie"), coerce=int)
    met = forms.TypedChoiceField(label=_("Met versie"), coerce=int)

    def __init__(self, *args: Any, versies: list, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keuzes = [(a.versie, f"Versie {a.versie} ({a.get_status_display()})") for a in versies]
        for naam in ("van", "met"):
            self.fields[naam].choices = keuzes
            self.fields[naam].error_messages["invalid_choice"] = _("Kies een van de versies in de lijst.")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("van") is not None and data.get("van") == data.get("met"):
            raise forms.ValidationError(_("Kies twee verschillende versies."))
        return data
