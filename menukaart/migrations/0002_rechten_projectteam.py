"""Give the project team the menukaart permissions: curate, edit, answer the loket."""

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
    projectteam.permissions.add(*Permission.objects.filter(content_type__app_label="menukaart"))


def neem_rechten_terug(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for groep in Group.objects.filter(name="Projectteam"):
        groep.permissions.remove(*Permission.objects.filter(content_type__app_label="menukaart"))


class Migration(migrations.Migration):
    dependencies = [
        ("menukaart", "0001_menukaartitems_links_bijlagen_loket"),
        ("netwerken", "0002_landelijke_groepen"),
    ]

    operations = [migrations.RunPython(geef_rechten, neem_rechten_terug)]
