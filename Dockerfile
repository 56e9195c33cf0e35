# The portal's image: gunicorn, Celery worker and beat all run from it (see docker-compose.yml).

# Front-end assets (NL Design System CSS) come from npm, installed from the lock file. Node is only
# needed at build time, so it stays in this stage.
FROM node:20-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

# Debian 12, like the development and CI machines: the same pango, fonts and PDF output.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint needs pango (and harfbuzz's subsetter for embedded fonts); the PDF reports use only
# the DejaVu and Liberation fonts, installed here so output matches the development machines.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
        fonts-dejavu-core fonts-liberation \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 --user-group portaal
WORKDIR /app

COPY requirements.lock ./
RUN pip install -r requirements.lock

COPY --from=assets /app/node_modules ./node_modules
COPY . .

# Build-time values only: collectstatic reads the settings, which require these in production.
RUN DEBUG=false SECRET_KEY=build-only SITE_URL=http://build.invalid python manage.py collectstatic --no-input \
    && mkdir -p /app/media \
    && chown portaal:portaal /app/media

USER portaal
EXPOSE 8000
CMD ["gunicorn", "continuiteit.wsgi", "--bind=0.0.0.0:8000", "--workers=3", "--no-control-socket", "--access-logfile=-"]
