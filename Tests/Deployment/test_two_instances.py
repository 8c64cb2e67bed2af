"""Two `secureplace serve` processes on one PostgreSQL database, driven at once.

Deployed as docs/deployment.md says: `secureplace migrate` once, then every instance started
with --no-migrate. The background jobs run every two seconds on both, so the escalation job's
lease is contended all through the run.
"""
import concurrent.futures
import tempfile
import time

import pytest

from service import (Client, Instance, PostgresDatabase, referral_form, run, sign_in,
                     sign_in_with_form)

COORDINATOR = "coordinator@secureplace.example"
REFERRER = "referrer.manchester@secureplace.example"
# Manchester asks for a manager's approval before a referral goes out; its manager submits.
AUTHORITY_MANAGER = "manager.manchester@secureplace.example"
HOME_MANAGER = "manager.sch-ne-01@secureplace.example"


@pytest.fixture(scope="module")
def deployment():
    database = PostgresDatabase("sp_two_instances")
    directory = tempfile.mkdtemp(prefix="secureplace-two-instances.")
    instances = []
    try:
        run("migrate", "--database", database.url)
        run("demo", "--database", database.url, "--months", "3")
        for name in ("first", "second"):
            instances.append(Instance(database.url, directory, name, "--no-migrate", "--job-interval", "2"))
        with concurrent.futures.ThreadPoolExecutor() as pool:
            list(pool.map(lambda instance: instance.start(), instances))
        yield database, instances[0], instances[1]
    finally:
        for instance in instances:
            instance.stop()
        database.drop()


@pytest.fixture(scope="module")
def home(deployment):
    """The demo home whose manager can sign in, and its beds."""
    _, first, _ = deployment
    manager = sign_in(first.base, HOME_MANAGER)
    status, board = manager.get("/api/v1/bed-board")
    assert status == 200
    homes = [home for region in board["regions"] for home in region["homes"]]
    found = next(home for home in homes if home["reference"] == "SCH-NE-01")
    return found


def referral_for(home, name):
    form = referral_form(name)
    form["sex"] = home["acceptedSexes"][0]
    return form


def vacant_beds(client, home_id):
    status, beds = client.get(f"/api/v1/homes/{home_id}")
    assert status == 200, beds
    return [bed["id"] for bed in beds["beds"] if bed["status"] == "vacant"]


def circulated_referral(create_on, submit_on, circulate_on, form):
    status, referral = create_on.post("/api/v1/referrals", form)
    assert status == 201, referral
    status, answer = submit_on.post(f"/api/v1/referrals/{referral['id']}/submit")
    assert status == 200, answer
    status, answer = circulate_on.post(f"/api/v1/referrals/{referral['id']}/circulate")
    assert status == 200, answer
    return referral["id"]


def test_an_instance_told_not_to_migrate_refuses_a_database_that_needs_migrations():
    database = PostgresDatabase("sp_not_migrated")
    try:
        directory = tempfile.mkdtemp(prefix="secureplace-not-migrated.")
        instance = Instance(database.url, directory, "unmigrated", "--no-migrate")
        with pytest.raises(AssertionError) as refused:
            instance.start(timeout=60)
        assert "Run `secureplace migrate` once" in str(refused.value)
        assert database.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == [["0"]]
    finally:
        database.drop()


def test_tokens_and_sessions_from_one_instance_work_on_the_other(deployment):
    _, first, second = deployment
    token = sign_in(first.base, REFERRER).token
    assert Client(second.base, token=token).get("/api/v1/referrals")[0] == 200

    browser = sign_in_with_form(first.base, COORDINATOR)
    on_second = Client(second.base, cookies=browser.cookies)
    status, page, _ = on_second.request("GET", "/referrals")
    assert status == 200 and "Sign out" in page
    # Signing out on the second ends the session on the first too.
    csrf = page.split('name="csrfToken" value="', 1)[1].split('"', 1)[0]
    status, _, _ = on_second.request("POST", "/sign-out", form={"csrfToken": csrf})
    assert status in (302, 303)
    status, _, headers = Client(first.base, cookies=browser.cookies).request("GET", "/referrals")
    assert status in (302, 303) and headers["Location"].startswith("/sign-in")


