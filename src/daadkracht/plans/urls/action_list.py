"""URLs: action_list."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
