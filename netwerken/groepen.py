"""The groups of the national roles and their permissions, kept in one place.

The data migrations create them on a new database; `zorg_voor_groepen()` restores them on every
reference-data load, so a database whose auth tables were emptied (a flush in tests, a restored
dump) gets the same rights back.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

# The project team reads every network (a global grant, no per-object rows) and maintains the
# agendas, the role description and the menukaart.
PROJECTTEAM_RECHTEN = Q(content_type__app_label="netwerken", codename="view_netwerk") | Q(
    content_type__app_label__in=["agenda", "menukaart"]
)


def zorg_voor_groepen() -> None:
    projectteam, _ = Group.objects.get_or_create(name=settings.GROEP_PROJECTTEAM)
    Group.objects.get_or_create(name=settings.GROEP_STUURGROEP)
    projectteam.permissions.add(*Permission.objects.filter(PROJECTTEAM_RECHTEN))
