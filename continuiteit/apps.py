from __future__ import annotations

from django.contrib.staticfiles.apps import StaticFilesConfig


class PortaalStaticFilesConfig(StaticFilesConfig):
    """Collect only the CSS of the npm design-system packages, not their JS/JSON/SCSS sources.

    `background-image-icon.css` of the design tokens refers to icons the package does not ship,
    which would break the manifest storage in production; the portal does not use it.
    """

    ignore_patterns = [
        *StaticFilesConfig.ignore_patterns,
        "background-image-icon.css",
        "*.js",
        "*.mjs",
        "*.cjs",
        "*.ts",
        "*.json",
        "*.scss",
        "*.less",
        "*.map",
    ]
