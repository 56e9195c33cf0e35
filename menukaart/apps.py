from __future__ import annotations

from django.apps import AppConfig


class MenukaartConfig(AppConfig):
    name = "menukaart"
    verbose_name = "Menukaart"
