"""URLs of support offers: public (`/aanbod/`), a municipality's requests
(`/<municipality>/aanbod/`) and a provider's pages (`/aanbieders/<provider>/`)."""

from django.urls import URLPattern, path

from daadkracht.offers import views

public_patterns: list[URLPattern] = [
    path("", views.offer_list, name="list"),
    path("<int:pk>/", views.offer_detail, name="detail"),
]

request_patterns: list[URLPattern] = [
    path("aanvragen/", views.request_list, name="list"),
    path("aanvragen/<int:pk>/intrekken/", views.request_withdraw, name="withdraw"),
    path("<int:pk>/aanvragen/", views.request_create, name="create"),
]

provider_patterns: list[URLPattern] = [
    path("", views.provider_offers, name="offers"),
    path("aanbod/nieuw/", views.offer_create, name="offer_create"),
    path("aanbod/<int:pk>/bewerken/", views.offer_edit, name="offer_edit"),
    path("aanbod/<int:pk>/tonen/", views.offer_toggle, name="offer_toggle"),
    path("aanvragen/", views.inbox, name="inbox"),
    path("aanvragen/<int:pk>/", views.request_detail, name="request"),
]
