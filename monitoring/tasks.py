"""Background work of the monitoring app. Each task loads by id, calls one function and logs;
every task can run twice without harm (the functions it calls are idempotent)."""

from __future__ import annotations

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(name="monitoring.genereer_rapport")
def genereer_rapport(rapport_id: int) -> None:
    """Render one requested report, reporting progress on the Rapport row (see monitoring.rapporten)."""
    from .rapporten import genereer

    genereer(rapport_id)


@shared_task(name="monitoring.maak_momentopname")
def maak_momentopname() -> None:
    """The monthly snapshot of the programme's figures (one per month; a second run replaces nothing)."""
    from .momentopnamen import maak_momentopname as maak

    opname = maak()
    logger.info("momentopname %s", opname.datum)


@shared_task(name="monitoring.verstuur_geplande_rapporten")
def verstuur_geplande_rapporten() -> None:
    """Generate and e-mail the scheduled reports whose period has come (once per period)."""
    from .herinneringen import verstuur_geplande_rapporten as verstuur

    aantal = verstuur()
    logger.info("geplande rapporten verstuurd: %s", aantal)


@shared_task(name="monitoring.verstuur_herinneringen")
def verstuur_herinneringen() -> None:
    """Daily reminders (actions due/overdue, pending consent, missing updates, menukaart reviews)."""
    from .herinneringen import verstuur_herinneringen as verstuur

    aantal = verstuur()
    logger.info("herinneringen verstuurd: %s", aantal)
