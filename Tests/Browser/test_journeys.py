"""Whole journeys across several users in a real headless Chromium, and an accessibility scan
of every page each role can reach. Runs against `secureplace serve --demo`."""
import re

import pytest
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_bed_board import BASE_URL, board_json, new_browser, serious_violations, sign_in, wait_for_title


@pytest.fixture
def browsers():
    opened = {}

    def open_as(email):
        if email not in opened:
            driver = new_browser()
            sign_in(driver, email)
            opened[email] = driver
        return opened[email]

    yield open_as
    for driver in opened.values():
        driver.quit()


def replaced(page):
    """A wait condition: the page element is gone because a new document loaded. Chromium
    sometimes says so with "does not belong to the document" instead of a stale element."""

    def check(_driver):
        try:
            page.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise

    return check


def post_button(driver, text):
    buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, "main form button") if b.text.strip().startswith(text)]
    assert buttons, f"no button '{text}' on {driver.current_url}"
    page = driver.find_element(By.TAG_NAME, "html")
    buttons[0].click()
    # The next step may run in another browser: wait until this post has been answered.
    WebDriverWait(driver, 10).until(replaced(page))


def create_referral(driver, given_name, sex="female", flags=("sexual-exploitation",), born="2011-02-01"):
    driver.get(BASE_URL + "/referrals/new")
    driver.find_element(By.ID, "givenName").send_keys(given_name)
    driver.find_element(By.ID, "familyName").send_keys("Journey")
    driver.find_element(By.ID, "dateOfBirth").send_keys(born)
    driver.find_element(By.ID, f"sex-{sex}").click()
    driver.find_element(By.ID, "localAuthorityReference").send_keys("MCR-TEST")
    for flag in flags:
        driver.find_element(By.ID, f"flag-{flag}").click()
    Select(driver.find_element(By.ID, "orderStatus")).select_by_value("interim-order")
    today = driver.execute_script("return new Date().toISOString().slice(0, 10)")
    driver.find_element(By.ID, "orderStartsOn").send_keys(today)
    # A first order may run at most three months (reg 11).
    ends = driver.execute_script("return new Date(Date.now() + 28 * 86400000).toISOString().slice(0, 10)")
    driver.find_element(By.ID, "orderEndsOn").send_keys(ends)
    driver.find_element(By.ID, "urgency-emergency").click()
    driver.find_element(By.ID, "dateNeeded").send_keys(today)
    driver.find_element(By.ID, "summary").send_keys("At serious risk of harm when missing.")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    assert "saved as a draft" in driver.find_element(By.CSS_SELECTOR, ".notification-banner").text
    return driver.current_url.split("?")[0]


def homes_circulated(driver):
    return [row.find_element(By.TAG_NAME, "th").text for row in driver.find_elements(By.CSS_SELECTOR, "table tbody tr")]


def test_a_placement_across_five_users_ends_with_the_bed_occupied(browsers):
    referrer = browsers("referrer.manchester@secureplace.example")
    referral = create_referral(referrer, "Placed")
    post_button(referrer, "Send to a manager")

    manager = browsers("manager.manchester@secureplace.example")
    manager.get(referral)
    post_button(manager, "Approve and submit")

    coordinator = browsers("coordinator@secureplace.example")
    coordinator.get(referral)
    post_button(coordinator, "Circulate to eligible homes")
    circulated = homes_circulated(coordinator)
    assert "Aldersyke House" in circulated and "Tyne Valley Secure Centre" in circulated, circulated

    declining = browsers("manager.sch-ne-01@secureplace.example")
    declining.get(referral)
    declining.find_element(By.ID, "reason-compatibility").click()
    post_button(declining, "Decline")
    assert "Your answer was sent" in declining.find_element(By.CSS_SELECTOR, ".notification-banner").text

    offering = browsers("manager.sch-ne-02@secureplace.example")
    offering.get(referral)
    bed = Select(offering.find_element(By.ID, "bedID"))
    bed.select_by_index(1)
    post_button(offering, "Offer this bed")
    before = next(h for r in board_json()["regions"] for h in r["homes"] if h["reference"] == "SCH-NE-02")["beds"]["all"]

    referrer.get(referral)
    assert "Compatibility with the children currently placed" in referrer.page_source
    post_button(referrer, "Accept this offer")
    assert "bed reserved" in referrer.find_element(By.CSS_SELECTOR, ".notification-banner").text

    offering.get(referral)
    post_button(offering, "The child has arrived")
    assert "PLACED" in offering.find_element(By.TAG_NAME, "h1").text.upper()

    after = next(h for r in board_json()["regions"] for h in r["homes"] if h["reference"] == "SCH-NE-02")["beds"]["all"]
    assert after["occupied"] == before["occupied"] + 1
    assert after["vacant"] == before["vacant"] - 1
    coordinator.get(BASE_URL + "/")
    row = next(r for r in coordinator.find_elements(By.CSS_SELECTOR, "tr[data-testid=home-row]") if "Tyne Valley" in r.text)
    assert str(after["occupied"]) in row.text


