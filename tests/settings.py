"""The test run: the one settings module, with the environment a test machine would set."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("DJANGO_DEBUG", "true")
os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")

from daadkracht.config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
SITE_URL = "http://testserver"
PUBLIC_REQUESTS_PER_MINUTE = 100_000
# Tasks run at once in the tests, but in a fresh access context, as on a worker.
TASKS = {"default": {"BACKEND": "daadkracht.access.tasks.FreshContextImmediateBackend"}}
# Uploaded photos and documents go to a folder of this run, removed when it ends.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="daadkracht-media-"))
atexit.register(shutil.rmtree, MEDIA_ROOT, True)
