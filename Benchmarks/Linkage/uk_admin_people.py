"""A second, independent generator of linkage test data: a children's cohort and a partner's
extract with the errors published for English administrative data, written apart from
synthetic_people.py (whose data the linkage defaults were first tuned on) so that the defaults
can be checked on data they were not tuned on.

    python uk_admin_people.py PEOPLE OUT_DIRECTORY [SEED] [--linked SHARE]

Writes ukadmin_a.csv (the cohort: PEOPLE records), ukadmin_b.csv (the partner's extract:
PEOPLE records, SHARE of them, by default 0.6, the cohort's children again and the rest other
children) and ukadmin_truth.csv (left_id,right_id). Columns: id, given_name, surname,
date_of_birth, sex, postcode, address.

The people. Children born 2008 to 2015. Given names and surnames come from the British lists
of the Faker package (en_GB; MIT licence): 500 surnames drawn by Faker's own weights, so that
namesakes are common, as they are in England; given names by sex, with earlier names in each
list drawn more often. One child in ten has a double-barrelled surname (two joined by a
hyphen) and one in four a middle name. Postcodes are made-up but in the national format
(outward code from a list of 120 real-looking districts, then sector and unit); addresses are a
house number and a street.

The cohort file is written as a children's services system writes it: names in their usual
case, dates as YYYY-MM-DD, sex as M or F.

The partner's extract, for a child in both files, independently:
- Postcode and address: in 53% of records the postcode differs from, or is missing against,
  the reference record: Harron K, Hagger-Johnson G, Gilbert R, Goldstein H, "Utilising
  identifier error variation in linkage of large administrative data sources", BMC Medical
  Research Methodology 17:23 (2017), Hospital Episode Statistics against the Personal
  Demographics Service. Here 48% have moved (a new postcode elsewhere and a new address) and
  5% have neither.
- Sex and date of birth: wrong or missing in 0.11% of records each (the same study).
- Names: the study above measured no name errors, and none of the published figures the
  author could check give a rate for children's names, so these rates are assumptions, stated
  here and not tuned: the given name is a short form or nickname (6%; from a list of 70
  written for this generator, not taken from SecurePlace's normaliser), has a typing slip (2%),
  or includes the middle name (for a child with one, 30%); given name and surname are the wrong
  way round (1.5%); the surname has a typing slip (3%); a double-barrelled surname is recorded
  as one of its two parts (50% of those children). Of the failures to match that the NHS
  examined among records without an NHS number, 37 in 100 were because of the name (HSCIC
  2009, cited by Hagger-Johnson et al., Health Services Research 50(4), 2015): names are the
  errors that matter once postcodes are discounted.
- Formats: the partner's system writes names in capitals, dates as DD/MM/YYYY and sex as
  MALE or FEMALE; the address is blank in 10% of records.
The other children in the extract are drawn from the same lists, so they share names and
birth years with the cohort's children.
"""
import argparse
import random

import linkage_files

from faker.providers.person.en_GB import Provider as BritishNames

STREETS = ["High Street", "Station Road", "Church Lane", "Victoria Road", "Green Lane", "Manor Road", "Park Road",
           "Queens Road", "New Road", "Grange Road", "Kings Road", "Mill Lane", "School Lane", "The Avenue",
           "Chester Road", "London Road", "Albert Road", "Springfield Road", "York Road", "North Street"]
