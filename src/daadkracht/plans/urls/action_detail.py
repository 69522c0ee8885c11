"""URLs: action_detail."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
