"""URLs: plan_settings."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
