"""Builds (or rebuilds) the demo municipalities and prints their log-ins."""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from daadkracht.demo import data
from daadkracht.plans.models import Theme
from daadkracht.plans.services.plan import plan_create
from daadkracht.tenancy.models import Department, Municipality
from daadkracht.tenancy.roles import Role
from daadkracht.tenancy.scoping import platform_scope
from daadkracht.testing.factories import (
    DEFAULT_PASSWORD,
    DepartmentFactory,
    MembershipFactory,
    MunicipalityFactory,
    UserFactory,
)


class Command(BaseCommand):
    help = "Build the demo: Stad Brugge (demo) and Gemeente Damme (demo), with log-ins."

    def handle(self, *args: Any, **options: Any) -> None:
        with platform_scope(), transaction.atomic():
            Municipality.objects.filter(is_demo=True).delete()
            self._build_bruges()
            self._build_small()
            admin = UserFactory.create(
                email="beheer@daadkracht.demo",
                full_name="Platformbeheerder",
                is_staff=True,
                is_superuser=True,
            )
            admin.set_password(DEFAULT_PASSWORD)
            admin.save()
        self._print_logins()

    def _build_bruges(self) -> None:
        bruges = MunicipalityFactory.create(
            name="Stad Brugge (demo)", slug="brugge-demo", is_demo=True
        )
        departments = self._departments(bruges, data.BRUGES_DEPARTMENTS)
        self._people(bruges, departments, data.BRUGES_PEOPLE)
        plan = plan_create(actor=None, municipality=bruges, **data.BRUGES_PLAN)
        for position, (code, name, colour, description) in enumerate(data.BRUGES_BRIDGES, start=1):
            Theme.unscoped.create(
                municipality=bruges,
                plan=plan,
                code=code,
                name=name,
                colour=colour,
                description=description,
                position=position,
            )

    def _build_small(self) -> None:
        damme = MunicipalityFactory.create(
            name="Gemeente Damme (demo)", slug="damme-demo", is_demo=True
        )
        departments = self._departments(damme, data.SMALL_DEPARTMENTS)
        self._people(damme, departments, data.SMALL_PEOPLE)

    def _departments(
        self, municipality: Municipality, rows: list[tuple[str, str]]
    ) -> dict[str, Department]:
        return {
            name: DepartmentFactory.create(
                municipality=municipality, name=name, description=description
            )
            for name, description in rows
        }

    def _people(
        self,
        municipality: Municipality,
        departments: dict[str, Department],
        rows: list[tuple[str, str, Role, str | None]],
    ) -> None:
        for email, name, role, department_name in rows:
            user = UserFactory.create(email=email, full_name=name)
            department = departments.get(department_name) if department_name else None
            MembershipFactory.create(
                user=user, municipality=municipality, role=role, department=department
            )
            if department is not None and department.climate_contact_id is None:
                department.climate_contact = user
                department.save(update_fields=["climate_contact"])

    def _print_logins(self) -> None:
        self.stdout.write(self.style.SUCCESS("Demo ready. Log in at http://127.0.0.1:8000/ with:"))
        rows = [("beheer@daadkracht.demo", "platform administrator (superuser)")]
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
        for email, what in rows:
            self.stdout.write(f"  {email:<28} {what}")
        self.stdout.write(f"  password for all: {DEFAULT_PASSWORD}")
