"""An analyst works through the clerical review queue of the demo linkage study, in a real headless Chromium."""
import os

from selenium.webdriver.common.by import By

from test_bed_board import BASE_URL, new_browser, serious_violations, sign_in, wait_for_title
from test_journeys import post_button


def test_an_analyst_decides_an_uncertain_pair_and_moves_on_to_the_next():
    driver = new_browser()
    try:
        sign_in(driver, "analyst@secureplace.example")
        driver.find_element(By.LINK_TEXT, "Linkage review").click()
        wait_for_title(driver, "Linkage review")
        assert serious_violations(driver) == []
        main = driver.find_element(By.TAG_NAME, "main").text
        assert "Demo: synthetic justice extract" in main
        first = driver.find_element(By.CSS_SELECTOR, "main table tbody tr th a")
        pair = first.text
        first.click()
        wait_for_title(driver, "Review a pair")
        main = driver.find_element(By.TAG_NAME, "main").text
        assert "Are these the same person?" in main
        assert f"Records {pair}:" in main
        assert "•" in main, "names are masked"
        assert driver.find_elements(By.CSS_SELECTOR, "svg.chart rect.chart-bar-total")
        assert serious_violations(driver) == []
        if os.environ.get("SECUREPLACE_SCREENSHOTS"):
            driver.save_screenshot(os.path.join(os.environ["SECUREPLACE_SCREENSHOTS"], "linkage-review.png"))
        post_button(driver, "Different people")
        wait_for_title(driver, "Review a pair")
        assert f"Records {pair}:" not in driver.find_element(By.TAG_NAME, "main").text, "on to the next pair"
        driver.get(BASE_URL + "/linkage/reviews?show=decided")
        decided = driver.find_element(By.TAG_NAME, "main").text
        assert pair in decided and "Different people" in decided
    finally:
        driver.quit()
