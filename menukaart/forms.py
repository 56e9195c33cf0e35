"""Forms of the menukaart screens: they validate and normalise; services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from agenda.models import Thema
from netwerken.models import Organisatie, Sector

from .bestanden import ACCEPT, controleer_bijlage
from .models import MenukaartItem

MAX_LINKS = 20


class ZoekForm(forms.Form):
    """The search and its filters; everything in the URL (GET)."""

    q = forms.CharField(
        label=_("Zoek in de menukaart"),
        required=False,
        max_length=200,
        help_text=_(
            'Zoek op woorden in titel, samenvatting en tekst. Zet woorden tussen "aanhalingstekens" om op die zin te zoeken.'
        ),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    thema = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=Thema.objects.all(),
        to_field_name="nummer",
        required=False,
        empty_label=_("Alle thema's"),
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle sectoren"),
    )
    soort = forms.ChoiceField(
        label=_("Soort"), choices=[("", _("Alle soorten")), *MenukaartItem.Soort.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Alle statussen")), *MenukaartItem.Status.choices, ("verouderd", _("verouderd"))],
        required=False,
    )

    def __init__(self, *args: Any, curator: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not curator:
            del self.fields["status"]  # others only see published items and their own proposals


def _regels_naar_links(tekst: str) -> list[tuple[str, str]]:
    """One link per line: "Titel | https://…" or only the address (then it is its own title)."""
    links: list[tuple[str, str]] = []
    controle = URLValidator(schemes=["http", "https"])
    for nummer, regel in enumerate(tekst.splitlines(), start=1):
        regel = regel.strip()
        if not regel:
            continue
        titel, _sep, url = regel.rpartition("|")
        titel, url = titel.strip(), url.strip()
        try:
            controle(url)
        except ValidationError:
            raise ValidationError(
                _("Regel %(nummer)d: „%(url)s” is geen adres dat begint met https:// of http://."),
                params={"nummer": nummer, "url": url[:80]},
            ) from None
        links.append(((titel or url)[:200], url))
    if len(links) > MAX_LINKS:
        raise ValidationError(_("Geef hoogstens %(max)d links."), params={"max": MAX_LINKS})
    return links


class BijlageVeld(forms.FileField):
    """A file field that checks the content of the upload (menukaart.bestanden)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("allow_empty_file", True)  # controleer_bijlage says it in Dutch
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ACCEPT}))
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        bestand = super().clean(data, initial)
        if bestand:
            controleer_bijlage(bestand, bestand.name, bestand.size)
        return bestand


class ItemForm(forms.ModelForm):
    """Propose or edit an item, with its links and one new attachment."""

    links = forms.CharField(
        label=_("Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eén link per regel: Titel | https://… (alleen het adres mag ook)."),
    )
    bijlage = BijlageVeld(
        label=_("Bijlage toevoegen"),
        required=False,
        help_text=_("PDF, Word (DOCX), OpenDocument (ODT), Excel (XLSX), PNG of JPEG; hoogstens %(mb)s MB."),
    )
    revisie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = MenukaartItem
        fields = [
            "soort",
            "titel",
            "samenvatting",
            "inhoud",
            "themas",
            "sectoren",
            "organisatie",
            "contact_naam",
            "contact_email",
            "contact_telefoon",
            "tlp",
        ]
        widgets = {
            "samenvatting": forms.Textarea(attrs={"rows": 3}),
            "inhoud": forms.Textarea(attrs={"rows": 12}),
            "themas": forms.CheckboxSelectMultiple,
            "sectoren": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from django.conf import settings

        super().__init__(*args, **kwargs)
        self.fields["bijlage"].help_text = self.fields["bijlage"].help_text % {"mb": settings.MAX_BIJLAGE_MB}
        self.fields["organisatie"].queryset = Organisatie.objects.filter(actief=True).order_by("naam")
        self.fields["organisatie"].empty_label = _("(geen)")
        self.fields["soort"].choices = [("", _("Kies een soort")), *MenukaartItem.Soort.choices]
        self.fields["tlp"].label = _("Vertrouwelijkheid (TLP)")
        self.fields["themas"].required = True
        self.fields["themas"].error_messages["required"] = _("Kies minstens één thema.")
        self.fields["themas"].help_text = _(
            "Minstens één thema; een item wordt gevonden en voorgesteld per thema."
        )
        self.fields["sectoren"].help_text = _("Voor welke sectoren is het bruikbaar?")
        if self.instance.pk:
            self.fields["revisie"].initial = self.instance.revisie
            self.fields["links"].initial = "\n".join(
                f"{link.titel} | {link.url}" for link in self.instance.links.all()
            )

    def clean_links(self) -> list[tuple[str, str]]:
        return _regels_naar_links(self.cleaned_data["links"])

    def itemvelden(self) -> dict[str, Any]:
        """The cleaned values as the services take them."""
        data = self.cleaned_data
        return {
            **{veld: data[veld] for veld in self.Meta.fields if veld not in ("themas", "sectoren")},
            "themas": list(data["themas"]),
            "sectoren": list(data["sectoren"]),
            "links": data["links"],
            "bijlage": data.get("bijlage") or None,
        }


class BijlageForm(forms.Form):
    bestand = BijlageVeld(
        label=_("Bestand"),
        help_text=_("PDF, Word (DOCX), OpenDocument (ODT), Excel (XLSX), PNG of JPEG."),
    )


class VraagForm(forms.Form):
    vraag = forms.CharField(
        label=_("Uw vraag aan het loket"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Het projectteam beantwoordt uw vraag; het antwoord ziet u onder „Mijn vragen”."),
    )
    item = forms.IntegerField(widget=forms.HiddenInput, required=False)


class AntwoordForm(forms.Form):
    antwoord = forms.CharField(label=_("Antwoord"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))


class KoppelForm(forms.Form):
    actie = forms.IntegerField(label=_("Actie"), min_value=1)
