"""For the coordinator: the members of the Open Network (a mailing list to export) and the text
of the public page. Only for members who manage stakeholders: it is personal data."""

from django.contrib import messages
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.common.exporting import export_format, export_response
from daadkracht.common.forms import edit_versioned
from daadkracht.common.listing import page_of
from daadkracht.network import services
from daadkracht.network.forms import IntroForm, MemberListQuery
from daadkracht.network.models import NetworkMember, NetworkPage
from daadkracht.network.selectors import member_list, pending_signup_count
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.policies import can_manage_stakeholders
from daadkracht.tenancy.decorators import TenantRequest, tenant_view

PAGE_SIZE = 50


def _consent_status(member: NetworkMember) -> str:
    consents = getattr(member.contact, "network_consents", [])
    active = next((c for c in consents if c.withdrawn_at is None), None)
    if active is not None:
        return _("given on %(date)s (text v%(version)s)") % {
            "date": timezone.localtime(active.given_at).strftime("%d/%m/%Y"),
            "version": active.consent_text.version,
        }
    if consents:
        withdrawn = consents[0].withdrawn_at
        if withdrawn is not None:
            return _("withdrawn on %(date)s") % {
                "date": timezone.localtime(withdrawn).strftime("%d/%m/%Y")
            }
    return _("none")


@tenant_view(can_manage_stakeholders)
def members(request: TenantRequest) -> HttpResponseBase:
    filters = MemberListQuery(request.GET).values()
    queryset = member_list(theme=filters["theme"])
    fmt = export_format(request)
    if fmt:
        return export_response(
            name=_("Open Network"),
            fmt=fmt,
            headers=[
                _("Name"),
                _("E-mail address"),
                _("Organisation"),
                _("Preferred language"),
                _("Themes"),
                _("Joined"),
                _("Consent"),
            ],
            rows=(
                [
                    m.contact.full_name,
                    m.contact.email,
                    m.organisation_name,
                    str(m.contact.get_language_display()),
                    ", ".join(str(t) for t in m.themes.all()),
                    timezone.localtime(m.joined_at).date(),
                    _consent_status(m),
                ]
                for m in queryset
            ),
        )
    page = page_of(request, queryset, PAGE_SIZE)
    rows = [(m, _consent_status(m)) for m in page.object_list]
    return render(
        request,
        "network/member_list.html",
        {
            "page": page,
            "rows": rows,
            "filters": filters,
            "filtered": any(filters.values()),
            "themes": list(Theme.objects.order_by("position", "code", "name")),
            "pending": pending_signup_count(),
            "section": "open_network",
        },
    )


@tenant_view(can_manage_stakeholders)
def page_edit(request: TenantRequest) -> HttpResponse:
    page = NetworkPage.objects.first() or NetworkPage(intro=services.default_intro())

    def reload() -> NetworkPage:
        return NetworkPage.objects.first() or NetworkPage(intro=services.default_intro())

    edit = edit_versioned(
        request,
        instance=page,
        build=lambda data, obj: IntroForm(data, instance=obj),
        reload=reload,
        save=lambda form, version: services.intro_save(
            actor=request.user,
            intro=form.cleaned_data["intro"],
            expected_version=version if form.instance.pk is not None else None,
        ),
    )
    if edit.saved is not None:
        messages.success(request, _("The text of the Open Network page is saved."))
        return redirect("network:members", municipality=request.tenant.municipality.slug)
    return render(
        request,
        "network/page_form.html",
        {"form": edit.form, "section": "open_network"},
    )
