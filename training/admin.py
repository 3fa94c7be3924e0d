from django.contrib import admin

from training.models import ModelVersion


@admin.register(ModelVersion)
class ModelVersionAdmin(admin.ModelAdmin):
    list_display = ["version", "status", "parent", "size_bytes", "created_at", "promoted_at"]
    list_filter = ["status", "architecture"]
    readonly_fields = ["version", "architecture", "artifact_path", "sha256", "size_bytes",
                       "parent", "metrics", "created_at", "created_by", "promoted_at"]
