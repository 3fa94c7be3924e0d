from django.contrib import admin

from bizcard.cards.models import Card, Contact, ContactMerge, FieldCorrection


@admin.register(Card)
class CardAdmin(admin.ModelAdmin):
    list_display = ["id", "owner", "original_filename", "status", "error_code", "created_at"]
    list_filter = ["status", "engine", "model_version"]
    search_fields = ["original_filename", "sha256", "owner__username"]
    readonly_fields = ["sha256", "attempts", "created_at", "updated_at", "processed_at"]
    list_select_related = ["owner"]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["id", "owner", "full_name", "company", "model_version", "created_at"]
    search_fields = ["full_name", "company", "owner__username"]
    raw_id_fields = ["cards"]
    list_select_related = ["owner"]


@admin.register(FieldCorrection)
class FieldCorrectionAdmin(admin.ModelAdmin):
    list_display = ["id", "contact", "field", "method", "user", "model_version", "created_at"]
    list_filter = ["field", "method", "model_version"]
    raw_id_fields = ["contact", "card"]
    list_select_related = ["contact", "user"]


@admin.register(ContactMerge)
class ContactMergeAdmin(admin.ModelAdmin):
    list_display = ["id", "contact", "merged_contact_id", "user", "created_at"]
    search_fields = ["merged_contact_id", "contact__full_name"]
    raw_id_fields = ["contact", "user"]
    readonly_fields = ["created_at"]
    list_select_related = ["contact", "user"]
