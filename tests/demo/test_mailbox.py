"""The demo mailbox: in debug mode the e-mails the platform sends are read in the browser, and
their links work; without debug mode the page does not exist."""

import re
from http import HTTPStatus
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.config.test_settings import production_env, run

MAILBOX = reverse("demo:mailbox")
NEW_PASSWORD = "groene-daken-overal-2030"


@pytest.fixture
def mailbox(settings, tmp_path):
    """Debug mode, as in the demo, with the mailbox in a folder of its own."""
    settings.DEBUG = True
    settings.DEMO_MAILBOX_DIR = tmp_path
    settings.MAILERS = {
        "default": {
            "BACKEND": "daadkracht.demo.mailbox.MailboxBackend",
            "OPTIONS": {"directory": str(tmp_path)},
        }
    }
    return tmp_path


def mails(client: Client) -> list[tuple[str, str, str]]:
    """The mailbox's rows: the mail's page, its subject and its addressee."""
    content = client.get(MAILBOX).content.decode()
    return re.findall(
        r'<th scope="row"><a href="([^"]+)">([^<]+)</a></th>\s*<td>([^<]+)</td>', content
    )


def links_in(client: Client, mail_url: str) -> list[str]:
    page = client.get(mail_url)
    assert page.status_code == HTTPStatus.OK
    body = page.content.decode().split('class="panel mail-body"', 1)[1]
    return re.findall(r'<a href="([^"]+)">http://testserver', body)


def test_an_invitation_is_read_and_followed_in_the_browser(
    world, mailbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        world.client_for("coordinator").post(
            "/alfa/leden/uitnodigen/",
            {"email": "collega@alfa.test", "role": "viewer", "department": ""},
        )
    visitor = Client()  # no log-in, no console: only the browser

    ((mail_url, subject, to),) = mails(visitor)

    assert subject == "Uitnodiging voor Gemeente Alfa op Daadkracht"
    assert to == "collega@alfa.test"
    mail_page = visitor.get(mail_url).content.decode()
    assert "<h1>Uitnodiging voor Gemeente Alfa op Daadkracht</h1>" in mail_page
    (link,) = links_in(visitor, mail_url)
    assert link.startswith("/account/uitnodiging/")  # opens on the site the demo runs on
    assert visitor.get(link).status_code == HTTPStatus.OK
    accepted = visitor.post(
        link,
        {"full_name": "Nieuwe Collega", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert accepted.status_code == HTTPStatus.FOUND
    assert accepted.url == "/alfa/"


def test_a_password_reset_link_is_followed_from_the_mailbox(world, mailbox):
    visitor = Client()
    done = visitor.post(
        reverse("accounts:password_reset"), {"email": "viewer@alfa.test"}, follow=True
    )
    assert f'href="{MAILBOX}"' in done.content.decode()

    ((mail_url, _subject, to),) = mails(visitor)
    (link,) = links_in(visitor, mail_url)
    form = visitor.get(link, follow=True)

    assert to == "viewer@alfa.test"
    assert form.context["validlink"] is True
    saved = visitor.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert saved.url == reverse("accounts:password_reset_complete")
    logged_in = visitor.post(
        reverse("accounts:login"), {"username": "viewer@alfa.test", "password": NEW_PASSWORD}
    )
    assert logged_in.status_code == HTTPStatus.FOUND


def test_the_newest_mail_comes_first(world, mailbox):
    visitor = Client()
    for email in ("viewer@alfa.test", "editor@alfa.test"):
        visitor.post(reverse("accounts:password_reset"), {"email": email})

    assert [to for _url, _subject, to in mails(visitor)] == [
        "editor@alfa.test",
        "viewer@alfa.test",
    ]
    # Each mail is also printed, as before, for whoever runs the demo in a terminal.
    assert len(list(mailbox.glob("*.eml"))) == 2


def test_the_log_in_page_and_every_footer_lead_to_the_mailbox(world, mailbox):
    login = Client().get(reverse("accounts:login")).content.decode()
    home = world.client_for("viewer").get("/alfa/").content.decode()

    assert f'<a href="{MAILBOX}">Open de demobrievenbus</a>' in login
    assert f'<a href="{MAILBOX}">Demobrievenbus</a>' in home
    empty = Client().get(MAILBOX).content.decode()
    assert "Nog geen e-mails." in empty


def test_unknown_or_crafted_mail_keys_find_nothing(mailbox):
    (mailbox / "secret.eml").write_text("Subject: geheim\n\nniet voor jou")

    for key in ("secret", "20261128T120000000000-deadbeef", "..%2Fsecret"):
        assert Client().get(f"{MAILBOX}{key}/").status_code == HTTPStatus.NOT_FOUND
    assert mails(Client()) == []


def test_without_debug_mode_there_is_no_mailbox(world, mailbox, settings):
    Client().post(reverse("accounts:password_reset"), {"email": "viewer@alfa.test"})
    ((mail_url, _subject, _to),) = mails(Client())
    settings.DEBUG = False

    assert Client().get(MAILBOX).status_code == HTTPStatus.NOT_FOUND
    assert Client().get(mail_url).status_code == HTTPStatus.NOT_FOUND
    assert MAILBOX not in Client().get(reverse("accounts:login")).content.decode()
    assert MAILBOX not in world.client_for("viewer").get("/alfa/").content.decode()


def test_production_settings_keep_no_mail_and_have_no_mailbox():
    script = (
        "import django; django.setup()\n"
        "from django.conf import settings\n"
        "from django.test import Client\n"
        "print(settings.MAILERS['default']['BACKEND'], settings.DEMO_MAILBOX_DIR)\n"
        # The 404 page links the stylesheet; without collectstatic there is no manifest.
        "from django.test.utils import override_settings\n"
        "plain = {'BACKEND': 'django.contrib.staticfiles.storage.StaticFilesStorage'}\n"
        "with override_settings(STORAGES={**settings.STORAGES, 'staticfiles': plain}):\n"
        "    print(Client().get('/demo/post/', secure=True, HTTP_HOST='daadkracht.example')"
        ".status_code)\n"
    )

    result = run(["-c", script], production_env())

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.core.mail.backends.smtp.EmailBackend", "None", "404"]


def test_the_demo_command_tells_where_the_mailbox_is(db, mailbox):
    out = StringIO()

    call_command("demo", stdout=out)

    assert f"http://127.0.0.1:8000{MAILBOX}" in out.getvalue()
