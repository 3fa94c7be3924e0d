"""The extraction pipeline: plain Python, no Django.

One entry point, :func:`bizcard.pipeline.extract.extract`, serves the Celery worker, the
``manage.py extract`` command and (later) the Label Studio ML backend.
"""
