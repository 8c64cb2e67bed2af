"""A walk of every page each role can reach, as a person would find them: each link of the
navigation, and from each of those pages the first link of each list or table. Every page is
opened at a phone's, a tablet's and a desktop's width, scanned by axe (no serious or critical
violation) and checked not to scroll sideways (WCAG 2.2, 1.4.10 Reflow, at 320 px)."""
import urllib.parse

import pytest
from selenium.webdriver.common.by import By

from test_bed_board import BASE_URL, new_browser, serious_violations, sign_in

ROLES = [
    "referrer.manchester@secureplace.example",
    "manager.manchester@secureplace.example",
    "manager.sch-ne-01@secureplace.example",
    "coordinator@secureplace.example",
    "inspector.ofsted@secureplace.example",
    "analyst@secureplace.example",
    "admin@secureplace.example",
]
WIDTHS = (320, 768, 1280)
# Pages that change something when opened, or are not pages.
SKIPPED = (".csv", "/sign-out", "/openapi.json", "/api/")

WALKED = {}


def local_path(href):
    """The path and query of a link to a page of this service, or None."""
    if not href:
        return None
    parts = urllib.parse.urlsplit(href)
    base = urllib.parse.urlsplit(BASE_URL)
    if parts.netloc and parts.netloc != base.netloc:
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    if not path.startswith("/") or any(skipped in path for skipped in SKIPPED):
        return None
    return path


def reachable_pages(driver):
    """The navigation's pages, then the first link of each list and table on each of them."""
    driver.set_window_size(1280, 900)
    driver.get(BASE_URL + "/")
    navigation = driver.execute_script(
        "return [...document.querySelectorAll('nav.service-navigation a')].map(a => a.href)")
    found = list(dict.fromkeys(["/"] + [path for path in map(local_path, navigation) if path]))
    for page in list(found):
        driver.get(BASE_URL + page)
        firsts = driver.execute_script("""
            return [...document.querySelectorAll('main table tbody, main ul, main ol, main dl')]
              .filter(list => !list.closest('nav'))
              .map(list => list.querySelector('a[href]'))
              .filter(link => link)
              .map(link => link.href);
        """)
        for path in map(local_path, firsts):
            if path and path not in found:
                found.append(path)
    return found


def overflow(driver):
    """How far the page is wider than the window, and the widest element that makes it so."""
    return driver.execute_script("""
        const viewport = document.documentElement.clientWidth;
        const width = document.documentElement.scrollWidth;
        let culprit = '';
        if (width > viewport) {
          for (const element of document.querySelectorAll('body *')) {
            const box = element.getBoundingClientRect();
            if (box.right > viewport + 1 && !element.closest('.table-wrapper, .chart-scroll')) {
              culprit = element.tagName.toLowerCase() + (element.className ? '.' + element.className : '')
                + ' ' + Math.round(box.right) + 'px';
            }
          }
        }
        return [width - viewport, culprit];
    """)


@pytest.mark.parametrize("email", ROLES)
def test_every_page_a_role_reaches_fits_every_width_and_passes_the_scan(email):
    driver = new_browser()
    # Nothing here waits for an element to appear: each page has loaded when get() returns.
    driver.implicitly_wait(0)
    try:
        sign_in(driver, email)
        pages = reachable_pages(driver)
        WALKED[email] = len(pages)
        problems = []
        for width in WIDTHS:
            driver.set_window_size(width, 900)
            for page in pages:
                driver.get(BASE_URL + page)
                extra, culprit = overflow(driver)
                if extra > 0:
                    problems.append(f"{page} at {width}px scrolls sideways by {extra}px ({culprit})")
                for violation in serious_violations(driver):
                    problems.append(f"{page} at {width}px: {violation}")
                header, sign_out = driver.execute_script(
                    "const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom] };"
                    "return [box(document.querySelector('.site-header')), box(document.querySelector('.sign-out'))]")
                if not (header[0] <= sign_out[0] and sign_out[2] <= header[2]
                        and header[1] <= sign_out[1] and sign_out[3] <= header[3]):
                    problems.append(f"{page} at {width}px: the sign-out is outside the header")
        assert problems == [], "\n".join(problems)
        print(f"\n{email}: {len(pages)} pages × {len(WIDTHS)} widths: {', '.join(pages)}")
    finally:
        driver.quit()
