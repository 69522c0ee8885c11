"""Every user-facing string has a Dutch and a French translation.

The messages are extracted afresh from a copy of the source, so a string added without being
translated (or not yet extracted into the catalogues) fails here.
"""

import os
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

SOURCE = Path(settings.BASE_DIR)
LANGUAGES_TO_CHECK = ["nl", "fr"]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("i18n") / "daadkracht"
    shutil.copytree(SOURCE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    previous = Path.cwd()
    os.chdir(copy)
    try:
        with override_settings(LOCALE_PATHS=[copy / "locale"]):
            call_command(
                "makemessages",
                locale=LANGUAGES_TO_CHECK,
                no_obsolete=True,
                no_location=True,
                verbosity=0,
            )
    finally:
        os.chdir(previous)
    return copy / "locale"


@pytest.mark.parametrize("language", LANGUAGES_TO_CHECK)
def test_every_message_is_translated(extracted, language):
    catalogue = polib.pofile(str(extracted / language / "LC_MESSAGES" / "django.po"))
    missing = [entry.msgid for entry in catalogue if not entry.translated() or entry.obsolete]
    assert missing == [], f"{len(missing)} untranslated {language} messages"


@pytest.mark.parametrize("language", LANGUAGES_TO_CHECK)
def test_translations_keep_placeholders(language):
    catalogue = polib.pofile(str(SOURCE / "locale" / language / "LC_MESSAGES" / "django.po"))
    broken = []
    for entry in catalogue.translated_entries():
        for placeholder in _placeholders(entry.msgid):
            translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
            if any(placeholder not in text for text in translations):
                broken.append((entry.msgid, placeholder))
    assert broken == []


def _placeholders(text: str) -> set[str]:
    import re

    return set(re.findall(r"%\(\w+\)[sd]|\{\{ ?\w+ ?\}\}|%[sd]", text))
