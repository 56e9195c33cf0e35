from __future__ import annotations

from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = "Agenda en rolbeschrijving"
