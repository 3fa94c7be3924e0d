"""Settings: with no environment at all BizCard needs no services; the pipeline config."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bizcard.cards.pipeline_config import pipeline_config
from tests.processes import REPO_ROOT, embedded_env
from training.selectors import production_model_version

SHOW_SETTINGS = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "database": s.DATABASES["default"]["ENGINE"],
    "database_name": str(s.DATABASES["default"]["NAME"]),
    "storage": s.STORAGES["default"]["BACKEND"],
    "media": str(s.STORAGES["default"]["OPTIONS"]["location"]),
    "tasks": s.BIZCARD_TASKS,
    "channels": s.CHANNEL_LAYERS["default"]["BACKEND"],
    "secret_key": s.SECRET_KEY,
    "debug": s.DEBUG,
}))
"""


def show_settings(data_dir) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", SHOW_SETTINGS],
        env=embedded_env(data_dir),
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_with_no_environment_everything_runs_inside_the_process(tmp_path):
    shown = show_settings(tmp_path)

    assert shown["database"] == "django.db.backends.sqlite3"
    assert shown["database_name"] == str(tmp_path / "bizcard.sqlite3")
    assert shown["storage"] == "django.core.files.storage.FileSystemStorage"
    assert shown["media"] == str(tmp_path / "media")
    assert shown["tasks"] == "threads"
    assert shown["channels"] == "channels.layers.InMemoryChannelLayer"
    assert shown["debug"] is False


def test_the_generated_secret_key_is_kept_across_restarts(tmp_path):
    first = show_settings(tmp_path)["secret_key"]

    assert len(first) >= 50
    assert show_settings(tmp_path)["secret_key"] == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_the_tests_run_in_production_mode(settings):
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert settings.BIZCARD_TASKS == "celery"
    assert settings.STORAGES["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert settings.CHANNEL_LAYERS["default"]["BACKEND"] == "channels_redis.core.RedisChannelLayer"


@pytest.mark.django_db
def test_pipeline_config_comes_from_settings_with_overrides_on_top(settings):
    settings.BIZCARD_OCR_ENGINE = "tesseract"
    settings.BIZCARD_PHONE_REGION = "DE"
    settings.BIZCARD_OCR_THREADS = 4

    config = pipeline_config(language="ru")

    assert (config.engine, config.region, config.ocr_threads) == ("tesseract", "DE", 4)
    assert config.language == "ru"
    # BIZCARD_MODEL "production" resolves to the registry's production version.
    assert settings.BIZCARD_MODEL == "production"
    assert config.classifier == production_model_version().version
