"""``manage.py bench_review``: how long a read card's review page takes to serve, as JSON."""

from __future__ import annotations

import json
import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.test import Client

from bizcard.cards.models import Card
from bizcard.pipeline.evaluation import percentile


class Command(BaseCommand):
    help = (
        "Time the review page of a read card (default: the newest) and its preview photo, "
        "served in process to the card's owner: p50/p95 ms and SQL queries, printed as JSON."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--card", type=int, metavar="ID", help="card id (default: newest)")
        parser.add_argument("--repeat", type=int, default=50, help="timed requests")
        parser.add_argument("--warmup", type=int, default=3, help="untimed requests first")

    def handle(self, *args: object, **options: object) -> None:
        if options["repeat"] < 1 or options["warmup"] < 0:
            raise CommandError("--repeat must be at least 1 and --warmup at least 0.")
        cards = Card.objects.filter(status=Card.Status.DONE)
        if options["card"] is not None:
            cards = cards.filter(pk=options["card"])
        card = cards.order_by("-processed_at").first()
        if card is None:
            raise CommandError("No read card to time: upload a photo first, or pass --card ID "
                               "of a card whose status is done.")
        client = Client(HTTP_HOST="localhost")
        client.force_login(card.owner)
        page_url, photo_url = f"/cards/{card.pk}/", f"/cards/{card.pk}/preview/"

        def fetch(url: str) -> int:
            response = client.get(url)
            if response.status_code != 200:
                raise CommandError(f"GET {url} answered {response.status_code}.")
            body = b"".join(response.streaming_content) if response.streaming else response.content
            return len(body)

        for _ in range(options["warmup"]):
            fetch(page_url)
        queries: list[str] = []

        def count(execute, sql, params, many, context):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):  # Django resets its own query log per request
            page_bytes = fetch(page_url)
        report = {
            "card": card.pk,
            "words": sum(len(found["words"]) for found in card.found_cards),
            "review_page_ms": self._timed(fetch, page_url, options["repeat"]),
            "review_page_queries": len(queries),
            "review_page_bytes": page_bytes,
            "preview_photo_ms": self._timed(fetch, photo_url, options["repeat"]),
        }
        self.stdout.write(json.dumps(report, indent=2))

    @staticmethod
    def _timed(fetch, url: str, repeat: int) -> dict[str, float]:
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            fetch(url)
            times.append((time.perf_counter() - started) * 1000)
        return {"p50": round(percentile(times, 50), 1), "p95": round(percentile(times, 95), 1)}
