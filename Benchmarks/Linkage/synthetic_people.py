"""Generates two files of synthetic people for linkage benchmarks, with the true links.

    python synthetic_people.py PEOPLE OUT_DIRECTORY [SEED]

Writes synthetic_a.csv and synthetic_b.csv (PEOPLE records each: id, given_name, surname,
date_of_birth, sex, postcode) and synthetic_truth.csv (left_id,right_id).

The corruption model (documented so that the figures can be reproduced and judged):
- Names: given names drawn from about 4,000 and surnames from about 60,000 made-up names
  (syllables), both with Zipf-like frequencies, so some names are common and most rare.
- 80% of the people in A appear again in B; the other 20% of B are people not in A.
- In B's copy of a person, independently: the given name has one letter changed (5%) or is
  cut to its first three letters (3%); the surname has one letter changed (10%) or is another
  surname altogether (2%); the date of birth has day and month swapped (3%, when the day is
  at most 12), one of day, month or year changed (3%) or is missing (2%); sex is missing (5%);
  the postcode is another one (a house move, 15%), another in the same sector (5%) or missing
  (3%). Dates are written YYYY-MM-DD in both files and names in lower case, so that tools
  which expect standardised input (Splink, recordlinkage) get it.
"""
import csv
import os
import random
import sys

SYLLABLES = ["ka", "ri", "to", "ma", "len", "dor", "bel", "sha", "vin", "tru", "ell", "ston", "ford", "wick",
             "ham", "ley", "ton", "mer", "ash", "by", "gar", "nel", "ros", "kin", "lo", "pe", "dra", "mi",
             "son", "wood", "field", "brook", "cott", "well", "more", "hart", "ridge", "win", "ba", "fa"]
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def vocabulary(rng, size, parts):
    names = set()
    while len(names) < size:
        names.add("".join(rng.choice(SYLLABLES) for _ in range(rng.choice(parts))))
    names = sorted(names)
    rng.shuffle(names)
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(names))]
    return names, weights


def typo(rng, name):
    if len(name) < 2:
        return name + rng.choice(LETTERS)
    position = rng.randrange(len(name))
    return name[:position] + rng.choice(LETTERS) + name[position + 1:]


def postcode(rng):
    area = "".join(rng.choice("ABCDEFGHKLMNPRSTW") for _ in range(rng.choice([1, 2])))
    return f"{area}{rng.randrange(1, 30)} {rng.randrange(10)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"


def main(people, out, seed=2026):
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    given, given_weights = vocabulary(rng, 4_000, [2, 3])
    surnames, surname_weights = vocabulary(rng, 60_000, [2, 3, 4])
    chosen_given = rng.choices(given, given_weights, k=people * 2)
    chosen_surnames = rng.choices(surnames, surname_weights, k=people * 2)

    def person(index):
        year, month, day = rng.randrange(1940, 2013), rng.randrange(1, 13), rng.randrange(1, 29)
        return {"given_name": chosen_given[index], "surname": chosen_surnames[index], "year": year, "month": month,
                "day": day, "sex": rng.choice("MF"), "postcode": postcode(rng)}

    a_people = [person(index) for index in range(people)]
    copies = rng.sample(range(people), int(people * 0.8))
    newcomers = [person(people + index) for index in range(people - len(copies))]
    with open(os.path.join(out, "synthetic_a.csv"), "w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["id", "given_name", "surname", "date_of_birth", "sex", "postcode"])
        for index, p in enumerate(a_people):
            writer.writerow([f"A{index}", p["given_name"], p["surname"], f"{p['year']:04d}-{p['month']:02d}-{p['day']:02d}",
                             p["sex"], p["postcode"]])
    rows = []
    for index in copies:
        p = dict(a_people[index])
        r = rng.random()
        if r < 0.05:
            p["given_name"] = typo(rng, p["given_name"])
        elif r < 0.08:
            p["given_name"] = p["given_name"][:3]
        r = rng.random()
        if r < 0.10:
            p["surname"] = typo(rng, p["surname"])
        elif r < 0.12:
            p["surname"] = rng.choices(surnames, surname_weights)[0]
        date = f"{p['year']:04d}-{p['month']:02d}-{p['day']:02d}"
        r = rng.random()
        if r < 0.03 and p["day"] <= 12:
            date = f"{p['year']:04d}-{p['day']:02d}-{p['month']:02d}"
        elif r < 0.06:
            part = rng.randrange(3)
            day, month, year = p["day"], p["month"], p["year"]
            if part == 0:
                day = day % 28 + 1
            elif part == 1:
                month = month % 12 + 1
            else:
                year += 1
            date = f"{year:04d}-{month:02d}-{day:02d}"
        elif r < 0.08:
            date = ""
        sex = "" if rng.random() < 0.05 else p["sex"]
        r = rng.random()
        code = p["postcode"]
        if r < 0.15:
            code = postcode(rng)
        elif r < 0.20:
            code = code[:-2] + rng.choice("ABDEFGHJLNPQRSTUWXYZ") + rng.choice("ABDEFGHJLNPQRSTUWXYZ")
        elif r < 0.23:
            code = ""
        rows.append((f"A{index}", [p["given_name"], p["surname"], date, sex, code]))
    for p in newcomers:
        rows.append((None, [p["given_name"], p["surname"], f"{p['year']:04d}-{p['month']:02d}-{p['day']:02d}",
                            p["sex"], p["postcode"]]))
    rng.shuffle(rows)
    with open(os.path.join(out, "synthetic_b.csv"), "w", newline="") as file, \
            open(os.path.join(out, "synthetic_truth.csv"), "w", newline="") as truth_file:
        writer = csv.writer(file)
        truth = csv.writer(truth_file)
        writer.writerow(["id", "given_name", "surname", "date_of_birth", "sex", "postcode"])
        truth.writerow(["left_id", "right_id"])
        for index, (source, fields) in enumerate(rows):
            writer.writerow([f"B{index}"] + fields)
            if source is not None:
                truth.writerow([source, f"B{index}"])
    print(f"{people:,} × {people:,} synthetic people, {len(copies):,} true links, written to {out}")


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 2026)
