"""Dashboard URLs inside a municipality; its overview is the municipality's home page."""

from django.urls import URLPattern

app_name = "dashboard"

urlpatterns: list[URLPattern] = []
