"""Give the project team the right to maintain themes, agendas and the role description."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def geef_rechten(apps, schema_editor):
    # Permissions are normally created after all migrations; this migration needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    projectteam, _ = Group.objects.get_or_create(name="Projectteam")
    projectteam.permissions.add(*Permission.objects.filter(content_type__app_label="agenda"))


def neem_rechten_terug(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for groep in Group.objects.filter(name="Projectteam"):
        groep.permissions.remove(*Permission.objects.filter(content_type__app_label="agenda"))


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0001_themas_rolbeschrijving_agendas"),
        ("netwerken", "0002_landelijke_groepen"),
    ]

    operations = [migrations.RunPython(geef_rechten, neem_rechten_terug)]
