"""The model registry: every trained classifier artifact, and which one is in production."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ModelVersion(models.Model):
    """A trained artifact directory (ROADMAP "Model artifacts"), checked by sha256 on load."""

    class Status(models.TextChoices):
        CANDIDATE = "candidate", "Candidate"
        PRODUCTION = "production", "Production"
        RETIRED = "retired", "Retired"

    version = models.CharField(max_length=64, unique=True)
    architecture = models.CharField(max_length=32, default="layoutlmv3")
    # Absolute, or relative to settings.BIZCARD_MODEL_ROOT.
    artifact_path = models.CharField(max_length=500)
    sha256 = models.CharField(max_length=64)
    size_bytes = models.BigIntegerField()
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="children")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.CANDIDATE)
    metrics = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    promoted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["status"], condition=models.Q(status="production"),
                                    name="one_production_model"),
        ]

    def __str__(self) -> str:
        return f"{self.version} ({self.status})"
