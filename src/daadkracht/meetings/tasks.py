"""Sending a meeting's invitation, update or cancellation with its calendar file."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from daadkracht.access.tasks import tenant_task


@tenant_task()
def send_meeting_email(
    *,
    subject: str,
    body: str,
    html: str,
    to: list[str],
    ics: str,
    method: str,
    filename: str,
) -> None:
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to
    )
    message.attach_alternative(html, "text/html")
    message.attach(filename, ics, f"text/calendar; charset=utf-8; method={method}")
    message.send()
