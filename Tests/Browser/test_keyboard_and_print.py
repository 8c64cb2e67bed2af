"""A whole journey with the keyboard alone, on a phone's width, and a referral printed on A4.

Every key goes to whatever has focus, as it does for a person without a mouse: nothing is
clicked and no element is typed into by id."""
import base64
import re

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from test_bed_board import BASE_URL, DEMO_PASSWORD, new_browser, sign_in

FOCUSED = """
const element = document.activeElement;
const style = getComputedStyle(element);
const box = element.getBoundingClientRect();
const all = [...document.querySelectorAll('*')];
return {
  tag: element.tagName.toLowerCase(), id: element.id, type: element.type || '',
  text: (element.innerText || element.value || '').trim().slice(0, 60),
  indicator: style.outlineStyle !== 'none' || style.boxShadow !== 'none'
             || style.backgroundColor === 'rgb(255, 221, 0)',
  visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight
           && box.right > 0 && box.left < innerWidth,
  position: all.indexOf(element),
};
"""


class Keyboard:
    """Presses keys and checks, after every Tab, that focus is visible and moves forward."""

    def __init__(self, driver):
        self.driver = driver
        self.last_position = -1

    def press(self, *keys):
        ActionChains(self.driver).send_keys(*keys).perform()

    def type(self, text):
        self.press(text)

    def focused(self):
        return self.driver.execute_script(FOCUSED)

    def new_page(self):
        self.last_position = -1

    def tab_to(self, matches, limit=80):
        """Tabs until the focused element matches; every stop on the way must show its focus
        and come after the one before it in the page."""
        for _ in range(limit):
            self.press(Keys.TAB)
            focused = self.focused()
            assert focused["visible"], f"focus went to something not on screen: {focused}"
            assert focused["indicator"], f"no visible focus indicator on {focused}"
            assert focused["position"] > self.last_position, f"focus went backwards to {focused}"
            self.last_position = focused["position"]
            if matches(focused):
                return focused
        raise AssertionError(f"Tab never reached the element on {self.driver.current_url}")


def wait_for_page(driver, prefix):
    """Waits for the page whose title starts with `prefix`; on a timeout says what is shown instead."""
    try:
        WebDriverWait(driver, 10).until(lambda d: d.title.startswith(prefix))
    except TimeoutException:
        problems = driver.execute_script(
            "return [...document.querySelectorAll('.error-summary li')].map(e => e.innerText)")
        raise AssertionError(f"expected '{prefix}', got '{driver.title}' {problems}")


def element_id(name):
    return lambda focused: focused["id"] == name


def text_starting(text):
    return lambda focused: focused["text"].startswith(text)


def test_a_referrer_signs_in_finds_the_form_through_the_menu_and_saves_a_referral_by_keyboard_alone():
    driver = new_browser()
    try:
        driver.set_window_size(320, 800)
        keys = Keyboard(driver)
        driver.get(BASE_URL + "/sign-in")
        keys.new_page()
        skip = keys.tab_to(lambda focused: True)
        assert skip["text"] == "Skip to main content", "the first stop is the skip link"
        keys.press(Keys.ENTER)
        assert driver.current_url.endswith("#main")
        keys.tab_to(element_id("email"))
        keys.type("referrer.manchester@secureplace.example")
        keys.tab_to(element_id("password"))
        keys.type(DEMO_PASSWORD + Keys.ENTER)
        wait_for_page(driver, "National bed board")

        keys.new_page()
        keys.tab_to(text_starting("Skip to main content"))
        menu = keys.tab_to(lambda focused: focused["tag"] == "summary")
        assert menu["text"] == "Menu"
        assert not driver.execute_script("return document.querySelector('.service-menu ul').checkVisibility()"), \
            "on a phone the sections are folded under the menu button"
        keys.press(Keys.ENTER)
        assert driver.execute_script("return document.querySelector('.service-menu').open")
        assert driver.execute_script("return document.querySelector('.service-menu ul').checkVisibility()")
        keys.tab_to(text_starting("New referral"))
        keys.press(Keys.ENTER)
        wait_for_page(driver, "New referral")

        keys.new_page()
        today = driver.execute_script("return new Date().toISOString().slice(0, 10)")
        ends = driver.execute_script("return new Date(Date.now() + 28 * 86400000).toISOString().slice(0, 10)")
        keys.tab_to(element_id("givenName"))
        keys.type("Keyboard")
        keys.tab_to(element_id("familyName"))
        keys.type("Journey")
        keys.tab_to(element_id("dateOfBirth"))
        keys.type("2011-02-01")
        # Into the radio group, then Space chooses the one with focus.
        sex = keys.tab_to(lambda focused: focused["id"].startswith("sex-"))
        keys.press(Keys.SPACE)
        keys.tab_to(element_id("localAuthorityReference"))
        keys.type("KEY-1")
        keys.tab_to(element_id("orderStatus"))
        while driver.execute_script("return document.activeElement.value") != "interim-order":
            keys.press(Keys.ARROW_DOWN)
        keys.tab_to(element_id("orderStartsOn"))
        keys.type(today)
        keys.tab_to(element_id("orderEndsOn"))
        keys.type(ends)
        keys.tab_to(lambda focused: focused["id"].startswith("urgency-"))
        while driver.execute_script("return document.activeElement.id") != "urgency-emergency":
            keys.press(Keys.ARROW_DOWN)
        keys.press(Keys.SPACE)
        keys.tab_to(element_id("dateNeeded"))
        keys.type(today)
        keys.tab_to(element_id("summary"))
        keys.type("At serious risk of harm when missing.")
        keys.tab_to(lambda focused: focused["tag"] == "button" and focused["type"] == "submit")
        keys.press(Keys.ENTER)
        wait_for_page(driver, "Referral ")
        banner = driver.execute_script("return document.querySelector('.notification-banner').innerText")
        assert "saved as a draft" in banner
        assert sex["id"] in ("sex-female", "sex-male")
    finally:
        driver.quit()


def test_a_referral_prints_on_a4_without_the_navigation_and_with_the_childs_pseudonym():
    driver = new_browser()
    try:
        sign_in(driver, "coordinator@secureplace.example")
        driver.get(BASE_URL + "/referrals")
        link = driver.execute_script("return document.querySelector(\"main a[href^='/referrals/']\").href")
        driver.get(link)
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        shown = driver.execute_script("""
            const visible = selector => [...document.querySelectorAll(selector)]
              .some(element => element.offsetParent !== null || getComputedStyle(element).display !== 'none'
                               && element.getClientRects().length > 0);
            return {navigation: visible('.service-navigation'), forms: visible('main form'),
                    footer: visible('.site-footer'), note: document.querySelector('.print-only').innerText,
                    noteShown: visible('.print-only'),
                    text: document.querySelector('main').innerText};
        """)
        assert not shown["navigation"] and not shown["forms"] and not shown["footer"]
        assert shown["noteShown"]
        found = re.search(r"Child (\S+)\. Printed", shown["note"])
        assert found, shown["note"]
        pseudonym = found.group(1)
        assert pseudonym in shown["text"]
        assert "OFFICIAL-SENSITIVE" in shown["note"]
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        pdf = base64.b64decode(driver.print_page())
        assert pdf.startswith(b"%PDF")
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert 1 <= pages <= 4, f"{pages} A4 pages"
    finally:
        driver.quit()
