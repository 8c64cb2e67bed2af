"""An intruder's attack on a set of published tidy-data tables.

For every cell shown as "c", the intruder works out the smallest and largest value it can take
given every figure published in every table of the set, by linear programming (HiGHS, through
scipy). The sums the intruder uses are read from the files themselves, not taken from
SecurePlace's code: a national row is the sum of its regional rows, a region of its local
authorities, a "Total" filter value of the other values, a financial year of its four quarters;
within a row, the identities the methodology states (ROW_IDENTITIES: "decided" is "placed" plus
"closed_unplaced", the children placed are those within and beyond 100 km and those whose
distance is not known, and so on); and the counts the methodology says are the same children in
two tables (LINKS), row for row by period and place. A shown percentage bounds its numerator.
Only columns whose metadata gives no unit are counts; medians, distances and bed-days are not.
"""
import csv
import math
import os
from collections import defaultdict

import numpy as np
from scipy.optimize import linprog

PLACE = ["time_period", "time_identifier", "geographic_level", "country_code", "country_name",
         "region_code", "region_name", "new_la_code", "la_name"]
ROW_IDENTITIES = [
    ("decided", ["placed", "closed_unplaced"]),
    ("referrals", ["decided", "withdrawn_or_open"]),
    ("placed", ["within_100_km", "further_than_100_km", "distance_not_known"]),
    ("placed", ["order_throughout", "without_order_up_to_72_hours", "without_order_beyond_72_hours",
                "order_not_known"]),
    ("homes_asked", ["offers", "declines", "not_answered"]),
    ("children_followed", ["in_custody", "not_in_custody"]),
    ("children_followed", ["in_another_secure_home", "not_in_another_secure_home"]),
]
OLDER = "Boys 15 or over with an offending, gang or harmful sexual behaviour flag"
# (table, count, the row's filter values), equal to (other table, count, its filter values); a
# filter not named must be "Total".
LINKS = [
    (("unplaced_alternatives", "children_closed_unplaced", {}), ("referral_outcomes", "closed_unplaced", {})),
    (("placements", "placed", {}), ("referral_outcomes", "placed", {})),
    (("referrals", "decided", {}), ("referral_outcomes", "decided", {})),
] + [
    (("referral_outcomes_by_characteristic", count, {}), ("referral_outcomes", count, {}))
    for count in ("decided", "placed", "closed_unplaced")
] + [
    (("year_after_referral", "children_followed", dict(profile, **outcome)), ("referral_outcomes", count, profile))
    for profile in ({}, {"child_profile": OLDER}, {"child_profile": "Other children"})
    for outcome, count in (({"outcome": "Placed"}, "placed"), ({"outcome": "Closed unplaced"}, "closed_unplaced"),
                           ({}, "decided"))
]
PERCENTS = {"unplaced_percent": ("closed_unplaced", "decided")}


