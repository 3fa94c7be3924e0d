# BizCard. `make run` starts the app on http://127.0.0.1:8000/, `make test` runs every check.
SHELL := /bin/bash
.DEFAULT_GOAL := run

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Debian packages: Tesseract (the Cyrillic and Greek reader) with Russian, Ukrainian,
# Bulgarian, Serbian, Belarusian and Greek data, fonts for the synthetic card generator and
# Chromium for the browser tests.
# The font list is training/synth/fonts.py's REQUIRED_APT_FONT_PACKAGES.
APT_PACKAGES := chromium tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus tesseract-ocr-ell \
	tesseract-ocr-ukr tesseract-ocr-bul tesseract-ocr-srp tesseract-ocr-bel fonts-liberation \
	fonts-comfortaa fonts-crosextra-caladea fonts-crosextra-carlito fonts-dejavu-core \
	fonts-dejavu-extra fonts-ebgaramond fonts-font-awesome fonts-freefont-ttf fonts-inter \
	fonts-jura fonts-lato fonts-liberation2 fonts-noto-core fonts-open-sans fonts-paratype \
	fonts-roboto-unhinted fonts-cantarell fonts-croscore fonts-hack fonts-karla \
	fonts-league-spartan fonts-linuxlibertine fonts-manrope fonts-play fonts-quicksand \
	fonts-sil-charis fonts-urw-base35 fonts-vollkorn fonts-yanone-kaffeesatz
# Written after a successful install; re-installs only when what it depends on changes.
INSTALLED := $(VENV)/.installed

# The optional PaddleOCR engine lives in its own venv: paddlex pins PyYAML==6.0.2, which the
# dev tools (moto's cfn-lint wants >=6.0.3) cannot share.
PADDLE_VENV ?= .venv-paddle
PADDLE_INSTALLED := $(PADDLE_VENV)/.installed

.PHONY: venv install run test test-paddle lint bench services lock clean

venv install: $(INSTALLED)

$(INSTALLED): pyproject.toml requirements.lock Makefile scripts/system-packages
	scripts/system-packages $(APT_PACKAGES)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else \
		"BizCard needs Python 3.11 (PYTHON=$(PYTHON) is " + sys.version.split()[0] + ")")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-c requirements.lock -e '.[dev]'
	touch $@

run: $(INSTALLED)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo
	@$(BIN)/python manage.py ensure_admin
	@echo "BizCard: http://$(HOST):$(PORT)/   (admin: http://$(HOST):$(PORT)/admin/)"
	@echo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

services:
	scripts/services-up

lint: $(INSTALLED)
	$(BIN)/ruff check .

test: $(INSTALLED) services lint test-paddle
	$(BIN)/python -m pytest

$(PADDLE_INSTALLED): pyproject.toml Makefile
	test -x $(PADDLE_VENV)/bin/python || $(PYTHON) -m venv $(PADDLE_VENV)
	$(PADDLE_VENV)/bin/python -m pip install --quiet --disable-pip-version-check \
		-e '.[paddle]' pytest==9.2.0
	touch $@

# The real PaddleOCR pipeline, offline, on a rendered card (no Django: --noconftest).
test-paddle: $(PADDLE_INSTALLED)
	$(PADDLE_VENV)/bin/python -m pytest --noconftest -p no:cacheprovider -q \
		tests/pipeline/test_ocr.py -k paddleocr

bench: $(INSTALLED)
	@$(BIN)/python manage.py bench

# Regenerate the constraints file from the venv after adding or upgrading a dependency.
lock: $(INSTALLED)
	{ echo "# Exact versions beneath pyproject.toml's direct pins: make lock. Used with pip -c."; \
	  $(BIN)/python -m pip freeze --exclude-editable --disable-pip-version-check; } > requirements.lock
	touch $(INSTALLED)

clean:
	rm -rf $(VENV) $(PADDLE_VENV) .pytest_cache .ruff_cache staticfiles