def test_a_referral_made_on_one_instance_is_answered_and_placed_through_the_other(deployment, home):
    _, first, second = deployment
    referrer_first, manager_of_authority = sign_in(first.base, REFERRER), sign_in(second.base, AUTHORITY_MANAGER)
    coordinator = sign_in(first.base, COORDINATOR)
    manager_second = sign_in(second.base, HOME_MANAGER)
    beds = vacant_beds(manager_second, home["id"])
    assert beds, "the demo home has a vacant bed"
    referral = circulated_referral(referrer_first, manager_of_authority, coordinator, referral_for(home, "Journey"))
    status, offer = manager_second.post(
        f"/api/v1/referrals/{referral}/responses", {"answer": "offer", "bedID": beds[0]})
    assert status == 201, offer
    status, accepted = referrer_first.post(f"/api/v1/offers/{offer['id']}/accept")
    assert status == 200, accepted
    status, admitted = manager_second.post(f"/api/v1/placements/{offer['id']}/admit")
    assert status == 200, admitted
    status, seen = referrer_first.get(f"/api/v1/referrals/{referral}")
    assert status == 200 and seen["state"] == "placed", seen


def test_thirty_accepts_of_the_same_last_bed_across_both_instances_give_it_once(deployment, home):
    database, first, second = deployment
    manager = sign_in(first.base, HOME_MANAGER)
    beds = vacant_beds(manager, home["id"])
    assert beds
    last, others = beds[0], beds[1:]
    for bed in others:
        status, answer = manager.post(f"/api/v1/beds/{bed}/close", {"reason": "staffing"})
        assert status == 204, answer
    referrers = [sign_in(first.base, REFERRER), sign_in(second.base, REFERRER)]
    authority = [sign_in(first.base, AUTHORITY_MANAGER), sign_in(second.base, AUTHORITY_MANAGER)]
    coordinator = sign_in(second.base, COORDINATOR)
    managers = [manager, sign_in(second.base, HOME_MANAGER)]
    offers = []
    for index in range(30):
        referral = circulated_referral(
            referrers[index % 2], authority[(index + 1) % 2], coordinator, referral_for(home, f"Race {index}"))
        status, offer = managers[index % 2].post(
            f"/api/v1/referrals/{referral}/responses", {"answer": "offer", "bedID": last})
        assert status == 201, offer
        offers.append(offer["id"])

    def accept(index):
        return referrers[index % 2].post(f"/api/v1/offers/{offers[index]}/accept")[0]

    with concurrent.futures.ThreadPoolExecutor(max_workers=30) as pool:
        statuses = list(pool.map(accept, range(30)))
    assert statuses.count(200) == 1, statuses
    assert statuses.count(409) == 29, statuses
    assert database.query(
        f"SELECT count(*) FROM home_responses WHERE bed_id = '{last}' AND offer_status = 'accepted'") == [["1"]]
    reserved = database.query(
        f"SELECT count(*) FROM bed_status_intervals WHERE bed_id = '{last}' AND status = 'reserved'")
    assert reserved == [["1"]], "the bed is held once"
    status, beds_now = manager.get(f"/api/v1/homes/{home['id']}")
    assert [bed["status"] for bed in beds_now["beds"] if bed["id"] == last] == ["reserved"]


def test_each_overdue_referral_is_escalated_exactly_once_with_the_job_on_both_instances(deployment, home):
    database, first, second = deployment
    referrer, manager = sign_in(first.base, REFERRER), sign_in(second.base, AUTHORITY_MANAGER)
    coordinator = sign_in(second.base, COORDINATOR)
    referrals = [circulated_referral(referrer, manager, coordinator, referral_for(home, f"Overdue {index}"))
                 for index in range(10)]
    listed = ", ".join(f"'{referral}'" for referral in referrals)
    # The homes' deadline passes: as if four hours had gone by without an answer.
    database.query(f"UPDATE circulations SET respond_by = respond_by - interval '5 hours' "
                   f"WHERE referral_id IN ({listed}) RETURNING 1")

    def escalations():
        rows = database.query(
            f"SELECT object_id, count(*) FROM audit_events WHERE action = 'referral.escalate' "
            f"AND object_id IN ({listed.upper()}) GROUP BY object_id")
        return {object_id: int(count) for object_id, count in rows}

    deadline = time.monotonic() + 60
    while len(escalations()) < len(referrals) and time.monotonic() < deadline:
        time.sleep(1)
    time.sleep(6)  # three more runs of the job on each instance
    found = escalations()
    assert len(found) == len(referrals), f"escalated {len(found)} of {len(referrals)}"
    assert set(found.values()) == {1}, found
    for referral in referrals:
        status, seen = coordinator.get(f"/api/v1/referrals/{referral}")
        assert status == 200 and seen.get("escalatedAt"), seen


def test_the_audit_chain_verifies_after_both_instances_wrote_to_it(deployment):
    database, first, second = deployment
    output = run("audit", "verify", "--database", database.url)
    assert "The audit trail is intact" in output, output
