"""Run the daily reminders by hand (Celery beat runs them every morning). Safe to run again: what
was sent for a period is not sent twice (monitoring.herinneringen)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from monitoring.herinneringen import verstuur_herinneringen

from ._datum import lees_datum, voeg_datum_toe


class Command(BaseCommand):
    help = "Verstuurt de herinneringen van vandaag (of van --datum), hooguit één keer per periode."

    def add_arguments(self, parser: CommandParser) -> None:
        voeg_datum_toe(parser)

    def handle(self, *args: Any, **opties: Any) -> None:
        aantal = verstuur_herinneringen(lees_datum(opties["datum"]))
        self.stdout.write(f"{aantal} e-mail{'s' if aantal != 1 else ''} met herinneringen verstuurd.")
