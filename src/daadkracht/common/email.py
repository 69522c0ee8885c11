"""Sending e-mails rendered from templates, in the background once the transaction commits."""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from daadkracht.access.tasks import enqueue, tenant_task


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    body: str
    html: str


def render_email(
    *, template: str, context: dict[str, object], language: str | None = None
) -> RenderedEmail:
    """Render `<template>_subject.txt`, `.txt` and `.html` in `language` (or the active one)."""
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        context = {"site_url": settings.SITE_URL, **context}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    return RenderedEmail(subject=subject, body=body, html=html)


def deliver(*, subject: str, body: str, html: str, to: list[str]) -> None:
    """Send now; for work that already runs in the background."""
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to
    )
    message.attach_alternative(html, "text/html")
    message.send()


@tenant_task()
def send_email(*, subject: str, body: str, html: str, to: list[str]) -> None:
    deliver(subject=subject, body=body, html=html, to=to)


def send_templated_email(
    *, template: str, context: dict[str, object], to: list[str], language: str | None = None
) -> None:
    """Render the e-mail now, in the sender's language, and send it after commit."""
    email = render_email(template=template, context=context, language=language)
    transaction.on_commit(
        lambda: enqueue(send_email, subject=email.subject, body=email.body, html=email.html, to=to)
    )
