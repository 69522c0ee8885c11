"""Sending the mails of an event: with its calendar file, or a plain alert to the organiser."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from daadkracht.access.tasks import tenant_task


@tenant_task()
def send_event_email(
    *, subject: str, body: str, html: str, to: list[str], ics: str = "", filename: str = ""
) -> None:
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to
    )
    message.attach_alternative(html, "text/html")
    if ics:
        message.attach(filename, ics, "text/calendar; charset=utf-8; method=PUBLISH")
    message.send()
