"""Settings for the portal: one module, configured by the environment.

Without any environment the portal runs on the *embedded default*: DEBUG on, SQLite, tasks run
in-process. Production sets DEBUG=false, SECRET_KEY, DATABASE_URL, REDIS_URL and ALLOWED_HOSTS;
README.md lists every variable.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)
# Development may run with a throwaway key; production must provide its own.
_DEV_SECRET_KEY = "dev-only-insecure-key-niet-voor-productie-0123456789abcdefghijklmnopqrstuvwxyz"
SECRET_KEY = env_str("SECRET_KEY", default=_DEV_SECRET_KEY if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY is required when DEBUG is off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "continuiteit.apps.PortaalStaticFilesConfig",  # django.contrib.staticfiles, npm sources left out
    "django.forms",  # lets the form renderer below find Django's own widget templates
    "django_htmx",
    "guardian",
    "simple_history",
    "netwerken",
    "agenda",
    "actieplannen",
    "menukaart",
    "monitoring",
    "bijeenkomsten",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Records request.user as the acting user of every history row.
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "continuiteit.urls"
WSGI_APPLICATION = "continuiteit.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

FORM_RENDERER = "continuiteit.forms.PortaalFormRenderer"

# SQLite by default (embedded); DATABASE_URL selects PostgreSQL in CI and production.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", default=60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The portal's queries are short; PostgreSQL's JIT compiler costs ~200 ms whenever a planner
    # estimate overshoots (e.g. on tables not analysed yet) and never pays back here.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "netwerken.Gebruiker"
AUTHENTICATION_BACKENDS = [
    "netwerken.backends.GebruikerBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "mijn_overzicht"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day
UITNODIGING_GELDIG_DAGEN = env_int("UITNODIGING_GELDIG_DAGEN", default=14)

# guardian: no anonymous user row; our own permission models use direct foreign keys.
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = False

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # NL Design System CSS, installed from npm by `make` (package-lock.json), served by the portal.
    ("vendor/utrecht/components", BASE_DIR / "node_modules/@utrecht/component-library-css/dist"),
    ("vendor/utrecht/tokens", BASE_DIR / "node_modules/@utrecht/design-tokens/dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # The manifest storage needs collectstatic; development and tests serve files as they are.
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG and env_bool("STATIC_MANIFEST", default=True)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Development and tests serve static files from their sources; production from collectstatic.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Uploaded attachments and generated reports: never under a URL; served only by views that
# check permission. There is deliberately no MEDIA_URL route.
PRIVE_BESTANDEN = MEDIA_ROOT / "prive"
MAX_BIJLAGE_MB = env_int("MAX_BIJLAGE_MB", default=20)

# E-mail: printed to the console in development; SMTP in production.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env_int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", default="Continuïteitportaal <noreply@continuiteit.example>"
)
# Absolute links in e-mails; production must say where the portal lives.
SITE_URL = env_str("SITE_URL", default="http://127.0.0.1:8000") if DEBUG else env_str("SITE_URL")

# Background work: Redis when REDIS_URL is set, otherwise in-process (embedded default).
REDIS_URL = env_str("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 10 * 60
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 60 * 60}
CELERY_TIMEZONE = TIME_ZONE
# Periodic work (`celery beat` in production; `manage.py` commands can run each job by hand).
# Every job is idempotent: running it twice sends and stores nothing twice.
CELERY_BEAT_SCHEDULE = {
    "momentopname": {  # monthly snapshot of the figures, for trends
        "task": "monitoring.maak_momentopname",
        "schedule": crontab(minute=15, hour=2, day_of_month=1),
    },
    "geplande-rapporten": {  # stuurgroep monthly, CVI quarterly, as configured in Rapportschema;
        # daily, so a failed send or a missed run is retried the next day (a period is sent once)
        "task": "monitoring.verstuur_geplande_rapporten",
        "schedule": crontab(minute=0, hour=6),
    },
    "herinneringen": {  # actions due / overdue, pending consents, missing updates, menukaart reviews
        "task": "monitoring.verstuur_herinneringen",
        "schedule": crontab(minute=0, hour=7),
    },
    "bijeenkomst-herinneringen": {  # meetings tomorrow
        "task": "bijeenkomsten.verstuur_herinneringen",
        "schedule": crontab(minute=0, hour=8),
    },
}

# Security: strict in production, relaxed only for the local embedded default.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", default="INFO")},
    # WeasyPrint logs every layout step of every page at INFO: noise in the worker's log.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}

# Names of the groups that carry the national roles (created by a data migration).
GROEP_PROJECTTEAM = "Projectteam"
GROEP_STUURGROEP = "Stuurgroep"

# Demo accounts and example content: loaded by `make run`, refused in production.
DEMO_DATA_TOEGESTAAN = env_bool("DEMO_DATA", default=DEBUG)
