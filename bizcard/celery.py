"""The Celery application: configured from Django settings (``CELERY_*``, broker ``REDIS_URL``).

Run a worker with ``celery -A bizcard worker``; it consumes the ``cards`` queue by default.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bizcard.settings")

app = Celery("bizcard")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
