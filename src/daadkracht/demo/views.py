"""The demo mailbox pages: only in debug mode, a 404 everywhere else."""

from pathlib import Path

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from daadkracht.access.entry import public_view
from daadkracht.demo.mailbox import linked_text, mailbox_directory, mailbox_get, mailbox_list


def _directory() -> Path:
    directory = mailbox_directory()
    if directory is None:
        raise Http404
    return directory


@public_view
def mailbox(request: HttpRequest) -> HttpResponse:
    """Every e-mail the demo sent, newest first."""
    return render(request, "demo/mailbox.html", {"mails": mailbox_list(_directory())})


@public_view
def mail(request: HttpRequest, key: str) -> HttpResponse:
    """One e-mail, readable, with its links working on this site."""
    found = mailbox_get(_directory(), key)
    if found is None:
        raise Http404
    return render(request, "demo/mail.html", {"mail": found, "body": linked_text(found.text)})
