from __future__ import annotations

from django.apps import AppConfig


class BijeenkomstenConfig(AppConfig):
    name = "bijeenkomsten"
    verbose_name = "Bijeenkomsten"
