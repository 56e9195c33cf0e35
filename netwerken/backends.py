from __future__ import annotations

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
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

    def get_all_permissions(self, user_obj: Gebruiker, obj: object = None) -> set[str]:
        """The user's global permissions, his own and his groups', in one query instead of Django's two.

        Remembered on the user object (one request) under Django's own cache name, so
        `get_user_permissions`/`get_group_permissions` keep working as before.
        """
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            rechten = Permission.objects.all()
            if not user_obj.is_superuser:
                eigen = Gebruiker.user_permissions.through.objects.filter(
                    gebruiker_id=user_obj.pk, permission_id=OuterRef("pk")
                )
                via_groep = Group.permissions.through.objects.filter(
                    group__user=user_obj.pk, permission_id=OuterRef("pk")
                )
                rechten = rechten.filter(Exists(eigen) | Exists(via_groep))
            user_obj._perm_cache = {
                f"{app}.{codename}"
                for app, codename in rechten.values_list("content_type__app_label", "codename").order_by()
            }
        return user_obj._perm_cache
