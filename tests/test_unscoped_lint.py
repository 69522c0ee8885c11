"""The scope cannot be bypassed quietly: the ways around it are allowed in listed files only.

`.unscoped` and `_base_manager` read every municipality's rows, a many-to-many field's
`.through.objects` is a manager nobody declared, and the scopes of `access.context` open a
context; each file that uses one says here why it must.
"""

import re
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "src" / "daadkracht"

BYPASS = re.compile(r"\.unscoped\b|\b_base_manager\b|\.through\.objects\b")
ALLOWED_BYPASS = {
    "tenancy/access.py": "finds a user's memberships before any municipality is active",
    "tenancy/admin.py": "the platform admin works across municipalities",
    "prioritisation/views/workshop.py": "finds the round by its join code, which is the key",
    "common/concurrency.py": "writes through the guarded unscoped queryset, with the row's id",
    "demo/management/commands/demo.py": "rebuilds the demo municipalities as the platform",
    "demo/builder.py": "writes demo plans in bulk as the platform",
    "testing/factories.py": "test data for any municipality",
    "testing/bulk.py": "generated plans for any municipality",
    "history/services.py": "a bulk write stores its history entries and references in one go",
    # Services read the stored row (trash included) before a change, in the active scope.
    "plans/services/actions.py": "reads the stored row before a change",
    "plans/services/plan.py": "reads the stored row before a change",
    "plans/services/tasks.py": "reads the stored row before a change",
    "prioritisation/services/criteria.py": "writes a new plan's default criteria in bulk",
    "tenancy/services.py": "reads the stored row before a change",
    "accounts/services.py": "invitations are looked up before the membership exists",
    "portal/access.py": "the portal's entry point finds the access and its grant before a scope",
    "practices/selectors.py": "counts the adoptions of a practice, never showing one of them",
}

SCOPE = re.compile(
    r"\b(tenant_scope|platform_scope|public_scope|link_scope|worker_scope|member_scope|"
    r"token_scope|following_scope|stakeholder_scope|provider_scope|editorial_scope|"
    r"enter_for_request|_enter)\("
)
ALLOWED_SCOPE = {
    "access/context.py": "defines the scopes",
    "access/entry.py": "the public, signed-link, code and coach's overview entry points",
    "access/tasks.py": "the task entry point",
    "tenancy/middleware.py": "the member entry point (and the admin's platform scope)",
    "practices/management/commands/practices_reindex.py": (
        "the search index holds every municipality's published practices"
    ),
    "tenancy/platform.py": "the platform invites a new municipality's coordinator in its scope",
    "demo/management/commands/demo.py": "a command enters the platform scope",
    "testing/factories.py": "test data is written as the platform",
    "testing/trajectory.py": "a plan of approach is drawn up in its municipality's scope",
    "demo/approach.py": "the demo's plan of approach reads that municipality's diagnosis",
    "demo/bodies.py": "the demo's governance bodies are built through that municipality's services",
    "events/services/registrations.py": (
        "a public registration, or a cancellation by link, is recorded in its municipality"
    ),
    "offers/services.py": (
        "a provider's answer is written in the asking municipality's scope, for that step only"
    ),
    "network/services.py": (
        "after the form's guards or a signed link, a sign-up is recorded in its municipality"
    ),
    "practices/services/workflow.py": (
        "after the editorial door, an editor's decision is written in the practice's municipality"
    ),
}


def _users(pattern: re.Pattern[str]) -> set[str]:
    found = set()
    for path in SOURCE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        if pattern.search(path.read_text(encoding="utf-8")):
            found.add(path.relative_to(SOURCE).as_posix())
    return found


def test_only_listed_files_bypass_the_scope():
    assert _users(BYPASS) - ALLOWED_BYPASS.keys() == set()


def test_only_entry_points_open_an_access_context():
    assert _users(SCOPE) - ALLOWED_SCOPE.keys() == set()


def test_the_lists_hold_no_stale_entries():
    assert ALLOWED_BYPASS.keys() - _users(BYPASS) == set()
    assert ALLOWED_SCOPE.keys() - _users(SCOPE) == set()


def test_the_lint_catches_a_bypass(tmp_path):
    assert BYPASS.search("Action.unscoped.filter(pk=1)")
    assert BYPASS.search("Action.themes.through.objects.all()")
    assert BYPASS.search("model._base_manager.all()")
    assert not BYPASS.search("Action.objects.filter(pk=1)")
