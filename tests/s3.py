"""The test bucket, read over HTTP with boto3: what really reached object storage."""

from __future__ import annotations

import boto3
from django.conf import settings


def s3_bucket() -> str:
    return settings.STORAGES["default"]["OPTIONS"]["bucket_name"]


def s3_client():
    options = settings.STORAGES["default"]["OPTIONS"]
    return boto3.client(
        "s3",
        endpoint_url=options["endpoint_url"],
        aws_access_key_id=options["access_key"],
        aws_secret_access_key=options["secret_key"],
        region_name=options["region_name"],
    )


def s3_keys(prefix: str = "") -> list[str]:
    listing = s3_client().list_objects_v2(Bucket=s3_bucket(), Prefix=prefix)
    return [item["Key"] for item in listing.get("Contents", [])]


def s3_read(key: str) -> bytes:
    return s3_client().get_object(Bucket=s3_bucket(), Key=key)["Body"].read()
