"""The coach in the browser, on the demo: the overview lists both municipalities they follow,
and in Bruges they compare the two diagnosis rounds, read the trajectory and download the plan of
approach as a PDF. Screenshots and the PDF's pages go to test-results/coach-*.png."""

from io import StringIO
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from daadkracht.accounts.models import User

pytestmark = pytest.mark.e2e


def test_the_coach_follows_both_municipalities_and_compares_the_rounds(
    page: Page, log_in, results_dir: Path, method_catalogue
):
    call_command("demo", stdout=StringIO())
    log_in(User.objects.get(email="coach@ecolife.demo"))

    page.goto("/coach/")
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="Stad Brugge (demo)")).to_contain_text(
        "Uitvoering van de gekozen methodieken"
    )
    expect(rows.filter(has_text="Gemeente Damme (demo)")).to_be_visible()
    page.screenshot(path=results_dir / "coach-1-overview.png", full_page=True)

    # The follow-up round against the zero measurement, a year earlier.
    page.goto("/brugge-demo/samenwerking/")
    page.get_by_role("link", name="Opvolgingsmeting samenwerking").first.click()
    page.get_by_role("link", name="Resultaten").click()
    page.get_by_label("Ronde", exact=True).select_option(index=1)
    page.get_by_role("button", name="Vergelijken").click()
    comparison = page.get_by_role("region", name="Vergelijken met een andere ronde")
    expect(comparison).to_contain_text("Nulmeting samenwerking (voor)")
    expect(comparison.get_by_role("row", name="Respons")).to_be_visible()
    expect(comparison.get_by_role("row", name="Sterke banden")).to_be_visible()
    page.screenshot(path=results_dir / "coach-2-comparison.png", full_page=True)

    page.goto("/brugge-demo/traject/")
    expect(page.get_by_text("Lunchgesprek met de Groendienst plannen")).to_be_visible()
    page.screenshot(path=results_dir / "coach-3-trajectory.png", full_page=True)

    # The plan of approach, as a page and as the PDF for the executive board.
    page.get_by_role("link", name="Plan van aanpak").first.click()
    expect(page.get_by_role("heading", name="5. Het samenwerkingsmodel")).to_be_visible()
    page.screenshot(path=results_dir / "coach-4-plan.png", full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden als pdf").click()
    pdf = pdfium.PdfDocument(download.value.path().read_bytes())
    assert len(pdf) >= 5
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    for expected in ("Plan van aanpak", "Stad Brugge (demo)", "Lunchgesprekken", "Stuurgroep"):
        assert expected in text
    for number in range(len(pdf)):
        pdf[number].render(scale=1).to_pil().save(results_dir / f"coach-5-pdf-{number + 1}.png")
