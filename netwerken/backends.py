from __future__ import annotations

from django.contrib.auth.backends import ModelBackend

from .models import Gebruiker


class GebruikerBackend(ModelBackend):
    """Django's backend, loading the user's organisation with him (every page shows it)."""

    def get_user(self, user_id: int) -> Gebruiker | None:
        try:
            gebruiker = Gebruiker.objects.select_related("organisatie").get(pk=user_id)
        except Gebruiker.DoesNotExist:
            return None
        return gebruiker if self.user_can_authenticate(gebruiker) else None
