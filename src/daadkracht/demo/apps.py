"""App configuration for the demo."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "daadkracht.demo"
    label = "demo"
