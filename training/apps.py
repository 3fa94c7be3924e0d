from django.apps import AppConfig
from django.db.models.signals import post_migrate


class TrainingConfig(AppConfig):
    name = "training"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_ensure_bootstrap_model, sender=self)


def _ensure_bootstrap_model(**kwargs: object) -> None:
    """After migrate (a fresh install, a test database): the shipped model is registered
    and in production unless another version is."""
    from training.services import bootstrap_model_ensure

    bootstrap_model_ensure()