AREAS = ["B", "BD", "BL", "BS", "CF", "CV", "DE", "DN", "E", "HU", "L", "LE", "LS", "M", "ME", "N", "NE", "NG",
         "NP", "OL", "PE", "PL", "PO", "S", "SA", "SE", "SO", "ST", "SW", "TS", "W", "WF", "WS", "WV", "HD", "HX",
         "LN", "NR", "RG", "SN"]
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
# Short forms and nicknames a child may be known by, written for this generator.
SHORT_FORMS = {
    "Alexander": ["Alex", "Xander"], "Alexandra": ["Alex", "Lexi"], "Amelia": ["Millie", "Mia"],
    "Andrew": ["Andy", "Drew"], "Anthony": ["Tony", "Ant"], "Benjamin": ["Ben", "Benji"],
    "Catherine": ["Cath", "Kate", "Katie"], "Charles": ["Charlie", "Chas"], "Charlotte": ["Lottie", "Charlie"],
    "Christopher": ["Chris", "Kit"], "Daniel": ["Dan", "Danny"], "David": ["Dave", "Davey"],
    "Deborah": ["Debbie", "Debs"], "Edward": ["Ed", "Eddie", "Ted"], "Elizabeth": ["Liz", "Beth", "Lizzie"],
    "Eleanor": ["Ellie", "Nell"], "Frederick": ["Fred", "Freddie"], "Gemma": ["Gem"], "George": ["Georgie"],
    "Harriet": ["Hattie"], "Henry": ["Harry", "Hal"], "Jacqueline": ["Jackie"], "James": ["Jim", "Jamie"],
    "Jennifer": ["Jen", "Jenny"], "John": ["Johnny", "Jack"], "Jonathan": ["Jon", "Jonny"],
    "Joseph": ["Joe", "Joey"], "Joshua": ["Josh"], "Katherine": ["Kath", "Kate", "Kathy"],
    "Kimberley": ["Kim"], "Lawrence": ["Laurie", "Larry"], "Leonard": ["Len", "Leo"], "Louise": ["Lou"],
    "Margaret": ["Maggie", "Peggy", "Meg"], "Matthew": ["Matt"], "Michael": ["Mike", "Mick", "Mikey"],
    "Nicholas": ["Nick", "Nicky"], "Nicola": ["Nicky", "Nic"], "Oliver": ["Ollie"], "Patricia": ["Pat", "Trish"],
    "Patrick": ["Pat", "Paddy"], "Peter": ["Pete"], "Philip": ["Phil"], "Rebecca": ["Becky", "Becca"],
    "Richard": ["Rich", "Rick", "Dick"], "Robert": ["Rob", "Bob", "Bobby"], "Samantha": ["Sam", "Sammy"],
    "Samuel": ["Sam", "Sammy"], "Sarah": ["Sally"], "Stephen": ["Steve"], "Steven": ["Steve"],
    "Susan": ["Sue", "Susie"], "Terence": ["Terry"], "Thomas": ["Tom", "Tommy"], "Timothy": ["Tim"],
    "Victoria": ["Vicky", "Tori"], "William": ["Will", "Bill", "Billy"], "Zoe": ["Zo"], "Jessica": ["Jess"],
    "Abigail": ["Abbie", "Abi"], "Gregory": ["Greg"], "Kenneth": ["Ken", "Kenny"], "Raymond": ["Ray"],
    "Ronald": ["Ron", "Ronnie"], "Donald": ["Don"], "Gillian": ["Gill"], "Josephine": ["Jo", "Josie"],
    "Emily": ["Em", "Emmy"], "Hannah": ["Han"], "Natalie": ["Nat"],
}
KEYBOARD_NEIGHBOURS = {
    "a": "qsz", "b": "vhn", "c": "xdv", "d": "sfe", "e": "wrd", "f": "dgr", "g": "fht", "h": "gjy", "i": "uok",
    "j": "hku", "k": "jli", "l": "kop", "m": "nj", "n": "bmh", "o": "ipl", "p": "ol", "q": "wa", "r": "etf",
    "s": "adw", "t": "ryg", "u": "yij", "v": "cbf", "w": "qes", "x": "zcs", "y": "tuh", "z": "xa",
}


def ranked_choice(generator, names):
    """Earlier names in a list are drawn more often (weights falling as 1 / (rank + 10))."""
    weights = [1 / (rank + 10) for rank in range(len(names))]
    return generator.choices(names, weights=weights)[0]


def typing_slip(generator, name):
    """One slip of the kind a keyboard makes: a neighbouring key, a letter doubled, left out,
    or two letters the wrong way round."""
    if len(name) < 3:
        return name
    position = generator.randrange(1, len(name))
    letter = name[position].lower()
    kind = generator.random()
    if kind < 0.4 and letter in KEYBOARD_NEIGHBOURS:
        replacement = generator.choice(KEYBOARD_NEIGHBOURS[letter])
        return name[:position] + replacement + name[position + 1:]
    if kind < 0.6:
        return name[:position] + name[position] + name[position:]
    if kind < 0.8:
        return name[:position] + name[position + 1:]
    if position + 1 < len(name):
        return name[:position] + name[position + 1] + name[position] + name[position + 2:]
    return name[:position]


