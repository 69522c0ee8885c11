"""Builds (or rebuilds) the demo municipalities and prints their log-ins."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse

from daadkracht.access.context import platform_scope
from daadkracht.accounts.models import User
from daadkracht.demo import data
from daadkracht.demo.actions import BRUGES_ACTIONS, SMALL_ACTIONS
from daadkracht.demo.alliance import build_events, build_open_network, build_partners
from daadkracht.demo.bodies import build_bodies
from daadkracht.demo.builder import DemoPlan, build_actions
from daadkracht.demo.engagement import build_engagement
from daadkracht.demo.mailbox import mailbox_directory
from daadkracht.demo.meetings import build_meetings
from daadkracht.demo.messages import build_messages
from daadkracht.demo.portal import PORTAL_PERSON, build_portal
from daadkracht.demo.practices import build_practices
from daadkracht.demo.spec import DemoAction
from daadkracht.demo.stakeholders import build_network
from daadkracht.demo.trajectory import build_trajectory
from daadkracht.diagnosis.demo import build_demo_rounds
from daadkracht.plans.models import Action, Plan, StatusUpdate, Task, Theme
from daadkracht.plans.services.plan import plan_create
from daadkracht.tenancy.models import Department, Municipality
from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import (
    DEFAULT_PASSWORD,
    DepartmentFactory,
    MembershipFactory,
    MunicipalityFactory,
    UserFactory,
)

People = list[tuple[str, str, Role, str | None]]

DEMO_URL = "http://127.0.0.1:8000"  # where bin/demo serves the demo

# Damme's themes borrow the routine texts of the Bruges Bridge on the same subject.
# The policy group's Fluvius delegate, whose contact address this is, logs in to the portal.
PORTAL_LOGIN = "els.vandamme@example.org"
# The platform editor who moderates the practice database, shared by all municipalities.
EDITOR_LOGIN = "redactie@daadkracht.demo"

SMALL_TEXTS = {"D1": "B1", "D2": "B3", "D3": "B6"}


class Command(BaseCommand):
    help = (
        "Build the demo: Stad Brugge (demo) and Gemeente Damme (demo), with log-ins, and the "
        "practice database with practices of other demo municipalities."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        # One hash for every demo log-in: hashing is slow on purpose, the demo should not be.
        self.password_hash = make_password(DEFAULT_PASSWORD)
        with platform_scope(), transaction.atomic():
            self._remove_demo()
            built = [
                self._build(
                    name="Stad Brugge (demo)",
                    slug="brugge-demo",
                    departments=data.BRUGES_DEPARTMENTS,
                    department_keys=data.BRUGES_DEPARTMENT_KEYS,
                    people=data.BRUGES_PEOPLE,
                    plan_values=data.BRUGES_PLAN,
                    themes=data.BRUGES_BRIDGES,
                    sub_themes=data.BRUGES_SUB_THEMES,
                    actions=BRUGES_ACTIONS,
                    routine_key=lambda code: code,
                    seed=2030,
                ),
                self._build(
                    name="Gemeente Damme (demo)",
                    slug="damme-demo",
                    departments=data.SMALL_DEPARTMENTS,
                    department_keys=data.SMALL_DEPARTMENT_KEYS,
                    people=data.SMALL_PEOPLE,
                    plan_values=data.SMALL_PLAN,
                    themes=data.SMALL_THEMES,
                    sub_themes=[],
                    actions=SMALL_ACTIONS,
                    routine_key=lambda code: SMALL_TEXTS[code],
                    seed=8340,
                ),
            ]
            # Bruges is halfway through its collaboration trajectory; Damme has not started.
            build_trajectory(built[0], contact=User.objects.get(email="coordinator@brugge.demo"))
            build_meetings(built[0])
            build_network(built[0])
            build_bodies(built[0])
            build_partners(built[0])
            build_engagement(built[0])
            build_open_network(built[0])
            build_events(built[0], organiser=User.objects.get(email="coordinator@brugge.demo"))
            build_messages(built[0], sender=User.objects.get(email="coordinator@brugge.demo"))
            build_portal(built[0], self._user(PORTAL_LOGIN, PORTAL_PERSON))
            editor = self._user(EDITOR_LOGIN, "Redactie Praktijkendatabank")
            editor.is_platform_editor = True
            editor.save(update_fields=["is_platform_editor"])
            practices = build_practices(built[0], built[1], editor=editor)
            admin = self._user("beheer@daadkracht.demo", "Platformbeheerder")
            admin.is_staff = admin.is_superuser = True
            admin.save(update_fields=["is_staff", "is_superuser"])
        for municipality in built:
            self._print_summary(municipality)
        self.stdout.write(
            f"Practice database: {len(practices)} published practices of "
            f"{len({p.municipality_id for p in practices})} municipalities"
        )
        self._print_logins()

    def _remove_demo(self) -> None:
        demo = Municipality.objects.filter(is_demo=True)
        # Actions protect their status; remove them before the plan and its status list.
        Action.unscoped.filter(municipality__in=demo).delete()
        demo.delete()

    def _build(
        self,
        *,
        name: str,
        slug: str,
        departments: list[tuple[str, str]],
        department_keys: dict[str, str],
        people: People,
        plan_values: dict[str, Any],
        themes: list[tuple[str, str, str, str]],
        sub_themes: list[tuple[str, str, str, str]],
        actions: list[DemoAction],
        routine_key: Callable[[str], str],
        seed: int,
    ) -> Municipality:
        municipality = MunicipalityFactory.create(name=name, slug=slug, is_demo=True)
        by_name = {
            department_name: DepartmentFactory.create(
                municipality=municipality, name=department_name, description=description
            )
            for department_name, description in departments
        }
        users = self._people(municipality, by_name, people)
        plan = plan_create(actor=None, municipality=municipality, **plan_values)
        build_actions(
            DemoPlan(
                municipality=municipality,
                plan=plan,
                department_keys=department_keys,
                departments=by_name,
                people_by_department=self._first_per_department(users, people),
                coordinator=next(users[e] for e, _n, r, _d in people if r == Role.COORDINATOR),
                themes=self._themes(municipality, plan, themes, sub_themes),
                routine_key=routine_key,
                seed=seed,
            ),
            actions,
        )
        build_demo_rounds(municipality, list(by_name.values()), seed)
        return municipality

    def _themes(
        self,
        municipality: Municipality,
        plan: Plan,
        themes: list[tuple[str, str, str, str]],
        sub_themes: list[tuple[str, str, str, str]],
    ) -> dict[str, Theme]:
        by_code: dict[str, Theme] = {}
        for position, (code, name, colour, description) in enumerate(themes, start=1):
            by_code[code] = Theme.unscoped.create(
                municipality=municipality,
                plan=plan,
                code=code,
                name=name,
                colour=colour,
                description=description,
                position=position,
            )
        for position, (code, name, description, parent) in enumerate(sub_themes, start=1):
            by_code[code] = Theme.unscoped.create(
                municipality=municipality,
                plan=plan,
                parent=by_code[parent],
                code=code,
                name=name,
                colour=by_code[parent].colour,
                description=description,
                position=position,
            )
        return by_code

    def _user(self, email: str, name: str) -> User:
        user = UserFactory.create(email=email, full_name=name, password=None)
        user.password = self.password_hash
        user.save(update_fields=["password"])
        return user

    def _people(
        self, municipality: Municipality, departments: dict[str, Department], rows: People
    ) -> dict[str, User]:
        users = {}
        for email, name, role, department_name in rows:
            user = users[email] = self._user(email, name)
            department = departments.get(department_name) if department_name else None
            MembershipFactory.create(
                user=user, municipality=municipality, role=role, department=department
            )
            if department is not None and department.climate_contact_id is None:
                department.climate_contact = user
                department.save(update_fields=["climate_contact"])
        return users

    def _first_per_department(self, users: dict[str, User], rows: People) -> dict[str, User]:
        """Who answers for the actions a department leads: its first member in the list."""
        first: dict[str, User] = {}
        for email, _name, _role, department_name in rows:
            if department_name:
                first.setdefault(department_name, users[email])
        return first

    def _print_summary(self, municipality: Municipality) -> None:
        actions = Action.unscoped.filter(municipality=municipality)
        self.stdout.write(
            f"{municipality.name}: {actions.count()} actions, "
            f"{Task.unscoped.filter(municipality=municipality).count()} tasks, "
            f"{StatusUpdate.unscoped.filter(municipality=municipality).count()} status updates"
        )

    def _print_logins(self) -> None:
        self.stdout.write(self.style.SUCCESS(f"Demo ready. Log in at {DEMO_URL}/ with:"))
        rows = [("beheer@daadkracht.demo", "platform administrator (superuser)")]
        rows.append((EDITOR_LOGIN, "platform editor · practice database"))
        rows += [
            (e, f"{r.label} · Stad Brugge (demo)")
            for e, _n, r, _d in data.BRUGES_PEOPLE
            if "ecolife" not in e
        ]
        rows += [
            (e, f"{r.label} · Gemeente Damme (demo)")
            for e, _n, r, _d in data.SMALL_PEOPLE
            if "ecolife" not in e
        ]
        rows.append(("coach@ecolife.demo", "Coach · both demo municipalities"))
        rows.append((PORTAL_LOGIN, "Portal · Fluvius in the policy group · Stad Brugge (demo)"))
        for email, what in rows:
            self.stdout.write(f"  {email:<28} {what}")
        self.stdout.write(f"  password for all: {DEFAULT_PASSWORD}")
        if mailbox_directory() is not None:
            self.stdout.write(
                "E-mails the platform sends (invitations, links to choose a new password) "
                f"arrive in the demo mailbox: {DEMO_URL}{reverse('demo:mailbox')}"
            )
