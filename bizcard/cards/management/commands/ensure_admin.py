"""``manage.py ensure_admin``: make sure a superuser exists and print how to log in.

Idempotent, for ``make run``: the password is generated once and kept in the data folder
(``var/admin-password.txt`` by default, git-ignored), so every run prints the same credentials.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

PASSWORD_FILE_NAME = "admin-password.txt"


class Command(BaseCommand):
    help = "Create the admin superuser if missing and print its credentials."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@localhost")
        parser.add_argument(
            "--password-file", type=Path, help=f"default: DATA_DIR/{PASSWORD_FILE_NAME}"
        )

    @transaction.atomic
    def handle(self, *args: object, **options: object) -> None:
        username: str = options["username"]
        password_file: Path = options["password_file"] or settings.DATA_DIR / PASSWORD_FILE_NAME
        stored = password_file.read_text(encoding="utf-8").strip() if password_file.exists() else ""
        password = stored or secrets.token_urlsafe(12)

        user_model = get_user_model()
        user = user_model._default_manager.filter(**{user_model.USERNAME_FIELD: username}).first()
        if user is None:
            user_model._default_manager.create_superuser(
                **{user_model.USERNAME_FIELD: username}, email=options["email"], password=password
            )
        elif not stored:
            # The password on record is unknown to us: reset it so we can print one that works.
            user.set_password(password)
            user.save(update_fields=["password"])
        elif not user.check_password(password):
            self.stdout.write(
                f"Admin user: {username} (its password was changed; delete {password_file} "
                "and run again to reset it)"
            )
            return

        if not stored:
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.touch(mode=0o600)
            password_file.write_text(password + "\n", encoding="utf-8")
        self.stdout.write(f"Admin user: {username}\nAdmin password: {password}")