def test_a_child_closed_unplaced_reaches_the_regulators_inbox(browsers):
    # Birmingham lets its referrers submit directly; Manchester asks for a manager's approval.
    referrer = browsers("referrer.birmingham@secureplace.example")
    referral = create_referral(referrer, "Unplaced")
    post_button(referrer, "Submit the referral")
    coordinator = browsers("coordinator@secureplace.example")
    coordinator.get(referral)
    post_button(coordinator, "Circulate to eligible homes")

    referrer.get(referral)
    post_button(referrer, "Close unplaced")
    wait_for_title(referrer, "Error:")  # the alternative and location are required
    Select(referrer.find_element(By.ID, "alternative")).select_by_value("dol-unregistered")
    referrer.find_element(By.ID, "location").send_keys("Unregistered flat, two staff")
    post_button(referrer, "Close unplaced")
    # Read the pseudonym from the visible page: the page source also holds random tokens.
    pseudonym = re.search(r"\bC-[A-Z]{2,8}\b", referrer.find_element(By.TAG_NAME, "main").text).group(0)

    inspector = browsers("inspector.ofsted@secureplace.example")
    inspector.get(BASE_URL + "/notifications")
    assert pseudonym in inspector.page_source
    assert "DoL order in an unregistered setting" in inspector.page_source
    assert "Placed" not in inspector.page_source.split(pseudonym)[0][-200:]


def test_an_authority_records_a_court_order_with_the_message_beside_the_field(browsers):
    referrer = browsers("referrer.birmingham@secureplace.example")
    referral = create_referral(referrer, "Ordered")
    referrer.get(referral + "/court-order")
    assert serious_violations(referrer) == []
    today = referrer.execute_script("return new Date().toISOString().slice(0, 10)")
    later = referrer.execute_script("return new Date(Date.now() + 200 * 86400000).toISOString().slice(0, 10)")
    Select(referrer.find_element(By.ID, "orderStatus")).select_by_value("order-granted")
    referrer.find_element(By.ID, "orderStartsOn").send_keys(today)
    referrer.find_element(By.ID, "orderEndsOn").send_keys(later)
    post_button(referrer, "Record the order")
    wait_for_title(referrer, "Error:")
    group = referrer.find_element(By.ID, "orderEndsOn").find_element(By.XPATH, "..")
    assert "at most 3 months" in group.text, group.text
    assert referrer.find_element(By.ID, "orderStartsOn").get_attribute("value") == today, "the value typed is kept"
    assert serious_violations(referrer) == []
    ends = referrer.find_element(By.ID, "orderEndsOn")
    ends.clear()
    ends.send_keys(referrer.execute_script("return new Date(Date.now() + 60 * 86400000).toISOString().slice(0, 10)"))
    post_button(referrer, "Record the order")
    assert "court order was recorded" in referrer.find_element(By.CSS_SELECTOR, ".notification-banner").text
    assert "Order granted" in referrer.find_element(By.TAG_NAME, "table").text


def homes_circulated_to(driver):
    """The first table on a referral's page: the homes it went to (the ranking comes after)."""
    return [row.find_element(By.TAG_NAME, "th").text for row in driver.find_elements(By.CSS_SELECTOR, "main table")[0].find_elements(By.CSS_SELECTOR, "tbody tr")]


