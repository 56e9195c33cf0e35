"""Forms of the toetsing (self-assessment): one item's assessment, and turning items into actions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms

from .models import Beoordeling

if TYPE_CHECKING:
    from django.db.models import QuerySet


MAX_TOELICHTING = 4000
TOELICHTING_NODIG = (Beoordeling.Status.DEELS, Beoordeling.Status.OPEN, Beoordeling.Status.NIET_RELEVANT)


class BeoordelingForm(forms.Form):
    """Status and explanation of one agenda item.

    The page shows one of these per item, so `_beoordeling.html` renders the two fields by hand
    (ids unique per item, names shared); Django's widget templates would cost ~15 ms per item.
    """

    status = forms.ChoiceField(
        label="Beoordeling",
        choices=Beoordeling.Status.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies geregeld, deels, open of niet relevant.",
            "invalid_choice": "Kies geregeld, deels, open of niet relevant.",
        },
    )
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=MAX_TOELICHTING,
        help_text="Verplicht bij deels, open en niet relevant.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean()
        gegevens["toelichting"] = (gegevens.get("toelichting") or "").strip()
        status = gegevens.get("status")
        if status in TOELICHTING_NODIG and not gegevens["toelichting"]:
            self.add_error(
                "toelichting",
                f"Licht toe waarom deze afspraak {Beoordeling.Status(status).label} is.",
            )
        return gegevens


class ActiesMakenForm(forms.Form):
    """Which assessments become actions: the ticked ones, or all open/partial ones (`alle`)."""

    beoordeling = forms.ModelMultipleChoiceField(
        queryset=Beoordeling.objects.none(),
        required=False,
        error_messages={
            "invalid_choice": "Een gekozen afspraak hoort niet bij de toetsing van dit netwerk.",
            "invalid_pk_value": "Een gekozen afspraak hoort niet bij de toetsing van dit netwerk.",
        },
    )
    alle = forms.BooleanField(required=False)

    def __init__(self, *args: Any, beoordelingen: QuerySet[Beoordeling], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["beoordeling"].queryset = beoordelingen

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean()
        if not self.errors and not gegevens.get("alle") and not gegevens.get("beoordeling"):
            raise forms.ValidationError(
                "Vink eerst een of meer afspraken aan die open of deels zijn, "
                "of kies voor alle open en deels beoordeelde afspraken."
            )
        return gegevens
