"""URL matrix rows: the dashboard (its overview is tenancy:home, in foundation)."""

from tests.url_matrix.rows import ALL_MEMBERS

EXPECTED: dict[str, dict[str, int]] = {
    "dashboard:department_choose": ALL_MEMBERS,
    "dashboard:department": ALL_MEMBERS,
    "dashboard:attention": ALL_MEMBERS,
    "dashboard:overdue_tasks": ALL_MEMBERS,
}

SAMPLE_KWARGS: dict = {
    "dashboard:department": lambda w: {"pk": w.department_a.pk},
}
