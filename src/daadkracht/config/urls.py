"""The URL map: public pages, accounts, the platform admin and one subtree per municipality."""

from django.contrib import admin
from django.urls import include, path

from daadkracht.access.entry import account_page
from daadkracht.accounts import views as account_views
from daadkracht.accounts.forms import AdminLoginForm
from daadkracht.dashboard import following
from daadkracht.offers import urls as offer_urls
from daadkracht.tenancy import views as tenancy_views

urlpatterns = [
    path("", account_page(tenancy_views.home), name="home"),
    path("taal/", account_page(account_views.set_language), name="set_language"),
    # A coach's overview of the municipalities they follow, read as a member of each.
    path("coach/", following.overview, name="coach_overview"),
    path("account/", include("daadkracht.accounts.urls")),
    path("beheer/", include("daadkracht.tenancy.platform_urls")),
    path("beheer/", admin.site.urls),
    # Public: workshop participants join a scoring round with its secret code, without log-in.
    path("workshop/", include("daadkracht.prioritisation.urls.workshop")),
    # Public: a department's representative answers a diagnosis round with a signed link.
    path("bevraging/", include("daadkracht.diagnosis.urls.respondent")),
    # Public: a meeting's participant evaluates it with a signed link.
    path("evaluatie/", include("daadkracht.meetings.urls.evaluation")),
    # Public: a contact person withdraws a consent with the signed link in a mail.
    path("netwerk-uitschrijven/", include("daadkracht.stakeholders.urls.withdraw")),
    # Public: a recipient unsubscribes from messages with the signed link in a mail.
    path("berichten-uitschrijven/", include("daadkracht.messaging.urls_public")),
    # Public: anyone joins a municipality's Open Network, confirms by e-mail or leaves it.
    path("open-netwerk/", include("daadkracht.network.urls.public")),
    # Public: anyone registers for a network event, and cancels with the link in the mail.
    path("evenement/", include("daadkracht.events.urls.public")),
    # Public: a member of a body accepts the invitation to the stakeholder portal.
    path("portaal-uitnodiging/", include("daadkracht.portal.urls.invitation")),
    # Public: the support offers for municipalities, and each offer's page.
    path("aanbod/", include((offer_urls.public_patterns, "offers"))),
    # A support provider's pages, for its managers (their own entry point, no membership).
    path("aanbieders/<slug:provider>/", include((offer_urls.provider_patterns, "provider"))),
    path("praktijken/", include("daadkracht.practices.urls.public")),
    # The demo mailbox: in debug mode only, a 404 otherwise.
    path("demo/", include("daadkracht.demo.urls")),
    # The stakeholder portal: its own entry point, for portal accounts (no membership).
    path("<slug:municipality>/portaal/", include("daadkracht.portal.urls")),
    path("<slug:municipality>/", include("daadkracht.tenancy.urls")),
    path("<slug:municipality>/geschiedenis/", include("daadkracht.history.urls")),
    path("<slug:municipality>/plan/", include("daadkracht.plans.urls")),
    path("<slug:municipality>/plan/prioriteiten/", include("daadkracht.prioritisation.urls")),
    path("<slug:municipality>/dashboard/", include("daadkracht.dashboard.urls")),
    path("<slug:municipality>/traject/", include("daadkracht.trajectory.urls")),
    path("<slug:municipality>/samenwerking/", include("daadkracht.diagnosis.urls")),
    path("<slug:municipality>/overleg/", include("daadkracht.meetings.urls")),
    path("<slug:municipality>/werkafspraken/", include("daadkracht.meetings.urls.agreements")),
    path("<slug:municipality>/netwerk/berichten/", include("daadkracht.messaging.urls")),
    path("<slug:municipality>/netwerk/kaart/", include("daadkracht.networkmap.urls")),
    path("<slug:municipality>/netwerk/", include("daadkracht.stakeholders.urls")),
    path("<slug:municipality>/organen/", include("daadkracht.bodies.urls")),
    path("<slug:municipality>/open-netwerk/", include("daadkracht.network.urls")),
    path("<slug:municipality>/evenementen/", include("daadkracht.events.urls")),
    path("<slug:municipality>/betrokkenheid/", include("daadkracht.engagement.urls")),
    path("<slug:municipality>/praktijken/", include("daadkracht.practices.urls.member")),
    path("<slug:municipality>/portaal-toegang/", include("daadkracht.portal.urls.access")),
    path("<slug:municipality>/voorstellen/", include("daadkracht.portal.urls.proposals")),
    path(
        "<slug:municipality>/aanbod/",
        include((offer_urls.request_patterns, "offer_requests")),
    ),
    path(
        "<slug:municipality>/plan/acties/<int:pk>/partners/",
        include("daadkracht.partners.urls"),
    ),
]

admin.site.login_form = AdminLoginForm
admin.site.site_header = "Daadkracht"
admin.site.site_title = "Daadkracht"
