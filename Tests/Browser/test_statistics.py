"""An analyst filters the statistics and downloads a table; a reader who is not signed in sees
the published, protected version — in a real headless Chromium."""
import csv
import io
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_bed_board import BASE_URL, new_browser, serious_violations, sign_in, wait_for_title


def download(driver, href):
    """Fetches a link as the signed-in browser would, with its session cookie."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(href, headers={"Cookie": cookies})
    with urllib.request.urlopen(request) as response:
        return response.headers.get("Content-Type"), response.read().decode("utf-8")


def test_an_analyst_filters_the_figures_and_downloads_the_exact_table():
    driver = new_browser()
    try:
        sign_in(driver, "analyst@secureplace.example")
        driver.find_element(By.LINK_TEXT, "Statistics").click()
        wait_for_title(driver, "Statistics")
        assert serious_violations(driver) == []
        everyone = driver.find_element(By.ID, "headline").text
        assert "Closed unplaced, of those placed or closed unplaced" in everyone

        first = driver.find_element(By.ID, "from")
        first.clear()
        first.send_keys("the first of April")
        first.submit()
        wait_for_title(driver, "Error: Statistics")
        assert "Enter the first day as a date such as 2025-04-01." in driver.find_element(By.ID, "from-error").text
        assert serious_violations(driver) == []

        first = driver.find_element(By.ID, "from")
        first.clear()
        first.send_keys("2024-04-01")
        Select(driver.find_element(By.ID, "region")).select_by_visible_text("North West")
        driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        wait_for_title(driver, "Statistics")
        assert "region=E12000002" in driver.current_url
        north_west = driver.find_element(By.ID, "headline").text
        assert north_west != everyone, "the region's figures are not the nation's"
        assert "Boys of 15 or over with an offending, gang or harmful sexual behaviour flag" in driver.find_element(
            By.ID, "disparities").text
        assert driver.find_elements(By.CSS_SELECTOR, "svg.chart circle")
        # The month chart's bars add up to the table beside it.
        months = driver.find_element(By.ID, "months").find_elements(By.CSS_SELECTOR, "tbody tr")
        bars = driver.find_elements(By.CSS_SELECTOR, "svg[aria-labelledby^=by-month] rect.chart-bar-placed")
        placed_months = sum(1 for row in months if row.find_elements(By.TAG_NAME, "td")[1].text != "0")
        assert len(bars) == placed_months + 1, "a placed bar for each month with a placement, and the key"
        assert "Placed after 7 days" in driver.find_element(By.ID, "placed-by").text
        assert "Compatibility" in driver.find_element(By.ID, "decline-reasons").text
        assert serious_violations(driver) == []

        link = driver.find_elements(By.PARTIAL_LINK_TEXT, "outcomes (CSV)")[0]
        kind, text = download(driver, link.get_attribute("href"))
        assert kind.startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows[0]["geographic_level"] == "National"
        assert all(row["placed"] != "c" for row in rows), "the analysts' table is exact"
        assert any(row["placed"] in {"1", "2", "3", "4"} for row in rows), "small counts are there to see"
    finally:
        driver.quit()


def test_a_reader_who_is_not_signed_in_sees_the_protected_tables():
    driver = new_browser()
    try:
        driver.get(BASE_URL + "/statistics/published")
        wait_for_title(driver, "Published statistics")
        assert serious_violations(driver) == []
        main = driver.find_element(By.TAG_NAME, "main").text
        assert "England and Wales" in main
        link = driver.find_elements(By.PARTIAL_LINK_TEXT, "data file (CSV)")[0]
        kind, text = download(driver, link.get_attribute("href"))
        rows = list(csv.DictReader(io.StringIO(text)))
        shown = [row["placed"] for row in rows] + [row["closed_unplaced"] for row in rows]
        assert "c" in shown, "small counts are hidden"
        assert not any(value in {"1", "2", "3", "4"} for value in shown)
        # The analysts' exact table is not for the public.
        driver.get(BASE_URL + "/statistics/exact/referral_outcomes.csv?period=2025-26")
        assert "/sign-in" in driver.current_url
    finally:
        driver.quit()
