"""Create the groups of the national roles.

Projectteam holds the global `view_netwerk` permission: it reads every network without a
per-object grant (django-guardian slows down with many grants per user). Stuurgroep holds no
network permission: it sees aggregates only.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def maak_groepen(apps, schema_editor):
    # Permissions are normally created after all migrations; this migration needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    projectteam, _ = Group.objects.get_or_create(name="Projectteam")
    Group.objects.get_or_create(name="Stuurgroep")
    projectteam.permissions.add(
        Permission.objects.get(content_type__app_label="netwerken", codename="view_netwerk")
    )


def verwijder_groepen(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Projectteam", "Stuurgroep"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("netwerken", "0001_gebruikers_organisaties_netwerken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(maak_groepen, verwijder_groepen)]
