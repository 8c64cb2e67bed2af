"""An analyst asks where new beds should go and reads the report, in a real headless Chromium."""
import os

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_bed_board import BASE_URL, new_browser, serious_violations, sign_in, wait_for_title


def test_an_analyst_runs_a_plan_and_reads_it_with_its_chart():
    driver = new_browser()
    try:
        sign_in(driver, "analyst@secureplace.example")
        driver.get(BASE_URL + "/planning")
        assert serious_violations(driver) == []
        beds = driver.find_element(By.ID, "addBeds")
        beds.clear()
        beds.send_keys("none")
        driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        wait_for_title(driver, "Error: Capacity planning")
        assert "Enter a whole number of beds from 1 to 100." in driver.find_element(By.ID, "addBeds-error").text
        assert serious_violations(driver) == []

        beds = driver.find_element(By.ID, "addBeds")
        beds.clear()
        beds.send_keys("3")
        replications = driver.find_element(By.ID, "replications")
        replications.clear()
        replications.send_keys("4")
        driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        wait_for_title(driver, "Capacity plan")
        # The page reloads itself until the run is done: no JavaScript of ours involved.
        WebDriverWait(driver, 240, poll_frequency=1).until(
            lambda d: "Recommended beds" in d.find_element(By.TAG_NAME, "main").text)
        main = driver.find_element(By.TAG_NAME, "main").text
        assert "finished" in main.lower()
        assert "share of children placed within 100 km" in main
        assert driver.find_elements(By.CSS_SELECTOR, "svg.chart polyline")
        rows = driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")
        assert len(rows) >= 10 + 1, "recommendations, ten regions and the steps"
        link = driver.find_element(By.PARTIAL_LINK_TEXT, "Download the plan")
        assert link.get_attribute("href").endswith("/plan.csv")
        assert serious_violations(driver) == []
        if os.environ.get("SECUREPLACE_SCREENSHOTS"):
            driver.save_screenshot(os.path.join(os.environ["SECUREPLACE_SCREENSHOTS"], "planning-run.png"))
    finally:
        driver.quit()


def test_an_analyst_compares_ways_of_circulating_and_reads_them_by_group():
    driver = new_browser()
    try:
        sign_in(driver, "analyst@secureplace.example")
        driver.get(BASE_URL + "/planning#circulation")
        replications = driver.find_element(By.ID, "comparisonReplications")
        replications.clear()
        replications.send_keys("3")
        replications.submit()
        wait_for_title(driver, "Ways of circulating compared")
        WebDriverWait(driver, 240, poll_frequency=1).until(
            lambda d: "Download every figure" in d.find_element(By.TAG_NAME, "main").text)
        main = driver.find_element(By.TAG_NAME, "main").text
        assert "All children" in main
        assert "Boys of 15 or over with an offending, gang or harmful sexual behaviour flag" in main
        headers = [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "main table tbody th")]
        assert headers.count("Broadcast") == 3, "one row per group"
        assert headers.count("Allocation rounds every day") == 3
        # A dot and a square with their intervals for each group and way.
        assert len(driver.find_elements(By.CSS_SELECTOR, "svg.chart circle")) == 9
        assert len(driver.find_elements(By.CSS_SELECTOR, "svg.chart rect")) == 9
        assert serious_violations(driver) == []
        if os.environ.get("SECUREPLACE_SCREENSHOTS"):
            driver.save_screenshot(os.path.join(os.environ["SECUREPLACE_SCREENSHOTS"], "circulation-compared.png"))
    finally:
        driver.quit()
