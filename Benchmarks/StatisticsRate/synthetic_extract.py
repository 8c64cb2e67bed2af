"""Writes a synthetic analysts' extract (referrals.csv, answers.csv, episodes.csv in the layout
`secureplace statistics extract` writes) of any size, for the side-by-side run against DuckDB.
Written apart from the service's demo generator: its own choices, its own random stream.

    python synthetic_extract.py OUT_DIR LOCAL_AUTHORITIES_CSV --referrals 1000000 --seed 1 --period 2025-26
"""
import argparse
import csv
import datetime as dt
import os
import random
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
FLAGS = ["sexual-exploitation", "criminal-exploitation", "gang-association", "offending-history",
         "harmful-sexual-behaviour", "violence-to-others", "self-harm", "suicidal-ideation", "absconding",
         "substance-misuse", "mental-health-need", "learning-disability", "autism", "physical-health-need",
         "trafficking"]
REFUSAL_FLAGS = {"offending-history", "gang-association", "harmful-sexual-behaviour"}
REASONS = ["no-vacancy", "bed-closed-staffing", "bed-closed-repair", "compatibility", "risk-to-children",
           "risk-to-staff", "needs-beyond-specialism", "outside-registration", "no-legal-authority",
           "insufficient-information", "history-cannot-be-managed", "other"]
ALTERNATIVES = ["open-childrens-home", "foster-care", "supported-accommodation", "unregistered-setting",
                "dol-unregistered", "dol-registered", "hospital", "custody", "home-family-friends", "other"]
PLACES = ["A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1",
          "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1"]
COMMON_PLACES = ["K2"] * 8 + ["U4", "U6", "U1", "P1", "P2", "H5", "R2", "Z1"] * 2 + ["R5", "K1"] + PLACES
HOMES = [f"SC{number:06d}" for number in range(1, 15)]


def utc(moment):
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("authorities")
    parser.add_argument("--referrals", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--period", default="2025-26")
    options = parser.parse_args()
    rng = random.Random(options.seed)
    with open(options.authorities, newline="") as handle:
        authorities = [(row["code"], row["region_code"]) for row in csv.DictReader(handle)]
    start_year = int(options.period[:4])
    # A few referrals either side of the year, as a real extract of a longer period would have.
    first = dt.datetime(start_year, 3, 20, tzinfo=LONDON)
    span = (dt.datetime(start_year + 1, 4, 10, tzinfo=LONDON) - first).total_seconds()
    os.makedirs(options.out, exist_ok=True)
    children = []
    with open(os.path.join(options.out, "referrals.csv"), "w", newline="") as referrals_file, \
            open(os.path.join(options.out, "answers.csv"), "w", newline="") as answers_file:
        referrals = csv.writer(referrals_file, lineterminator="\n")
        answers = csv.writer(answers_file, lineterminator="\n")
        referrals.writerow(["referral", "child", "submitted_at", "submitted_on", "region_code", "la_code",
                            "legal_basis", "urgency", "sex", "age", "flags", "outcome", "first_offer_at", "placed_at",
                            "closed_at", "alternative", "hours_without_order", "km_from_home"])
        answers.writerow(["referral", "home", "answer", "reasons", "respond_by"])
        for number in range(options.referrals):
            # About one referral in eight is a child referred before.
            if children and rng.random() < 0.125:
                child, sex, age, flags, la, region = rng.choice(children)
            else:
                child = f"C-{len(children):07d}"
                sex = "male" if rng.random() < 0.55 else "female"
                age = rng.choice([11, 12, 13, 13, 14, 14, 14, 15, 15, 15, 16, 16, 16, 17, 17])
                flags = sorted(rng.sample(FLAGS, rng.choice([0, 1, 1, 2, 2, 3, 4])))
                la, region = rng.choice(authorities)
                children.append((child, sex, age, flags, la, region))
            submitted = first + dt.timedelta(seconds=rng.random() * span)
            older_boy = sex == "male" and age >= 15 and bool(REFUSAL_FLAGS.intersection(flags))
            basis = "s119-sswb-wales-act-2014" if la.startswith("W") else "s25-children-act-1989"
            if rng.random() < 0.05:
                basis = "inherent-jurisdiction-dol"
            roll = rng.random()
            unplaced_share = 0.6 if older_boy else 0.3
            outcome = ("withdrawn" if roll < 0.03 else "open" if roll < 0.05
                       else "closed-unplaced" if roll < 0.05 + 0.95 * unplaced_share else "placed")
            homes = rng.sample(HOMES, rng.randint(1, 7))
            time = submitted
            first_offer = placed = closed = None
            for index, home in enumerate(homes):
                due = time + dt.timedelta(hours=rng.choice([4, 24, 72]))
                time = time + dt.timedelta(hours=rng.expovariate(1 / 14))
                last = index == len(homes) - 1
                if last and outcome == "placed":
                    first_offer = first_offer or time
                    placed = time + dt.timedelta(hours=rng.uniform(2, 40))
                    answers.writerow([f"R{number}", home, "offered", "", ""])
                elif rng.random() < 0.08:
                    answers.writerow([f"R{number}", home, "not-answered", "", utc(due)])
                elif rng.random() < 0.05:
                    first_offer = first_offer or time
                    answers.writerow([f"R{number}", home, "offered", "", ""])
                else:
                    given = rng.sample(REASONS, rng.choice([1, 1, 2, 3]))
                    if older_boy and rng.random() < 0.5 and "history-cannot-be-managed" not in given:
                        given.append("history-cannot-be-managed")
                    answers.writerow([f"R{number}", home, "declined", ";".join(sorted(given)), ""])
            if outcome in ("closed-unplaced", "withdrawn"):
                closed = time + dt.timedelta(hours=rng.uniform(6, 72))
            alternative = rng.choice(ALTERNATIVES) if outcome == "closed-unplaced" else ""
            hours = f"{rng.choice([0, 0, 0, rng.uniform(1, 70)]):.3f}" if placed else ""
            referrals.writerow([
                f"R{number}", child, utc(submitted), submitted.date().isoformat(), region, la, basis,
                rng.choice(["emergency", "urgent", "planned"]), sex, age, ";".join(flags), outcome,
                utc(first_offer) if first_offer else "", utc(placed) if placed else "", utc(closed) if closed else "",
                alternative, hours, f"{rng.uniform(5, 400):.1f}" if placed else ""])
    with open(os.path.join(options.out, "episodes.csv"), "w", newline="") as episodes_file:
        episodes = csv.writer(episodes_file, lineterminator="\n")
        episodes.writerow(["child", "started_on", "placement", "ended_on", "custody_sentence", "begins_placement"])
        origin = first.date() - dt.timedelta(days=200)
        for child, *_ in children:
            day = origin + dt.timedelta(days=rng.randint(0, 300))
            for _ in range(rng.randint(1, 7)):
                length = int(rng.expovariate(1 / 90)) + 1
                ended = day + dt.timedelta(days=length)
                open_ended = ended > dt.date(start_year + 2, 3, 31)
                episodes.writerow([child, day.isoformat(), rng.choice(COMMON_PLACES),
                                   "" if open_ended else ended.isoformat(),
                                   "yes" if rng.random() < 0.03 else "no",
                                   "no" if rng.random() < 0.1 else "yes"])
                if open_ended:
                    break
                day = ended


if __name__ == "__main__":
    main()
