"""Sharing a practice: a draft stays in its municipality, the editors publish it or send it
back with a message, the author hears of every step, an update is moderated again while the
published text stays online, and a withdrawn practice is gone from the public pages."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from daadkracht.access.context import editorial_scope
from daadkracht.practices.models import Practice, PracticeEvent, PracticeStatus
from daadkracht.practices.services.rules import PracticeStateChanged
from daadkracht.practices.services.workflow import practice_publish, practice_submit
from tests.practices.conftest import reload, write_practice


def own_url(world, name, **kwargs):
    return reverse(f"our_practices:{name}", kwargs={"municipality": world.a.slug, **kwargs})


def editor_client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


def submit(world, practice, who="editor", client=None):
    client = client or world.client_for(who)
    return client.post(own_url(world, "submit", pk=practice.pk))


def decide(editor, practice, decision, message=""):
    practice = reload(practice)
    return editor_client(editor).post(
        reverse("practices:review", kwargs={"pk": practice.pk}),
        {"decision": decision, "message": message, "version": practice.version},
    )


def test_a_member_shares_a_practice_through_the_form(world):
    client = world.client_for("viewer")
    response = client.post(
        own_url(world, "create"),
        {
            "title": "Geveltuinen in elke straat",
            "summary": "Bewoners vragen een geveltuin aan; de groendienst legt hem aan.",
            "themes": ["greenery"],
            "lekp_werf": "greening",
            "started_year": "2022",
            "hedges_metres": "350",
            "total_cost": "12500",
            "version": "",
        },
    )
    practice = Practice.unscoped.get(title="Geveltuinen in elke straat")
    assert response.status_code == 302
    assert practice.status == PracticeStatus.DRAFT
    assert practice.author == world.users["viewer"]
    page = client.get(own_url(world, "detail", pk=practice.pk)).content.decode()
    assert "Alleen je gemeente ziet dit ontwerp." in page
    assert "350 m" in page
    assert "€ 12.500" in page


def test_the_form_keeps_what_was_typed_when_it_refuses(world):
    response = world.client_for("editor").post(
        own_url(world, "create"),
        {"title": "Warmtenet", "summary": "x", "started_year": "²", "version": ""},
    )
    assert response.status_code == 200
    assert 'value="Warmtenet"' in response.content.decode()
    assert not Practice.unscoped.exists()


def test_a_draft_is_seen_by_its_own_municipality_only(world):
    practice = write_practice(world)
    assert world.client_for("viewer").get(own_url(world, "detail", pk=practice.pk)).status_code == (
        200
    )
    other = world.client_for("other_municipality").get(
        reverse("our_practices:detail", kwargs={"municipality": world.b.slug, "pk": practice.pk})
    )
    assert other.status_code == 404
    public = Client().get(reverse("practices:public_detail", kwargs={"pk": practice.pk}))
    assert public.status_code == 404


def test_an_incomplete_practice_cannot_be_submitted(world):
    practice = write_practice(world, tips="", themes=[])
    client = world.client_for("editor")
    response = submit(world, practice, client=client)
    assert response.status_code == 302
    assert reload(practice).status == PracticeStatus.DRAFT
    page = client.get(response.url).content.decode()
    assert "Kies minstens één thema." in page
    assert "Vul „Tips voor andere gemeenten” in voor je indient." in page


def test_submitting_tells_the_editors_and_the_author(
    world, editor, django_capture_on_commit_callbacks
):
    practice = write_practice(world)
    with django_capture_on_commit_callbacks(execute=True):
        submit(world, practice)
    assert reload(practice).status == PracticeStatus.SUBMITTED
    to = {message.to[0]: message for message in mail.outbox}
    assert "Nieuwe praktijk na te lezen" in to[editor.email].subject
    assert f"/praktijken/redactie/{practice.pk}/" in to[editor.email].body
    assert "Ontvangen" in to[world.users["editor"].email].subject


def test_a_submitted_practice_cannot_be_changed_by_its_author(world):
    practice = write_practice(world)
    submit(world, practice)
    client = world.client_for("editor")
    response = client.get(own_url(world, "edit", pk=practice.pk))
    assert response.status_code == 302


def test_the_editor_asks_for_changes_the_author_fixes_it_and_it_is_published(
    world, editor, django_capture_on_commit_callbacks
):
    practice = write_practice(world)
    submit(world, practice)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(editor, practice, "changes", "Voeg de kostprijs toe, aub.")
    assert response.status_code == 302
    assert reload(practice).status == PracticeStatus.CHANGES_REQUESTED
    (message,) = mail.outbox
    assert message.to == [world.users["editor"].email]
    assert "Voeg de kostprijs toe, aub." in message.body
    assert f"/alfa/praktijken/{practice.pk}/" in message.body
    page = world.client_for("editor").get(own_url(world, "detail", pk=practice.pk))
    assert "Voeg de kostprijs toe, aub." in page.content.decode()

    stored = reload(practice)
    client = world.client_for("editor")
    form = {
        **{k: v for k, v in stored.__dict__.items() if k in ("title", "summary", "why", "tips")},
        "what_happened": stored.what_happened,
        "intended_result": stored.intended_result,
        "challenges": stored.challenges,
        "success_factors": stored.success_factors,
        "started_year": "2021",
        "contact_email": stored.contact_email,
        "total_cost": "18000",
        "themes": ["participation"],
        "version": stored.version,
    }
    assert client.post(own_url(world, "edit", pk=practice.pk), form).status_code == 302
    submit(world, practice)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(editor, practice, "publish")
    published = reload(practice)
    assert published.status == PracticeStatus.PUBLISHED
    assert published.published_at is not None
    assert "Gepubliceerd" in mail.outbox[0].subject
    public = Client().get(reverse("practices:public_detail", kwargs={"pk": practice.pk}))
    assert public.status_code == 200
    assert "€ 18.000" in public.content.decode()
    kinds = list(PracticeEvent.unscoped.filter(practice=practice).values_list("kind", flat=True))
    assert kinds == ["submitted", "changes_requested", "submitted", "published"]


def test_asking_for_changes_needs_a_message(world, editor):
    practice = write_practice(world)
    submit(world, practice)
    response = decide(editor, practice, "changes", "")
    assert response.status_code == 200
    assert "Laat de auteur weten wat er moet veranderen, of waarom." in response.content.decode()
    assert reload(practice).status == PracticeStatus.SUBMITTED


def test_rejecting_tells_the_author_why(world, editor, django_capture_on_commit_callbacks):
    practice = write_practice(world)
    submit(world, practice)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(editor, practice, "reject", "Dit is een aankondiging, geen praktijk.")
    assert reload(practice).status == PracticeStatus.REJECTED
    assert "Dit is een aankondiging, geen praktijk." in mail.outbox[0].body


def test_a_decision_is_taken_once(world, editor):
    practice = write_practice(world)
    submit(world, practice)
    with editorial_scope(actor=editor):
        stale = Practice.objects.get(pk=practice.pk)
        practice_publish(actor=editor, practice=stale)
        with pytest.raises(PracticeStateChanged):
            practice_publish(actor=editor, practice=stale)


def test_only_platform_editors_open_the_moderation(world, editor):
    practice = write_practice(world)
    submit(world, practice)
    url = reverse("practices:review", kwargs={"pk": practice.pk})
    assert world.client_for("coordinator").get(url).status_code == 404
    assert Client().get(url).status_code == 302  # to the log-in page
    page = editor_client(editor).get(reverse("practices:moderation")).content.decode()
    assert practice.title in page


def test_editors_do_not_see_drafts(world, editor):
    practice = write_practice(world)
    url = reverse("practices:review", kwargs={"pk": practice.pk})
    assert editor_client(editor).get(url).status_code == 404
    assert (
        practice.title
        not in editor_client(editor).get(reverse("practices:moderation")).content.decode()
    )


def test_an_editor_cannot_publish_outside_the_editorial_door(world, editor):
    practice = write_practice(world)
    submit(world, practice)
    with world.as_member("coordinator"), pytest.raises(PermissionDenied):
        practice_publish(actor=world.users["coordinator"], practice=reload(practice))
    assert reload(practice).status == PracticeStatus.SUBMITTED


def publish(world, editor, practice):
    submit(world, practice)
    decide(editor, practice, "publish")
    return reload(practice)


def test_an_update_is_moderated_while_the_published_text_stays_online(world, editor):
    practice = publish(world, editor, write_practice(world))
    client = world.client_for("editor")
    response = client.post(own_url(world, "start_update", pk=practice.pk))
    revision = Practice.unscoped.get(revision_of=practice)
    assert response.url == own_url(world, "edit", pk=revision.pk)
    form = {
        name: getattr(revision, name)
        for name in (
            "title",
            "summary",
            "what_happened",
            "why",
            "intended_result",
            "challenges",
            "success_factors",
            "tips",
            "contact_email",
        )
    }
    form |= {
        "tips": "Nieuwe tip: start met een klankbordgroep.",
        "started_year": "2021",
        "themes": ["participation", "organisation"],
        "version": revision.version,
    }
    assert client.post(own_url(world, "edit", pk=revision.pk), form).status_code == 302
    submit(world, revision)
    public_url = reverse("practices:public_detail", kwargs={"pk": practice.pk})
    assert "Nieuwe tip" not in Client().get(public_url).content.decode()
    assert (
        Client().get(reverse("practices:public_detail", kwargs={"pk": revision.pk})).status_code
        == 404
    )
    decide(editor, revision, "publish")
    page = Client().get(public_url).content.decode()
    assert "Nieuwe tip: start met een klankbordgroep." in page
    assert "Interne organisatie en samenwerking" in page
    assert not Practice.unscoped.filter(pk=revision.pk).exists()
    assert reload(practice).status == PracticeStatus.PUBLISHED


def test_a_withdrawn_practice_leaves_the_public_pages(world, editor):
    practice = publish(world, editor, write_practice(world))
    client = world.client_for("editor")
    assert client.get(own_url(world, "withdraw", pk=practice.pk)).status_code == 200
    client.post(own_url(world, "withdraw", pk=practice.pk), {"message": "Verouderd"})
    assert reload(practice).status == PracticeStatus.WITHDRAWN
    public = Client().get(reverse("practices:public_detail", kwargs={"pk": practice.pk}))
    assert public.status_code == 404


def test_only_the_author_or_the_coordinator_changes_a_practice(world):
    practice = write_practice(world, who="editor")
    assert world.client_for("viewer").post(
        own_url(world, "submit", pk=practice.pk)
    ).status_code == (403)
    assert reload(practice).status == PracticeStatus.DRAFT
    with world.as_member("coordinator"):
        practice_submit(actor=world.users["coordinator"], practice=reload(practice))
    assert reload(practice).status == PracticeStatus.SUBMITTED


def test_deleting_a_draft_asks_first(world):
    practice = write_practice(world)
    client = world.client_for("editor")
    assert (
        "Deze praktijk verwijderen?"
        in client.get(own_url(world, "delete", pk=practice.pk)).content.decode()
    )
    client.post(own_url(world, "delete", pk=practice.pk))
    assert not Practice.unscoped.filter(pk=practice.pk).exists()


def test_the_list_of_our_practices_filters_and_exports(world, editor):
    write_practice(world, title="Eerste praktijk")
    publish(world, editor, write_practice(world, title="Tweede praktijk"))
    client = world.client_for("viewer")
    page = client.get(own_url(world, "list") + "?status=published").content.decode()
    assert "Tweede praktijk" in page
    assert "Eerste praktijk" not in page
    export = client.get(own_url(world, "list") + "?export=csv")
    body = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "Eerste praktijk" in body
    assert "Tweede praktijk" in body


def test_an_empty_list_tells_how_to_start(world):
    page = world.client_for("viewer").get(own_url(world, "list")).content.decode()
    assert "Je gemeente deelde nog geen praktijk." in page
