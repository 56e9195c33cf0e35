"""Background work of the meetings app. Each task loads by id, calls one function and logs; every
task can run twice without harm (each mail has a key in `monitoring.VerzondenBericht`)."""

from __future__ import annotations

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(name="bijeenkomsten.verstuur_bijeenkomstmail")
def verstuur_bijeenkomstmail(
    bijeenkomst_id: int, soort: str, gebruiker_ids: list[int], sequence: int, kenmerk: str = ""
) -> None:
    """Invitation, update, cancellation or withdrawal mails (with `.ics`) for these persons."""
    from .mail import verstuur_bijeenkomstmail as verstuur

    aantal = verstuur(bijeenkomst_id, soort, gebruiker_ids, sequence, kenmerk)
    logger.info("bijeenkomst %s: %s %s-mails verstuurd", bijeenkomst_id, aantal, soort)


@shared_task(name="bijeenkomsten.verstuur_herinneringen")
def verstuur_herinneringen() -> None:
    """Daily (beat, 08:00): the reminder for tomorrow's meetings."""
    from .mail import verstuur_herinneringen as verstuur

    aantal = verstuur()
    logger.info("bijeenkomstherinneringen verstuurd: %s", aantal)
