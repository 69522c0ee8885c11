"""WSGI entry point for gunicorn or any WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

from daadkracht.config.runtime import tune_garbage_collector

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daadkracht.config.settings")
application = get_wsgi_application()
tune_garbage_collector()
