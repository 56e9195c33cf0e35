"""PDF documents of the actieplannen app: the *netwerkrapportage* of one network's plan (§6, issue 4).

`render_netwerkrapportage_pdf(plan, gebruiker=...)` is a pure function: it loads the plan with a
fixed number of queries (whatever the number of actions), renders
`templates/actieplannen/pdf/netwerkrapportage.html` (in the shared frame `templates/pdf/basis.html`)
and lets WeasyPrint lay it out, with local resources only (the restricted URL fetcher of
`continuiteit.pdf`).

The document is made *for one reader*: its actions come from `Verbeteractie.objects.visible_to`,
so a TLP:RED action appears only in the copy of a named recipient (§4). The document's marking is
the most restrictive TLP label of the plan and the actions it contains, printed in the running
header and footer of every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from continuiteit.opmaak import euro

from . import services
from .models import TLP, Actieplan, Instemming, Verbeteractie

if TYPE_CHECKING:
    from agenda.models import Thema
    from netwerken.models import Gebruiker

# How far a document at this level may be shared (FIRST TLP 2.0, in the portal's words).
TLP_UITLEG = {
    TLP.CLEAR: "Openbaar: deze informatie mag zonder beperking worden gedeeld.",
    TLP.GREEN: (
        "Beperkte verspreiding: delen binnen de gemeenschap van het programma mag, openbaar maken niet."
    ),
    TLP.AMBER: (
        "Beperkte verspreiding: alleen delen binnen de eigen organisatie en met partners die de "
        "informatie nodig hebben om te handelen (need-to-know)."
    ),
    TLP.AMBER_STRICT: (
        "Beperkte verspreiding: alleen delen binnen de eigen organisatie, op need-to-know-basis."
    ),
    TLP.RED: "Alleen voor de genoemde ontvangers: niet verder delen, ook niet binnen de eigen organisatie.",
}

# Colours of the labels as FIRST prescribes them: coloured text on black.
TLP_KLEUR = {
    TLP.CLEAR: "#ffffff",
    TLP.GREEN: "#33ff00",
    TLP.AMBER: "#ffc000",
    TLP.AMBER_STRICT: "#ffc000",
    TLP.RED: "#ff2b2b",
}

PARTIJEN = {
    "aandeel_bedrijf": "Vitale bedrijven",
    "aandeel_regio": "Veiligheidsregio's",
    "aandeel_ministerie": "Ministeries",
    "aandeel_overig": "Overige partijen",
}


def strengste_tlp(labels: list[str]) -> str:
    """The most restrictive of the given TLP values (CLEAR < GREEN < AMBER < AMBER+STRICT < RED)."""
    volgorde = list(TLP.values)
    return max(labels, key=volgorde.index)


@dataclass
class Themagroep:
    thema: Thema
    acties: list[Verbeteractie]


def netwerkrapportage_gegevens(plan: Actieplan, *, gebruiker: Gebruiker) -> dict[str, Any]:
    """Everything the netwerkrapportage shows, for this reader: 5 queries, whatever the size.

    1 the plan with its network and kernpartner; 2 the network's sectors; 3 the actions the reader
    may see with theme, organisation, owner and agenda item (TLP:RED only for named recipients);
    4 the decisions on the current version; 5 the participating organisations with their contact.
    A plan whose consent was reopened adds 6: the titles of RED actions hidden from the reader, to
    keep them out of the reason. A reader whose permissions are not cached yet adds Django's two
    permission lookups, once.
    """
    plan = (
        Actieplan.objects.select_related("netwerk__kernpartner")
        .prefetch_related("netwerk__sectoren")
        .get(pk=plan.pk)
    )
    acties = list(
        Verbeteractie.objects.visible_to(gebruiker)
        .filter(actieplan=plan)
        .for_plan()
        .order_by("thema__nummer", "einddatum", "titel", "pk")
    )
    vandaag = timezone.localdate()
    for actie in acties:
        actie.te_laat = actie.is_te_laat(vandaag)
    per_thema = [
        Themagroep(thema, list(groep)) for thema, groep in groupby(acties, key=lambda actie: actie.thema)
    ]
    geld = services.financiering(acties)
    stand = services.instemmingsstand(plan)
    # The reason consent was reopened names the changed action ("Actie „…” toegevoegd."): keep it
    # from a reader who may not see that action (TLP:RED for others).
    verborgen = Verbeteractie.objects.filter(actieplan=plan, tlp=TLP.RED).exclude(
        pk__in=[actie.pk for actie in acties if actie.tlp == TLP.RED]
    )
    heropend_om = plan.heropend_om
    if heropend_om and any(titel in heropend_om for titel in verborgen.values_list("titel", flat=True)):
        heropend_om = "Een wezenlijke wijziging in een actie die u niet kunt inzien."
    return {
        "heropend_om": heropend_om,
        "plan": plan,
        "netwerk": plan.netwerk,
        "sectoren": list(plan.netwerk.sectoren.all()),
        "acties": acties,
        "per_thema": per_thema,
        "financiering": geld,
        "instemmingen": stand,
        "vandaag": vandaag,
    }


def _lezer(gebruiker: Gebruiker) -> str:
    return f"{gebruiker.naam} ({gebruiker.email})" if gebruiker.naam else gebruiker.email


def _kenmerken(plan: Actieplan, gegevens: dict[str, Any], gebruiker: Gebruiker) -> list[tuple[str, str]]:
    versie = f"versie {plan.versie}" if plan.versie else "nog niet ingediend"
    if plan.versie and plan.ingediend_op:
        versie += f", ingediend op {timezone.localtime(plan.ingediend_op):%d-%m-%Y}"
    kenmerken = [
        ("Netwerk", plan.netwerk.naam),
        ("Sector", ", ".join(s.naam for s in gegevens["sectoren"]) or "—"),
        ("Status", plan.get_status_display()),
        ("Versie", versie),
    ]
    if plan.vastgesteld_op:
        kenmerken.append(("Vastgesteld op", f"{timezone.localtime(plan.vastgesteld_op):%d-%m-%Y}"))
    kenmerken += [
        ("Verbeteracties", str(len(gegevens["acties"]))),
        ("Datum", f"{gegevens['vandaag']:%d-%m-%Y}"),
        ("Opgesteld voor", _lezer(gebruiker)),
    ]
    return kenmerken


def render_netwerkrapportage_pdf(plan: Actieplan, *, gebruiker: Gebruiker) -> bytes:
    """The network's plan as a PDF for this reader (5 or 6 queries, see `netwerkrapportage_gegevens`)."""
    # The shared PDF machinery imports WeasyPrint (slow, and it logs while loading its own
    # stylesheets): only when a document is made, not whenever the URLconf or `excel` is loaded.
    from continuiteit.pdf import schrijf_pdf, tekst_als_html

    gegevens = netwerkrapportage_gegevens(plan, gebruiker=gebruiker)
    plan = gegevens["plan"]
    acties = gegevens["acties"]
    markering = strengste_tlp([plan.tlp, *(actie.tlp for actie in acties)])
    geld = gegevens["financiering"]
    instemmingen = gegevens["instemmingen"]
    titel = f"Netwerkrapportage · {plan.netwerk.naam}"
    context = {
        **gegevens,
        "documentsoort": "Netwerkrapportage",
        "documenttitel": titel,
        "omslagtitel": plan.netwerk.naam,
        "ondertitel": plan.titel,
        "kenmerken": _kenmerken(plan, gegevens, gebruiker),
        "tlp": markering,
        "markering": TLP(markering).label,  # the running header and footer (continuiteit.pdf)
        "tlp_kleur": TLP_KLEUR[markering],
        "tlp_uitleg": TLP_UITLEG[markering],
        "tlp_plan_label": TLP(plan.tlp).label,
        "tlp_strenger_dan_plan": markering != plan.tlp,
        "voettekst": " · ".join(
            [
                plan.get_status_display(),
                *([f"versie {plan.versie}"] if plan.versie else []),
                f"{timezone.localdate():%d-%m-%Y}",
            ]
        ),
        "toelichting_html": tekst_als_html(plan.toelichting),
        "per_partij": [(label, euro(geld["per_partij"][veld])) for veld, label in PARTIJEN.items()],
        "per_thema_geld": [(thema, euro(bedrag)) for thema, bedrag in geld["per_thema"].items()],
        "totaal_geld": euro(geld["totaal"]),
        "aantal_te_laat": sum(1 for actie in acties if actie.te_laat),
        "lezer": _lezer(gebruiker),
        "aantal_ingestemd": sum(
            1
            for regel in instemmingen
            if regel["instemming"] and regel["instemming"].besluit == Instemming.Besluit.INSTEMMING
        ),
        "inhoud": [
            {"anker": "plan", "titel": "Het actieplan"},
            {
                "anker": "acties",
                "titel": "Verbeteracties per thema",
                "onderdelen": [
                    {
                        "anker": f"thema-{groep.thema.nummer}",
                        "titel": f"{groep.thema.nummer}. {groep.thema.naam}",
                    }
                    for groep in gegevens["per_thema"]
                ],
            },
            {"anker": "financiering", "titel": "Financiering"},
            {"anker": "instemming", "titel": "Instemming per organisatie"},
        ],
    }
    return schrijf_pdf("actieplannen/pdf/netwerkrapportage.html", context)
