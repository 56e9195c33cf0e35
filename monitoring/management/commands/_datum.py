"""The `--datum` option of the commands that run a periodic job by hand."""

from __future__ import annotations

import datetime

from django.core.management.base import CommandError, CommandParser


def voeg_datum_toe(parser: CommandParser) -> None:
    parser.add_argument(
        "--datum",
        help="Doe alsof het deze dag is (JJJJ-MM-DD); standaard vandaag.",
    )


def lees_datum(waarde: str | None) -> datetime.date | None:
    if not waarde:
        return None
    try:
        return datetime.date.fromisoformat(waarde)
    except ValueError:
        raise CommandError(
            f"Ongeldige datum {waarde!r}: gebruik JJJJ-MM-DD, bijvoorbeeld 2026-12-01."
        ) from None
