"""BizCard settings: one module, configured from the environment.

With no environment at all BizCard runs on its own ("embedded mode"): SQLite and uploaded
images under ``BIZCARD_DATA_DIR`` (default ``var/``), background work in an in-process thread
pool, browser events over an in-memory channel layer. Each service switches to its
production form when its variable is set:

====================  =======================================  ============================
variable              when set                                 when unset (default)
====================  =======================================  ============================
DATABASE_URL          that database (PostgreSQL in production) SQLite, DATA_DIR/bizcard.sqlite3
REDIS_URL             Celery broker + results, Redis channels  thread pool, in-memory channels
S3_BUCKET             card images in S3/MinIO (S3_ENDPOINT_URL, files under DATA_DIR/media
                      S3_ACCESS_KEY, S3_SECRET_KEY, S3_REGION)
SECRET_KEY            that key                                 random, in DATA_DIR/secret_key
DEBUG                 true/false                               false
ALLOWED_HOSTS         comma-separated                          localhost,127.0.0.1,[::1]
CSRF_TRUSTED_ORIGINS  comma-separated origins (behind a proxy) none
====================  =======================================  ============================

Reading: ``BIZCARD_MAX_UPLOAD_MB`` (10) per file, ``BIZCARD_MAX_UPLOAD_FILES`` (20) per
request, ``BIZCARD_MAX_IMAGE_PIXELS`` (40 000 000), ``BIZCARD_OCR_ENGINE`` (rapidocr),
``BIZCARD_OCR_LANGUAGE`` (auto), ``BIZCARD_PHONE_REGION`` (US), ``BIZCARD_OCR_THREADS`` (2),
``BIZCARD_MODEL`` (production), ``BIZCARD_MODEL_ROOT`` (var/models),
``BIZCARD_EMBEDDED_WORKERS`` (1), ``BIZCARD_STUCK_AFTER_MINUTES`` (15).
Reviewing: ``BIZCARD_LOW_CONFIDENCE`` (0.8): fields below it are highlighted for checking.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

DATA_DIR = Path(env("BIZCARD_DATA_DIR", default=str(BASE_DIR / "var")))


def _local_secret_key(data_dir: Path) -> str:
    """A key made once per installation, so embedded mode needs no configuration."""
    path = data_dir / "secret_key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = env("SECRET_KEY", default="") or _local_secret_key(DATA_DIR)
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "daphne",  # first: its runserver serves the ASGI application (HTTP + websockets)
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "channels",
    "django_htmx",
    "bizcard.cards",
    "annotation",
    "training",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "bizcard.urls"
WSGI_APPLICATION = "bizcard.wsgi.application"
ASGI_APPLICATION = "bizcard.asgi.application"

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

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'bizcard.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    # The web thread and the background pool write concurrently: WAL plus a lock wait.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "cards:index"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = env("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"  # `collectstatic` fills it; WhiteNoise warns while it is missing
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
# Serve straight from the app folders too, so the app runs without `collectstatic`.
WHITENOISE_USE_FINDERS = True

S3_BUCKET = env("S3_BUCKET", default="")
MEDIA_ROOT = DATA_DIR / "media"
if S3_BUCKET:
    _image_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env("S3_ENDPOINT_URL", default="") or None,
            "access_key": env("S3_ACCESS_KEY", default="") or None,
            "secret_key": env("S3_SECRET_KEY", default="") or None,
            "region_name": env("S3_REGION", default="us-east-1"),
            "addressing_style": "path",  # MinIO serves buckets as paths, not subdomains
            "signature_version": "s3v4",
            "default_acl": "private",
            "file_overwrite": False,
        },
    }
else:
    _image_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT},
    }
STORAGES = {
    "default": _image_storage,
    # No manifest: templates render even where `collectstatic` has not run (tests, embedded).
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

REDIS_URL = env("REDIS_URL", default="")
# "celery": a worker process takes the tasks; "threads": a pool inside the web process does.
BIZCARD_TASKS = "celery" if REDIS_URL else "threads"
BIZCARD_EMBEDDED_WORKERS = env.int("BIZCARD_EMBEDDED_WORKERS", default=1)

CELERY_BROKER_URL = REDIS_URL or None
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_DEFAULT_QUEUE = "cards"  # long training jobs (milestone 5) get their own queue
CELERY_WORKER_PREFETCH_MULTIPLIER = 1  # a task takes seconds; don't hoard them in one worker
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE

# A socket waits for events with a blocking Redis read of 5 s (channels_redis); redis-py's
# default socket timeout is also 5 s and would cut every idle websocket off after it.
CHANNEL_REDIS_SOCKET_TIMEOUT_S = 30
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                "hosts": [{"address": REDIS_URL, "socket_timeout": CHANNEL_REDIS_SOCKET_TIMEOUT_S}]
            },
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

REST_FRAMEWORK = {
    # Token first: an anonymous request then gets 401 with `WWW-Authenticate: Token`, not 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "bizcard.api_errors.exception_handler",
}

BIZCARD_MAX_UPLOAD_MB = env.int("BIZCARD_MAX_UPLOAD_MB", default=10)
BIZCARD_MAX_UPLOAD_FILES = env.int("BIZCARD_MAX_UPLOAD_FILES", default=20)
DATA_UPLOAD_MAX_NUMBER_FILES = BIZCARD_MAX_UPLOAD_FILES
BIZCARD_MAX_IMAGE_PIXELS = env.int("BIZCARD_MAX_IMAGE_PIXELS", default=40_000_000)
BIZCARD_OCR_ENGINE = env("BIZCARD_OCR_ENGINE", default="rapidocr")
BIZCARD_OCR_LANGUAGE = env("BIZCARD_OCR_LANGUAGE", default="auto")
BIZCARD_PHONE_REGION = env("BIZCARD_PHONE_REGION", default="US")
BIZCARD_OCR_THREADS = env.int("BIZCARD_OCR_THREADS", default=2)
# "production": the registry's production version; or a registered version, or "rules".
BIZCARD_MODEL = env("BIZCARD_MODEL", default="production")
# Where trained model artifacts are written, one directory per version.
BIZCARD_MODEL_ROOT = Path(env("BIZCARD_MODEL_ROOT", default=str(DATA_DIR / "models")))
# A queued or processing card untouched this long is taken as lost and may be retried.
BIZCARD_STUCK_AFTER_MINUTES = env.int("BIZCARD_STUCK_AFTER_MINUTES", default=15)
BIZCARD_LOW_CONFIDENCE = env.float("BIZCARD_LOW_CONFIDENCE", default=0.8)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}
