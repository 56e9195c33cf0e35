"""PDF documents of the agenda app: a sector agenda and the role description (§6, issue 3 item 11).

Each document is one pure function `render_<document>_pdf(obj) -> bytes`: it loads its data with a
fixed number of queries (whatever the number of items, sections, comments or signatures), renders a
template under `templates/agenda/pdf/` and lets WeasyPrint lay it out. Views and tasks call these;
none of them needs a request.

The PDF machinery (WeasyPrint with local resources only, `schrijf_pdf`, `tekst_als_html`) lives in
`continuiteit.pdf`, shared by every app's reports; its names stay importable from here.
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils import timezone

from continuiteit.pdf import PORTAALNAAM as PORTAALNAAM  # re-exported: the shared PDF machinery
from continuiteit.pdf import LokaleBestanden as LokaleBestanden
from continuiteit.pdf import css_tekst as css_tekst
from continuiteit.pdf import schrijf_pdf, tekst_als_html
from netwerken.models import Organisatie

from .models import (
    Agenda,
    Consultatiereactie,
    Ondertekening,
    Orgaan,
    Rolbeschrijving,
    RolSectie,
    Samenwerkingsafspraak,
    Thema,
)

# Labels of the section fields as headings in the document (the introduction's text has none).
SECTIEKOPPEN = {
    "tekst": "",
    "definitie": "Definitie",
    "taken": "Taken en verantwoordelijkheden van de veiligheidsregio",
    "wettelijke_basis": "Wettelijke basis",
    "aandachtspunten_ministeries": "Aandachtspunten in de samenwerking met de ministeries",
    "aandachtspunten_bedrijven": "Aandachtspunten in de samenwerking met de vitale bedrijven",
}


def _markering(voorbeeld: bool, vastgesteld: bool, soort: str) -> tuple[str, list[str]]:
    """The warning on the title page and in the running header, if any."""
    kort, uitleg = [], []
    if voorbeeld:
        kort.append("Voorbeeldinhoud")
        uitleg.append(
            f"Deze {soort} is voorbeeldinhoud voor demonstratie van het portaal; "
            "het zijn geen echte afspraken of besluiten."
        )
    if not vastgesteld:
        kort.append("Niet vastgesteld")
        uitleg.append("Deze versie is nog niet vastgesteld en kan nog wijzigen.")
    return " · ".join(kort), uitleg


# --- Agenda per sector ----------------------------------------------------------------------------


def agenda_voor_document(pk: int) -> tuple[Agenda, list[Thema]]:
    """The agenda with everything the document shows, and the themes: 5 queries.

    1 agenda with sector and the version it is based on; 2 agreements with their theme;
    3 adoption records; 4 expert meetings; 5 the eight themes (also those without agreements).
    """
    agenda = (
        Agenda.objects.select_related("sector", "gebaseerd_op")
        .prefetch_related(
            Prefetch(
                "afspraken", queryset=Samenwerkingsafspraak.objects.select_related("thema").order_by("rang")
            ),
            "vaststellingen",
            "expertbijeenkomsten",
        )
        .get(pk=pk)
    )
    return agenda, list(Thema.objects.order_by("nummer"))


def render_agenda_pdf(agenda: Agenda) -> bytes:
    """The agenda of one sector as a PDF document (a fixed 5 queries, see `agenda_voor_document`)."""
    agenda, themas = agenda_voor_document(agenda.pk)
    afspraken = list(agenda.afspraken.all())
    per_thema = [
        {"thema": thema, "afspraken": [a for a in afspraken if a.thema_id == thema.pk]} for thema in themas
    ]
    vastgesteld = agenda.status == Agenda.Status.VASTGESTELD
    markering, markering_toelichting = _markering(agenda.voorbeeld, vastgesteld, "agenda")
    titel = f"Agenda {agenda.sector.naam}"
    context = {
        "agenda": agenda,
        "documentsoort": "Agenda samenwerkingsafspraken",
        "documenttitel": titel,
        "ondertitel": "Samenwerkingsafspraken tussen vitale bedrijven, veiligheidsregio's en ministeries",
        "kenmerken": [
            ("Sector", agenda.sector.naam),
            ("Versie", str(agenda.versie)),
            ("Status", agenda.get_status_display()),
            ("Vastgesteld op", f"{agenda.vastgesteld_op:%d-%m-%Y}" if agenda.vastgesteld_op else "—"),
            ("Samenwerkingsafspraken", str(len(afspraken))),
            ("Afgedrukt op", f"{timezone.localdate():%d-%m-%Y}"),
        ],
        "markering": markering,
        "markering_toelichting": markering_toelichting,
        "voettekst": f"{titel} · versie {agenda.versie} · {agenda.get_status_display()}",
        "inhoud": [
            {"anker": "vaststelling", "titel": "Vaststelling"},
            {"anker": "top-vijf", "titel": "Top vijf"},
            {
                "anker": "afspraken",
                "titel": "Samenwerkingsafspraken per thema",
                "onderdelen": [
                    {
                        "anker": f"thema-{g['thema'].nummer}",
                        "titel": f"{g['thema'].nummer}. {g['thema'].naam}",
                    }
                    for g in per_thema
                ],
            },
            {"anker": "expertbijeenkomsten", "titel": "Expertbijeenkomsten"},
        ],
        "toelichting_html": tekst_als_html(agenda.toelichting),
        "aantal_afspraken": len(afspraken),
        "top_vijf": [a for a in afspraken if a.is_top_vijf],
        "per_thema": per_thema,
    }
    return schrijf_pdf("agenda/pdf/agenda.html", context)


# --- Rolbeschrijving ------------------------------------------------------------------------------


def rolbeschrijving_voor_document(pk: int) -> tuple[Rolbeschrijving, list[Organisatie]]:
    """The role description with everything the document shows, and the 25 regions: 7 queries.

    1 the version with the version it is based on; 2 sections with their theme; 3 consultation
    comments with their organisation; 4 adoption records; 5 signatures with their region;
    6 the invited organisations; 7 all safety regions (to list who has not signed yet).
    """
    rol = (
        Rolbeschrijving.objects.select_related("gebaseerd_op")
        .prefetch_related(
            Prefetch(
                "secties",
                queryset=RolSectie.objects.select_related("thema").prefetch_related(
                    Prefetch(
                        "reacties",
                        queryset=Consultatiereactie.objects.select_related("organisatie").order_by(
                            "geplaatst_op", "pk"
                        ),
                    )
                ),
            ),
            "vaststellingen",
            Prefetch("ondertekeningen", queryset=Ondertekening.objects.select_related("veiligheidsregio")),
            Prefetch("uitgenodigd", queryset=Organisatie.objects.order_by("naam")),
        )
        .get(pk=pk)
    )
    return rol, list(Organisatie.objects.veiligheidsregios())


def _sectiekop(sectie: RolSectie) -> str:
    if sectie.thema_id:
        return f"Thema {sectie.thema.nummer}. {sectie.titel}"
    return sectie.titel


def render_rolbeschrijving_pdf(rol: Rolbeschrijving) -> bytes:
    """The role description as a PDF document (a fixed 7 queries, see `rolbeschrijving_voor_document`)."""
    rol, regios = rolbeschrijving_voor_document(rol.pk)
    secties = list(rol.secties.all())

    items = []
    for sectie in secties:
        velden = [
            {"naam": naam, "label": label, "html": tekst_als_html(getattr(sectie, naam))}
            for naam, label in SECTIEKOPPEN.items()
            if getattr(sectie, naam).strip()
        ]
        items.append({"anker": f"sectie-{sectie.pk}", "kop": _sectiekop(sectie), "velden": velden})
    reacties = [
        {"reactie": reactie, "sectie": _sectiekop(sectie)}
        for sectie in secties
        for reactie in sectie.reacties.all()
    ]

    ondertekend = {o.veiligheidsregio_id: o for o in rol.ondertekeningen.all()}
    regels = [{"regio": regio, "ondertekening": ondertekend.get(regio.pk)} for regio in regios]
    totaal = len(regios)
    stand = {
        "aantal": len(ondertekend),
        "totaal": totaal,
        "procent": round(100 * len(ondertekend) / totaal) if totaal else 0,
        "regels": regels,
        "ontbrekend": [r["regio"] for r in regels if r["ondertekening"] is None],
    }

    positief = {v.orgaan for v in rol.vaststellingen.all() if v.is_positief}
    vastgesteld = rol.status == Rolbeschrijving.Status.VASTGESTELD
    markering, markering_toelichting = _markering(rol.voorbeeld, vastgesteld, "rolbeschrijving")
    context = {
        "rol": rol,
        "documentsoort": "Rolbeschrijving",
        "documenttitel": rol.titel,
        "ondertitel": "De rol van de veiligheidsregio in de samenwerking met ministeries en vitale bedrijven",
        "kenmerken": [
            ("Versie", str(rol.versie)),
            ("Status", rol.get_status_display()),
            ("Vastgesteld op", f"{rol.vastgesteld_op:%d-%m-%Y}" if rol.vastgesteld_op else "—"),
            ("Ondertekend", f"{stand['aantal']} van {stand['totaal']} veiligheidsregio's"),
            ("Afgedrukt op", f"{timezone.localdate():%d-%m-%Y}"),
        ],
        "markering": markering,
        "markering_toelichting": markering_toelichting,
        "voettekst": f"Rolbeschrijving veiligheidsregio · versie {rol.versie} · {rol.get_status_display()}",
        "inhoud": [
            {"anker": "vaststelling", "titel": "Vaststelling en ondertekening"},
            *({"anker": item["anker"], "titel": item["kop"]} for item in items),
            {"anker": "consultatie", "titel": "Bijlage 1 — Consultatie en antwoordtabel"},
            {"anker": "ondertekening", "titel": "Bijlage 2 — Ondertekening door de besturen"},
        ],
        "secties": items,
        "reacties": reacties,
        "uitgenodigd": list(rol.uitgenodigd.all()),
        "stand": stand,
        "ontbrekende_organen": [
            Orgaan(o).label for o in Rolbeschrijving.VASTSTELLENDE_ORGANEN if o not in positief
        ],
    }
    return schrijf_pdf("agenda/pdf/rolbeschrijving.html", context)
