# BizCard image for docker-compose.yml: the web service (daphne serving bizcard.asgi) and the
# Celery worker run this same image with different commands.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app

# Tesseract reads Cyrillic cards (no PP-OCR model does); onnxruntime needs libgomp.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus tesseract-ocr-ell tesseract-ocr-ukr \
        tesseract-ocr-bul tesseract-ocr-srp tesseract-ocr-bel libgomp1 libglib2.0-0 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies before the code, pinned by the lock, so a code change reuses this layer.
# torch's CPU build (torch==2.13.0+cpu in the lock) comes from PyTorch's own index.
COPY pyproject.toml requirements.lock ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > /tmp/requirements.txt \
    && pip install --extra-index-url https://download.pytorch.org/whl/cpu \
        -c requirements.lock -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY . .

# A throwaway key: without one, settings would write a real one into the image.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput --verbosity 0 \
    && useradd --create-home --uid 1000 bizcard \
    && mkdir -p /app/var/models \
    && chown -R bizcard:bizcard /app/var

USER bizcard
EXPOSE 8000
CMD ["daphne", "--bind", "0.0.0.0", "--port", "8000", "bizcard.asgi:application"]
