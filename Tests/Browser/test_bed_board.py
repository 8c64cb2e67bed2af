"""The bed board in a real headless Chromium, against `secureplace serve --demo`.

scripts/test starts the service and sets SECUREPLACE_BASE_URL.
"""
import json
import os
import shutil
import urllib.request

import pytest
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BASE_URL = os.environ.get("SECUREPLACE_BASE_URL", "http://127.0.0.1:8080")


def new_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(argument)
    # The driver comes from Debian's chromium-driver: nothing is downloaded.
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.implicitly_wait(5)
    return driver


def wait_for_title(driver, prefix):
    """Waits until the page that a click started has loaded."""
    WebDriverWait(driver, 10).until(lambda d: d.title.startswith(prefix))


@pytest.fixture(scope="module")
def browser():
    driver = new_browser()
    sign_in(driver)
    yield driver
    driver.quit()


DEMO_PASSWORD = "synthetic-demo"


def sign_in(driver, email="coordinator@secureplace.example"):
    driver.get(BASE_URL + "/sign-in")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(DEMO_PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait_for_title(driver, "National bed board")


def api_token():
    request = urllib.request.Request(
        f"{BASE_URL}/api/v1/sessions",
        data=json.dumps({"email": "analyst@secureplace.example", "password": DEMO_PASSWORD}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request) as response:
        return json.load(response)["token"]


TOKEN = None


def board_json(query=""):
    global TOKEN
    TOKEN = TOKEN or api_token()
    request = urllib.request.Request(
        f"{BASE_URL}/api/v1/bed-board{query}", headers={"Authorization": f"Bearer {TOKEN}"}
    )
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def serious_violations(driver):
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']}"
        for violation in results["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


def test_board_shows_every_demo_home_with_its_welfare_vacancies(browser):
    expected = {
        home["name"]: home["beds"]["welfareVacancies"]
        for region in board_json()["regions"]
        for home in region["homes"]
    }
    browser.get(BASE_URL + "/")

    assert browser.find_element(By.TAG_NAME, "h1").text == "National bed board"
    assert "synthetic demo data" in browser.find_element(By.CSS_SELECTOR, ".demo-banner").text
    rows = browser.find_elements(By.CSS_SELECTOR, "tr[data-testid=home-row]")
    shown = {
        row.find_element(By.CSS_SELECTOR, "th a").text: int(row.find_element(By.CSS_SELECTOR, "[data-testid=welfare-vacancies]").text)
        for row in rows
    }
    assert len(shown) == 14
    assert shown == expected
    national = int(browser.find_element(By.CSS_SELECTOR, "[data-testid=national-welfare-vacancies]").text)
    assert national == sum(expected.values())
    assert "There is no secure children's home in this region." in browser.find_element(By.ID, "region-E12000007").find_element(By.XPATH, "..").text


def test_board_has_no_serious_accessibility_violations(browser):
    browser.get(BASE_URL + "/")
    assert serious_violations(browser) == []


def test_a_home_page_lists_its_beds_and_passes_the_scan(browser):
    browser.get(BASE_URL + "/")
    link = browser.find_element(By.CSS_SELECTOR, "tr[data-testid=home-row] th a")
    name = link.text
    link.click()
    assert browser.find_element(By.TAG_NAME, "h1").text == name
    assert len(browser.find_elements(By.CSS_SELECTOR, "table tbody tr")) > 3
    assert serious_violations(browser) == []


def test_a_past_day_is_rebuilt_and_a_bad_date_is_explained_beside_the_field(browser):
    past = board_json("?date=2026-01-15")
    browser.get(BASE_URL + "/?date=2026-01-15")
    assert "the end of 15 January 2026" in browser.find_element(By.CSS_SELECTOR, ".lead").text
    national = int(browser.find_element(By.CSS_SELECTOR, "[data-testid=national-welfare-vacancies]").text)
    assert national == past["national"]["welfareVacancies"]

    browser.get(BASE_URL + "/?date=2026-02-30")
    assert browser.title.startswith("Error:")
    assert "Enter a real date" in browser.find_element(By.ID, "date-error").text
    assert browser.find_element(By.ID, "date").get_attribute("value") == "2026-02-30"
    assert serious_violations(browser) == []


def test_board_reflows_on_a_phone_without_losing_the_figures(browser):
    browser.set_window_size(375, 800)
    try:
        browser.get(BASE_URL + "/")
        page_width = browser.execute_script("return document.documentElement.scrollWidth")
        assert page_width <= 375 + 1, "only the tables scroll sideways, not the page"
        assert browser.find_element(By.CSS_SELECTOR, "[data-testid=national-welfare-vacancies]").is_displayed()
    finally:
        browser.set_window_size(1280, 1000)


def test_the_sign_in_page_explains_a_wrong_password_and_passes_the_scan():
    driver = new_browser()
    try:
        driver.get(BASE_URL + "/")
        assert driver.current_url.startswith(BASE_URL + "/sign-in"), "the board needs signing in"
        assert serious_violations(driver) == []
        driver.find_element(By.ID, "email").send_keys("referrer.cardiff@secureplace.example")
        driver.find_element(By.ID, "password").send_keys("not-the-password")
        driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        wait_for_title(driver, "Error:")
        assert "not right" in driver.find_element(By.ID, "password-error").text
        assert driver.find_element(By.ID, "email").get_attribute("value") == "referrer.cardiff@secureplace.example"
        assert serious_violations(driver) == []
    finally:
        driver.quit()


def find_home(board, reference):
    """The board JSON's home with this reference, wherever it sits."""
    if isinstance(board, dict):
        if board.get("reference") == reference and "id" in board:
            return board
        children = board.values()
    elif isinstance(board, list):
        children = board
    else:
        return None
    for child in children:
        found = find_home(child, reference)
        if found:
            return found
    return None


def test_a_home_manager_takes_a_bed_out_of_service_with_the_message_beside_the_field():
    driver = new_browser()
    try:
        sign_in(driver, "manager.sch-ne-01@secureplace.example")
        home = find_home(board_json(), "SCH-NE-01")
        driver.get(f"{BASE_URL}/homes/{home['id']}")
        assert serious_violations(driver) == [], "the manager's own page, with its forms"
        assert "The next four weeks" in driver.page_source
        if not driver.find_elements(By.CSS_SELECTOR, "#bedID option"):
            pytest.skip("no vacant bed at this home in this demo")
        driver.find_element(By.ID, "expectedEndOn").send_keys("2026-02-30")
        driver.find_element(By.ID, "note").send_keys("Ceiling leak")
        driver.find_element(By.XPATH, "//button[contains(., 'Record the bed out of service')]").click()
        wait_for_title(driver, "Error:")
        field = driver.find_element(By.ID, "expectedEndOn")
        message = field.find_element(By.XPATH, "preceding-sibling::p[@class='error-message']")
        assert "real date" in message.text
        assert driver.find_element(By.ID, "note").get_attribute("value") == "Ceiling leak", "nothing typed is lost"
        assert serious_violations(driver) == []
        later = driver.execute_script("return new Date(Date.now() + 3 * 86400000).toISOString().slice(0, 10)")
        field = driver.find_element(By.ID, "expectedEndOn")
        field.clear()
        field.send_keys(later)
        driver.find_element(By.XPATH, "//button[contains(., 'Record the bed out of service')]").click()
        WebDriverWait(driver, 10).until(lambda d: "The bed was closed." in d.page_source)
        assert "Ceiling leak" in driver.page_source
        assert "out of service" in driver.find_element(By.CSS_SELECTOR, "table.calendar").text

        driver.get(f"{BASE_URL}/homes/{home['id']}/profile")
        assert serious_violations(driver) == []
        driver.find_element(By.CSS_SELECTOR, "label[for='cannotTake-trafficking']").click()
        driver.find_element(By.XPATH, "//button[contains(., 'Save the profile')]").click()
        WebDriverWait(driver, 10).until(lambda d: "The profile was saved." in d.page_source)
        assert driver.find_element(By.ID, "cannotTake-trafficking").is_selected()
    finally:
        driver.quit()
