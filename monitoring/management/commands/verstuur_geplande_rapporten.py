"""Run the scheduled reports by hand (Celery beat runs them on the first of the month). Safe to
run again: a schedule sends each period once (monitoring.herinneringen)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from monitoring.herinneringen import verstuur_geplande_rapporten

from ._datum import lees_datum, voeg_datum_toe


class Command(BaseCommand):
    help = "Maakt en verstuurt de geplande rapportages waarvan de periode om is (of op --datum)."

    def add_arguments(self, parser: CommandParser) -> None:
        voeg_datum_toe(parser)

    def handle(self, *args: Any, **opties: Any) -> None:
        aantal = verstuur_geplande_rapporten(lees_datum(opties["datum"]))
        self.stdout.write(f"{aantal} e-mail{'s' if aantal != 1 else ''} met rapportages verstuurd.")
