"""App configuration for the shared building blocks."""

from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "daadkracht.common"
    label = "common"
