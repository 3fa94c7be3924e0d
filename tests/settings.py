"""Test settings: production mode against local services (PostgreSQL, Redis, S3 over HTTP).

The S3 endpoint is a moto server that tests/conftest.py starts on S3_TEST_PORT; moto stands in
for MinIO, which has no server binary here, and speaks the same S3 protocol over HTTP.
Any of these variables set in the environment wins over the default below.
"""

import os

S3_TEST_PORT = int(os.environ.get("BIZCARD_TEST_S3_PORT", "9123"))

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bizcard")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")
os.environ.setdefault("S3_ENDPOINT_URL", f"http://127.0.0.1:{S3_TEST_PORT}")
os.environ.setdefault("S3_BUCKET", "bizcard-test")
os.environ.setdefault("S3_ACCESS_KEY", "bizcard-test")
os.environ.setdefault("S3_SECRET_KEY", "bizcard-test-secret")
os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")

from bizcard.settings import *  # noqa: E402, F403

# Hashing with a real cost only slows every login in the tests down.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
