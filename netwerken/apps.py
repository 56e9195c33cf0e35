from __future__ import annotations

from django.apps import AppConfig


class NetwerkenConfig(AppConfig):
    name = "netwerken"
    verbose_name = "Netwerken"
