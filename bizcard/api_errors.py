"""Every API error has one shape: ``{"error": {"code": "...", "message": "..."}}``.

DRF's exception handler covers the API views; the ``handler*`` views cover what fails before
a view runs (unknown URL, server error) and answer JSON under ``/api/``, HTML elsewhere.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, RequestDataTooBig, TooManyFilesSent
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views import defaults
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from bizcard.errors import AppError

API_PREFIX = "/api/"


def error_body(code: str, message: str, **details: object) -> dict:
    return {"error": {"code": code, "message": message, **details}}


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF's EXCEPTION_HANDLER: domain errors, Django's and DRF's, all in the one shape."""
    if isinstance(exc, AppError):
        return Response(error_body(exc.code, exc.message, **exc.details), status=exc.status)
    if isinstance(exc, RequestDataTooBig | TooManyFilesSent):
        return Response(error_body("request_too_large", str(exc)), status=413)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)  # keeps WWW-Authenticate, Retry-After
    if response is None:
        return None  # a bug: Django's 500 handler answers
    if isinstance(exc, exceptions.ValidationError):
        response.data = error_body(
            "invalid_request", _validation_message(exc.detail), fields=exc.detail
        )
    else:
        response.data = error_body(exc.get_codes(), str(exc.detail))
    return response


def _validation_message(detail: object, prefix: str = "") -> str:
    """``{"files": ["Not a file."]}`` -> ``"files: Not a file."``"""
    if isinstance(detail, dict):
        return "; ".join(_validation_message(value, f"{key}: ") for key, value in detail.items())
    if isinstance(detail, list):
        return "; ".join(_validation_message(item, prefix) for item in detail)
    return f"{prefix}{detail}"


def handler400(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return JsonResponse(error_body("bad_request", "The request could not be read."), status=400)
    return defaults.bad_request(request, exception)


def handler403(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return JsonResponse(error_body("permission_denied", "Permission denied."), status=403)
    return defaults.permission_denied(request, exception)


def handler404(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return JsonResponse(error_body("not_found", "Not found."), status=404)
    return defaults.page_not_found(request, exception)


def handler500(request: HttpRequest) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return JsonResponse(error_body("server_error", "Internal server error."), status=500)
    return defaults.server_error(request)
