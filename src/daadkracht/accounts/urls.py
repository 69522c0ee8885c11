"""Account URLs: log-in, log-out, password reset, invitations, profile."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from daadkracht.access.entry import account_page
from daadkracht.accounts import views
from daadkracht.accounts.forms import LoginForm

app_name = "accounts"

urlpatterns = [
    path(
        "aanmelden/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=LoginForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("afmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("wachtwoord-vergeten/", views.password_reset, name="password_reset"),
    path(
        "wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-instellen/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-ingesteld/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path(
        "wachtwoord-wijzigen/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html",
            success_url=reverse_lazy("accounts:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "wachtwoord-gewijzigd/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/password_change_done.html"
        ),
        name="password_change_done",
    ),
    path("uitnodiging/<str:token>/", views.invitation, name="invitation"),
    path("profiel/", views.profile, name="profile"),
]

# Every page here but the invitation (a signed link) is about the visitor's own account.
for pattern in urlpatterns:
    if pattern.name != "invitation":
        account_page(pattern.callback)
