"""BizCard: the Django project package; the pipeline in ``bizcard.pipeline`` has no Django."""