def read_table(directory, name):
    with open(os.path.join(directory, name + ".meta.csv"), newline="") as handle:
        meta = list(csv.DictReader(handle))
    filters = [m["col_name"] for m in meta if m["col_type"] == "Filter"]
    counts = [m["col_name"] for m in meta if m["col_type"] == "Indicator" and m["indicator_unit"] == ""]
    percents = [m["col_name"] for m in meta if m["col_type"] == "Indicator" and m["indicator_unit"] == "%"]
    with open(os.path.join(directory, name + ".csv"), newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {"name": name, "filters": filters, "counts": counts, "percents": percents, "rows": rows}


def tables_in(directory):
    names = sorted(f[:-len(".meta.csv")] for f in os.listdir(directory) if f.endswith(".meta.csv"))
    return [read_table(directory, name) for name in names]


class Problem:
    """Hidden cells as variables; every sum as an equation over them and the shown values."""

    def __init__(self):
        self.variables = {}
        self.equations = []  # (coefficients {variable: coefficient}, constant) meaning sum = constant
        self.inequalities = []  # (coefficients, bound) meaning sum <= bound

    def term(self, key, text):
        if text == "c":
            return self.variables.setdefault(key, len(self.variables)), None
        return None, float(text)

    def add_sum(self, total, parts):
        """total = sum(parts); each a (key, text) pair."""
        coefficients, constant = defaultdict(float), 0.0
        for sign, (key, text) in [(1, total)] + [(-1, p) for p in parts]:
            if text in ("z", "x", ""):
                return
            variable, value = self.term(key, text)
            if variable is None:
                constant -= sign * value
            else:
                coefficients[variable] += sign
        if coefficients:
            self.equations.append((dict(coefficients), constant))

    def bounds(self):
        """For each hidden cell, the (lowest, highest) whole number it can be."""
        n = len(self.variables)
        if n == 0:
            return {}
        a_eq = np.zeros((len(self.equations), n))
        b_eq = np.zeros(len(self.equations))
        for i, (coefficients, constant) in enumerate(self.equations):
            for variable, coefficient in coefficients.items():
                a_eq[i, variable] = coefficient
            b_eq[i] = constant
        a_ub = np.zeros((len(self.inequalities), n)) if self.inequalities else None
        b_ub = np.zeros(len(self.inequalities)) if self.inequalities else None
        for i, (coefficients, bound) in enumerate(self.inequalities):
            for variable, coefficient in coefficients.items():
                a_ub[i, variable] = coefficient
            b_ub[i] = bound
        result = {}
        for key, variable in self.variables.items():
            ends = []
            for direction in (1, -1):
                objective = np.zeros(n)
                objective[variable] = direction
                solved = linprog(objective, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq if len(a_eq) else None,
                                 b_eq=b_eq if len(b_eq) else None, bounds=[(0, None)] * n, method="highs")
                if solved.status == 3:  # unbounded above
                    ends.append(math.inf)
                    continue
                assert solved.status == 0, f"the published figures are inconsistent: {solved.message}"
                ends.append(direction * solved.fun)
            low = math.ceil(ends[0] - 1e-6)
            high = ends[1] if math.isinf(ends[1]) else math.floor(ends[1] + 1e-6)
            result[key] = (low, high)
        return result


def attack(tables):
    problem = Problem()
    by_name = {t["name"]: t for t in tables}
    for table in tables:
        filters, counts, rows = table["filters"], table["counts"], table["rows"]

        def key(row, column):
            return (table["name"],) + tuple(row[c] for c in PLACE + filters) + (column,)

        def cell(row, column):
            return key(row, column), row[column]

        def group(fields):
            groups = defaultdict(list)
            for row in rows:
                groups[tuple(row[f] for f in fields)].append(row)
            return groups.values()

        time = ["time_period", "time_identifier"]
        for members in group(time + filters):
            national = [r for r in members if r["geographic_level"] == "National"]
            regions = [r for r in members if r["geographic_level"] == "Regional"]
            authorities = [r for r in members if r["geographic_level"] == "Local authority"]
            for column in counts:
                for total in national:
                    if regions:
                        problem.add_sum(cell(total, column), [cell(r, column) for r in regions])
                for region in regions:
                    inside = [a for a in authorities if a["region_code"] == region["region_code"]]
                    if inside:
                        problem.add_sum(cell(region, column), [cell(a, column) for a in inside])
        for f in filters:
            others = [g for g in filters if g != f]
            for members in group(PLACE + others):
                totals = [r for r in members if r[f] == "Total"]
                parts = [r for r in members if r[f] != "Total"]
                for total in totals if parts else []:
                    for column in counts:
                        problem.add_sum(cell(total, column), [cell(p, column) for p in parts])
        for members in group(["time_period"] + PLACE[2:] + filters):
            years = [r for r in members if r["time_identifier"] == "Financial year"]
            quarters = [r for r in members if r["time_identifier"].startswith("Financial year Q")]
            if years and len(quarters) == 4:
                for column in counts:
                    problem.add_sum(cell(years[0], column), [cell(q, column) for q in quarters])
        for row in rows:
            for total, parts in ROW_IDENTITIES:
                if total in counts and all(p in counts for p in parts):
                    problem.add_sum(cell(row, total), [cell(row, p) for p in parts])
            for percent, (numerator, denominator) in PERCENTS.items():
                text = row.get(percent, "")
                if text in ("c", "z", "x", "", "low") or row[numerator] != "c" and row[denominator] != "c":
                    continue
                # numerator - (p ± 0.05)/100 × denominator within the rounding of the shown figure
                share = float(text) / 100
                for sign, edge in ((1, share + 0.0005), (-1, share - 0.0005)):
                    coefficients, bound = defaultdict(float), 0.0
                    for column, factor in ((numerator, sign), (denominator, -sign * edge)):
                        variable, value = problem.term(key(row, column), row[column])
                        if variable is None:
                            bound -= factor * value
                        else:
                            coefficients[variable] += factor
                    problem.inequalities.append((dict(coefficients), bound))
    for (table, count, filters), (other_table, other_count, other_filters) in LINKS:
        if table not in by_name or other_table not in by_name:
            continue

        def selected(source, wanted):
            return [r for r in source["rows"] if all(r[f] == wanted.get(f, "Total") for f in source["filters"])]

        others = {tuple(r[c] for c in PLACE): r for r in selected(by_name[other_table], other_filters)}
        for row in selected(by_name[table], filters):
            other = others.get(tuple(row[c] for c in PLACE))
            if other is None:
                continue
            problem.add_sum(
                ((table,) + tuple(row[c] for c in PLACE + by_name[table]["filters"]) + (count,), row[count]),
                [((other_table,) + tuple(other[c] for c in PLACE + by_name[other_table]["filters"]) + (other_count,),
                  other[other_count])])
    return problem.bounds()
