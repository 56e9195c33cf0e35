"""Project-wide form rendering: every Django form renders with the portal's accessible templates."""

from __future__ import annotations

from django.forms.renderers import TemplatesSetting


class PortaalFormRenderer(TemplatesSetting):
    """Labels, help texts and errors tied to their field (aria-describedby), NL Design System classes."""

    form_template_name = "formulieren/formulier.html"
    field_template_name = "formulieren/veld.html"
