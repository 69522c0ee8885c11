"""ASGI entry point for uvicorn or any ASGI server."""

import os

from django.core.asgi import get_asgi_application

from daadkracht.config.runtime import tune_garbage_collector

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daadkracht.config.settings")
application = get_asgi_application()
tune_garbage_collector()