class People:
    def __init__(self, seed):
        self.generator = random.Random(seed)
        self.surnames = list(BritishNames.last_names.keys())
        self.surname_weights = list(BritishNames.last_names.values())
        self.girls = list(dict.fromkeys(BritishNames.first_names_female))
        self.boys = list(dict.fromkeys(BritishNames.first_names_male))
        self.districts = [f"{area}{number}" for area in AREAS for number in (1, 2, 3)]

    def surname(self):
        return self.generator.choices(self.surnames, weights=self.surname_weights)[0]

    def postcode(self):
        g = self.generator
        return f"{g.choice(self.districts)} {g.randint(1, 9)}{g.choice(UNIT_LETTERS)}{g.choice(UNIT_LETTERS)}"

    def address(self):
        return f"{self.generator.randint(1, 180)} {self.generator.choice(STREETS)}"

    def person(self):
        g = self.generator
        sex = g.choice("MF")
        names = self.boys if sex == "M" else self.girls
        given = ranked_choice(g, names)
        middle = ranked_choice(g, names) if g.random() < 0.25 else None
        surname = self.surname()
        double = g.random() < 0.10
        if double:
            other = self.surname()
            surname = f"{surname}-{other}" if other != surname else surname
        born = (g.randint(2008, 2015), g.randint(1, 12), g.randint(1, 28))
        return {"given_name": given, "middle": middle, "surname": surname, "double": double and "-" in surname,
                "born": born, "sex": sex, "postcode": self.postcode(), "address": self.address()}


def cohort_row(identifier, person):
    year, month, day = person["born"]
    return [identifier, person["given_name"], person["surname"], f"{year:04d}-{month:02d}-{day:02d}", person["sex"],
            person["postcode"], person["address"]]


def extract_row(identifier, person, people, corrupt):
    g = people.generator
    given, surname = person["given_name"], person["surname"]
    year, month, day = person["born"]
    sex, postcode, address = person["sex"], person["postcode"], person["address"]
    if corrupt:
        place = g.random()
        if place < 0.48:
            postcode, address = people.postcode(), people.address()
        elif place < 0.53:
            postcode, address = "", ""
        if g.random() < 0.0011:
            sex = "" if g.random() < 0.5 else ("F" if sex == "M" else "M")
        if g.random() < 0.0011:
            if g.random() < 0.5:
                year = month = day = None
            else:
                year += g.choice([-1, 1])
        shape = g.random()
        if shape < 0.06 and given in SHORT_FORMS:
            given = g.choice(SHORT_FORMS[given])
        elif shape < 0.08:
            given = typing_slip(g, given)
        if person["middle"] and g.random() < 0.30:
            given = f"{given} {person['middle']}"
        if person["double"] and g.random() < 0.50:
            surname = g.choice(surname.split("-"))
        if g.random() < 0.03:
            surname = typing_slip(g, surname)
        if g.random() < 0.015:
            given, surname = surname, given
    if g.random() < 0.10:
        address = ""
    born = f"{day:02d}/{month:02d}/{year:04d}" if year else ""
    return [identifier, given.upper(), surname.upper(), born, {"M": "MALE", "F": "FEMALE"}.get(sex, ""),
            postcode, address.upper()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("people", type=int)
    parser.add_argument("out")
    parser.add_argument("seed", type=int, nargs="?", default=1)
    parser.add_argument("--linked", type=float, default=0.6)
    arguments = parser.parse_args()
    people = People(arguments.seed)
    cohort = [people.person() for _ in range(arguments.people)]
    linked = int(arguments.people * arguments.linked)
    chosen = people.generator.sample(range(arguments.people), linked)
    extract = [(cohort[index], index) for index in chosen]
    extract += [(people.person(), None) for _ in range(arguments.people - linked)]
    people.generator.shuffle(extract)
    left = [cohort_row(f"C{index}", person) for index, person in enumerate(cohort)]
    right = [extract_row(f"P{number}", person, people, corrupt=index is not None)
             for number, (person, index) in enumerate(extract)]
    truth = [(f"C{index}", f"P{number}") for number, (_, index) in enumerate(extract) if index is not None]
    linkage_files.write(arguments.out, "ukadmin", left, right, truth)
    print(f"{arguments.people:,} × {arguments.people:,} children, {linked:,} in both, written to {arguments.out}")


if __name__ == "__main__":
    main()