def test_a_coordinator_sees_the_ranking_circulates_in_a_wave_and_runs_an_allocation_round(browsers):
    referrer = browsers("referrer.birmingham@secureplace.example")
    referral = create_referral(referrer, "Ranked")
    post_button(referrer, "Submit the referral")

    coordinator = browsers("coordinator@secureplace.example")
    coordinator.get(referral)
    assert "Homes ranked for this child" in coordinator.page_source
    ranked = [row.find_element(By.TAG_NAME, "th").text for row in coordinator.find_elements(By.CSS_SELECTOR, "#ranking + p + .table-wrapper tbody tr")]
    assert len(ranked) >= 4, ranked
    assert "Distance from home" in coordinator.page_source
    assert serious_violations(coordinator) == []
    # Homes asked in one wave share a time, so their order on the page is not the ranking's.
    post_button(coordinator, "Circulate to the next 3 ranked homes")
    assert set(homes_circulated_to(coordinator)) == set(ranked[:3])
    post_button(coordinator, "Circulate to the next 3 ranked homes")
    assert set(homes_circulated_to(coordinator)) == set(ranked[: min(6, len(ranked))])

    second = create_referral(referrer, "Allocated")
    post_button(referrer, "Submit the referral")
    coordinator.get(BASE_URL + "/allocation")
    assert serious_violations(coordinator) == []
    row = next(r for r in coordinator.find_elements(By.CSS_SELECTOR, "main tbody tr") if second.split("/")[-1] in r.get_attribute("innerHTML"))
    assert "km" in row.text
    post_button(coordinator, "Ask the chosen homes for an offer")
    assert "asked for an offer" in coordinator.find_element(By.CSS_SELECTOR, ".notification-banner").text
    coordinator.get(second)
    assert len(homes_circulated_to(coordinator)) == 1, "one home asked, the one the round chose"


def test_a_child_likely_to_get_no_offer_is_flagged_to_the_coordinators_at_submission(browsers):
    referrer = browsers("referrer.birmingham@secureplace.example")
    referral = create_referral(
        referrer, "Flagged", sex="male", born="2010-01-15",
        flags=("offending-history", "gang-association", "harmful-sexual-behaviour"))
    post_button(referrer, "Submit the referral")
    assert "At risk of no offer" not in referrer.page_source, "the flag is the coordinators'"

    coordinator = browsers("coordinator@secureplace.example")
    coordinator.get(BASE_URL + "/at-risk")
    assert serious_violations(coordinator) == []
    link = next(a for a in coordinator.find_elements(By.CSS_SELECTOR, "main tbody th a") if a.get_attribute("href").rstrip("/") == referral)
    row_text = link.find_element(By.XPATH, "ancestor::tr").text
    assert "Harmful sexual behaviour" in row_text and "%" in row_text
    link.click()
    panel = coordinator.find_element(By.ID, "no-offer-risk")
    assert "never stops the referral going to any home" in panel.text
    assert serious_violations(coordinator) == []
    coordinator.get(BASE_URL + "/referrals?queue=1")
    assert "At risk of no offer" in coordinator.page_source
    coordinator.get(BASE_URL + "/matching/model")
    assert "It never refuses a child" in coordinator.page_source
    assert "Calibration by tenth" in coordinator.page_source


PAGES_BY_ROLE = {
    "referrer.manchester@secureplace.example": ["/", "/referrals", "/referrals/new", "/follow-ups", "/exclusions"],
    "manager.manchester@secureplace.example": ["/referrals", "/exclusions"],
    "manager.sch-ne-01@secureplace.example": ["/", "/referrals"],
    "coordinator@secureplace.example": ["/", "/referrals?queue=1", "/referrals", "/follow-ups", "/notifications", "/without-order", "/at-risk", "/allocation", "/matching/model"],
    "inspector.ofsted@secureplace.example": ["/notifications"],
    "analyst@secureplace.example": ["/", "/planning", "/matching/model"],
    "admin@secureplace.example": ["/", "/admin/users"],
}


@pytest.mark.parametrize("email", sorted(PAGES_BY_ROLE))
def test_every_page_of_every_role_passes_the_accessibility_scan(browsers, email):
    """Also each role's first referral and its timeline; test_every_page.py walks every page
    reachable from the navigation at three widths."""
    driver = browsers(email)
    for path in PAGES_BY_ROLE[email]:
        driver.get(BASE_URL + path)
        assert serious_violations(driver) == [], f"{email} {path}"
        links = driver.find_elements(By.CSS_SELECTOR, "main a[href^='/referrals/']")
        if path == "/referrals" and links:
            links[0].click()
            assert serious_violations(driver) == [], f"{email} {driver.current_url}"
            driver.get(driver.current_url.split("?")[0] + "/timeline")
            assert serious_violations(driver) == [], f"{email} timeline"
