"""Sending e-mails rendered from templates, in the background once the transaction commits."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from daadkracht.access.tasks import enqueue, tenant_task


@tenant_task()
def send_email(*, subject: str, body: str, html: str, to: list[str]) -> None:
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to
    )
    message.attach_alternative(html, "text/html")
    message.send()


def send_templated_email(
    *, template: str, context: dict[str, object], to: list[str], language: str | None = None
) -> None:
    """Render `<template>_subject.txt`, `.txt` and `.html` and send them after commit."""
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        context = {"site_url": settings.SITE_URL, **context}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    transaction.on_commit(lambda: enqueue(send_email, subject=subject, body=body, html=html, to=to))
