"""The pages the benchmark measures, each for a representative user, with their class in §8.

Classes: *detail* (list and detail pages: p95 ≤ 150 ms), *dashboard* (p95 ≤ 300 ms) and *basis*
(the trivial logged-in page that sets the throughput baseline: the password-change form, which
needs only the session and the user). A page that paginates its rows is also *gepagineerd*: at 10×
no more than 1.5× slower than at 1×.

The users are demo accounts: adviseur@demo.nl (coordinator of Drinkwater Vitens and of every 22nd
synthetic network), bcm@demo.nl (member and Vitens's contact in the same networks),
projectteam@demo.nl (sees all networks) and stuurgroep@demo.nl (aggregates only). The network,
plan, action and meeting pages are those of the first synthetic network, which exists at every
scale and has the size of an ordinary synthetic network; so the URLs are the same at 1× and 10×.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from actieplannen.models import TLP, Verbeteractie
from bijeenkomsten.models import Bijeenkomst
from menukaart.models import MenukaartItem
from netwerken.models import Netwerk

from .gegevens import ADVISEUR, BCM, MENUKAART_PREFIX, NETWERK_MERK, PROJECTTEAM

STUURGROEP = "stuurgroep@demo.nl"
DETAIL, DASHBOARD, BASIS = "detail", "dashboard", "basis"


@dataclass(frozen=True)
class Pagina:
    naam: str
    gebruiker: str  # e-mail of the demo account that requests it
    pad: str
    soort: str  # DETAIL, DASHBOARD or BASIS
    gepagineerd: bool = False

    def als_dict(self) -> dict[str, object]:
        return asdict(self)


def eerste_netwerk() -> Netwerk:
    """The first synthetic network (the demo accounts are members); exists at every scale > 0."""
    netwerk = Netwerk.objects.filter(slug__contains=NETWERK_MERK).order_by("slug").first()
    if netwerk is None:
        raise LookupError("Er zijn geen synthetische gegevens: voer eerst benchmark.gegevens.genereer uit.")
    return netwerk


def paginas() -> list[Pagina]:
    """The measured pages, resolved against the database (four queries)."""
    netwerk = eerste_netwerk()
    slug = netwerk.slug
    actie = (
        Verbeteractie.objects.filter(actieplan__netwerk=netwerk)
        .exclude(tlp=TLP.RED)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    bijeenkomst = (
        Bijeenkomst.objects.filter(netwerk=netwerk, einde__gt=timezone.now())
        .order_by("begin")
        .values_list("pk", flat=True)
        .first()
    )
    item = (
        MenukaartItem.objects.filter(
            code__startswith=MENUKAART_PREFIX, status=MenukaartItem.Status.GEPUBLICEERD, tlp=TLP.CLEAR
        )
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    vandaag = timezone.localdate()
    lijst = [
        Pagina("Wachtwoord wijzigen (basis)", ADVISEUR, reverse("password_change"), BASIS),
        Pagina("Mijn overzicht — coördinator", ADVISEUR, reverse("mijn_overzicht"), DETAIL),
        Pagina("Mijn overzicht — lid", BCM, reverse("mijn_overzicht"), DETAIL),
        Pagina("Mijn overzicht — projectteam", PROJECTTEAM, reverse("mijn_overzicht"), DETAIL),
        Pagina("Netwerken — coördinator", ADVISEUR, reverse("netwerken:lijst"), DETAIL, True),
        Pagina("Netwerken — projectteam", PROJECTTEAM, reverse("netwerken:lijst"), DETAIL, True),
        Pagina("Netwerkpagina", ADVISEUR, reverse("netwerken:detail", args=[slug]), DETAIL),
        Pagina("Actieplan — coördinator", ADVISEUR, reverse("actieplannen:plan", args=[slug]), DETAIL),
        Pagina("Actieplan — lid", BCM, reverse("actieplannen:plan", args=[slug]), DETAIL),
        Pagina("Verbeteractie", ADVISEUR, reverse("actieplannen:actie", args=[slug, actie]), DETAIL),
        Pagina("Planhistorie", ADVISEUR, reverse("actieplannen:historie", args=[slug]), DETAIL),
        Pagina("Toetsing", ADVISEUR, reverse("actieplannen:toetsing", args=[slug]), DETAIL),
        Pagina("Agenda's", ADVISEUR, reverse("agenda:overzicht"), DETAIL),
        Pagina("Agenda drinkwater", ADVISEUR, reverse("agenda:sector", args=["drinkwater"]), DETAIL),
        Pagina("Rolbeschrijving", ADVISEUR, reverse("agenda:rol_huidig"), DETAIL),
        Pagina("Menukaart", ADVISEUR, reverse("menukaart:zoeken"), DETAIL, True),
        Pagina(
            "Menukaart zoeken „water”",
            ADVISEUR,
            f"{reverse('menukaart:zoeken')}?{urlencode({'q': 'water'})}",
            DETAIL,
            True,
        ),
        Pagina("Menukaartitem", ADVISEUR, reverse("menukaart:item", args=[item]), DETAIL),
        Pagina("Bijeenkomsten — coördinator", ADVISEUR, reverse("bijeenkomsten:lijst"), DETAIL, True),
        Pagina("Bijeenkomsten — projectteam", PROJECTTEAM, reverse("bijeenkomsten:lijst"), DETAIL, True),
        Pagina(
            "Bijeenkomsten deze maand",
            ADVISEUR,
            reverse("bijeenkomsten:maand", args=[vandaag.year, vandaag.month]),
            DETAIL,
        ),
        Pagina("Bijeenkomst", ADVISEUR, reverse("bijeenkomsten:detail", args=[bijeenkomst]), DETAIL),
        Pagina("Rapportages", PROJECTTEAM, reverse("monitoring:rapporten"), DETAIL, True),
        Pagina("Monitoring — projectteam", PROJECTTEAM, reverse("monitoring:dashboard"), DASHBOARD),
        Pagina("Monitoring — stuurgroep", STUURGROEP, reverse("monitoring:dashboard"), DASHBOARD),
        Pagina("Toetsbijeenkomst", PROJECTTEAM, reverse("monitoring:toetsbijeenkomst"), DASHBOARD, True),
    ]
    return lijst
