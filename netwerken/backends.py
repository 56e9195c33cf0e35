from __future__ import annotations

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.db.models import Exists, OuterRef

from .models import Gebruiker


class GebruikerBackend(ModelBackend):
    """Django's backend, loading with the user his organisation and his two roles (every page's
    header and menu show them), so they cost no queries of their own."""

    def get_user(self, user_id: int) -> Gebruiker | None:
        groepen = Gebruiker.groups.through.objects.filter(gebruiker_id=OuterRef("pk"))
        try:
            gebruiker = (
                Gebruiker.objects.select_related("organisatie")
                .annotate(
                    _in_projectteam=Exists(groepen.filter(group__name=settings.GROEP_PROJECTTEAM)),
                    _in_stuurgroep=Exists(groepen.filter(group__name=settings.GROEP_STUURGROEP)),
                )
                .get(pk=user_id)
            )
        except Gebruiker.DoesNotExist:
            return None
        return gebruiker if self.user_can_authenticate(gebruiker) else None
