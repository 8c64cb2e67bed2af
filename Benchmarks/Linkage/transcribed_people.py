"""A third linkage test generator, written apart from synthetic_people.py and
uk_admin_people.py: children of many backgrounds, whose partner records were typed from paper
forms and spoken names, so that names are spelt in more than one way.

    python transcribed_people.py PEOPLE OUT_DIRECTORY [SEED] [--linked SHARE]

Writes transcribed_a.csv, transcribed_b.csv (PEOPLE records each; SHARE of B, by default 0.5,
are A's children again) and transcribed_truth.csv (left_id,right_id). Columns: id, given_name,
surname, date_of_birth, sex, postcode, address.

The people. Names from lists written for this generator, by background (about 55% of
children from the first list, 15% each from the next two and the rest from the others):
English, South Asian, West African, Eastern European, Irish. Many of them have accepted
spellings that differ (Mohammed, Muhammad, Mohamed; Oluwaseun, Seun; Kowalski with or without
its feminine form; O'Brien, OBrien, O Brien). Children born 2007 to 2016. Postcodes made up in
the national format; addresses a number and a street with its type (Road, Street, Avenue...).

The partner's record of a child in both files, independently; these rates are this
generator's assumptions, chosen without looking at SecurePlace's results:
- Names: another accepted spelling of the given name (20% of names that have one) or of the
  surname (15%); a transcription slip (rn for m, cl for d, a letter heard wrongly: 4% of
  surnames, 3% of given names); only the given name's initial (2%); an apostrophe or space in
  a surname kept, dropped or spaced (50% of such names); accents dropped.
- Dates of birth: a day out (2%), a year out (1.5%), month and day the wrong way round (1%,
  where the day is 12 or less), missing (3%); written as DD/MM/YYYY (60%), YYYY-MM-DD (20%) or
  as "5 Mar 2011" (20%).
- Sex missing (4%).
- Postcode: moved (30%: new postcode and address), one character mistyped (3%), missing (8%);
  the address's street type shortened (Road to Rd, Street to St: 40%).
The cohort file is clean: names capitalised, dates YYYY-MM-DD, sex M or F.
"""
import argparse
import random

import linkage_files

BACKGROUNDS = {
    "english": (0.55, {
        "M": ["Oliver", "George", "Harry", "Jack", "Jacob", "Noah", "Charlie", "Thomas", "Oscar", "William", "James",
              "Henry", "Leo", "Alfie", "Joshua", "Freddie", "Archie", "Ethan", "Isaac", "Alexander", "Joseph",
              "Edward", "Samuel", "Max", "Logan", "Lucas", "Daniel", "Theo", "Arthur", "Mason", "Harrison", "Tyler"],
        "F": ["Olivia", "Amelia", "Isla", "Ava", "Emily", "Isabella", "Mia", "Poppy", "Ella", "Lily", "Evie", "Sophia",
              "Grace", "Jessica", "Freya", "Scarlett", "Sophie", "Chloe", "Daisy", "Alice", "Ruby", "Florence",
              "Millie", "Phoebe", "Holly", "Lucy", "Matilda", "Erin", "Evelyn", "Harriet", "Megan", "Katie"],
        "surnames": ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
                     "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson",
                     "Clarke", "Harris", "Lewis", "Turner", "Hill", "Cooper", "Ward", "Morris", "Moore", "Clark",
                     "Lee", "King", "Baker", "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson",
                     "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook",
                     "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox",
                     "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum"],
    }),
    "south asian": (0.15, {
        "M": ["Mohammed", "Ali", "Ahmed", "Hamza", "Ibrahim", "Yusuf", "Zain", "Ayaan", "Arjun", "Rohan", "Aarav",
              "Hassan", "Omar", "Bilal", "Imran", "Rayyan"],
        "F": ["Aisha", "Fatima", "Maryam", "Zara", "Amira", "Hafsa", "Priya", "Anaya", "Sana", "Noor", "Khadija",
              "Ayesha", "Inaya", "Simran"],
        "surnames": ["Khan", "Ahmed", "Hussain", "Ali", "Patel", "Begum", "Rahman", "Iqbal", "Shah", "Akhtar",
                     "Chowdhury", "Mahmood", "Sharma", "Kaur", "Singh", "Mirza", "Qureshi", "Siddiqui"],
    }),
    "west african": (0.15, {
        "M": ["Oluwaseun", "Chukwuemeka", "Tobi", "Kwame", "Kofi", "Emmanuel", "David", "Samuel", "Daniel",
              "Ayodele", "Chinedu", "Femi", "Adebayo"],
        "F": ["Oluwatoyin", "Chiamaka", "Ngozi", "Adaeze", "Abena", "Esther", "Grace", "Blessing", "Favour",
              "Temitope", "Adaora", "Yetunde"],
        "surnames": ["Okafor", "Adeyemi", "Mensah", "Owusu", "Okonkwo", "Adebayo", "Oluwole", "Boateng", "Asante",
                     "Nwosu", "Eze", "Bakare", "Ogunleye", "Akinola"],
    }),
    "eastern european": (0.08, {
        "M": ["Jakub", "Kacper", "Filip", "Mateusz", "Szymon", "Andrei", "Mihai", "Tomas", "Lukas", "Dominik"],
        "F": ["Zuzanna", "Julia", "Lena", "Maja", "Natalia", "Ioana", "Elena", "Agnieszka", "Katarzyna", "Oliwia"],
        "surnames": ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Lewandowski", "Popescu",
                     "Ionescu", "Kazlauskas", "Novák", "Horváth"],
    }),
    "irish": (0.07, {
        "M": ["Seán", "Conor", "Cian", "Oisín", "Darragh", "Patrick", "Liam", "Niall", "Ciarán"],
        "F": ["Aoife", "Niamh", "Siobhán", "Ciara", "Saoirse", "Róisín", "Orla", "Caoimhe"],
        "surnames": ["O'Brien", "O'Connor", "O'Sullivan", "McCarthy", "Murphy", "Kelly", "O'Neill", "Byrne",
                     "Ryan", "Walsh", "McLaughlin", "O'Donnell"],
    }),
}
# Accepted other spellings, written for this generator.
SPELLINGS = {
    "Mohammed": ["Muhammad", "Mohamed", "Mohammad", "Muhammed"], "Ahmed": ["Ahmad", "Ahmet"],
    "Hussain": ["Hussein", "Husain"], "Yusuf": ["Yousef", "Yusef"], "Ibrahim": ["Ebrahim"],
    "Aisha": ["Ayesha", "Aysha"], "Fatima": ["Fatimah"], "Maryam": ["Mariam", "Miriam"], "Hamza": ["Hamzah"],
    "Rahman": ["Rehman"], "Chowdhury": ["Choudhury", "Chaudhry"], "Siddiqui": ["Siddiqi"],
    "Khadija": ["Khadijah"], "Oluwaseun": ["Seun"], "Chukwuemeka": ["Emeka"], "Oluwatoyin": ["Toyin"],
    "Temitope": ["Tope"], "Tobi": ["Tobiloba"], "Adaeze": ["Ada"], "Seán": ["Shaun", "Shawn", "Sean"],
    "Siobhán": ["Shivaun"], "Niamh": ["Neve"], "Oisín": ["Osheen"], "Ciarán": ["Kieran"], "Caoimhe": ["Keeva"],
    "Kowalski": ["Kowalska"], "Wiśniewski": ["Wisniewska"], "Lewandowski": ["Lewandowska"],
    "Zara": ["Zahra"], "Isla": ["Islay"], "Sophia": ["Sofia"], "Evie": ["Eve"], "Freddie": ["Freddy"],
    "Alfie": ["Alfy"], "Theo": ["Theodore"], "Katie": ["Katy"], "Megan": ["Meghan"], "Phoebe": ["Pheobe"],
    "Clarke": ["Clark"], "Thompson": ["Thomson"], "Davies": ["Davis"], "Griffiths": ["Griffith"],
    "Mirza": ["Mirzah"], "Akhtar": ["Akhter"],
}
STREETS = ["Albion", "Beech", "Cedar", "Derby", "Elm", "Fairfield", "Gladstone", "Hawthorn", "Jubilee", "Lime",
           "Marlborough", "Nelson", "Oak", "Princes", "Regent", "Stanley", "Trinity", "Wellington", "Windsor"]
STREET_TYPES = {"Road": "Rd", "Street": "St", "Avenue": "Ave", "Close": "Cl", "Crescent": "Cres", "Lane": "Ln"}
DISTRICTS = [f"{area}{number}" for area in ("BD", "B", "E", "IG", "LU", "M", "N", "OL", "SL", "UB", "LE", "HA",
                                                "CR", "NG", "SE", "L", "G", "CF") for number in (1, 4, 7, 9, 11)]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
HEARD = {"m": "n", "n": "m", "b": "p", "p": "b", "d": "t", "t": "d", "v": "f", "f": "v", "s": "z", "c": "k",
         "i": "y", "y": "i", "a": "e", "e": "a"}
UNACCENTED = str.maketrans("áéíóúśźżćńłąęěšžčřýůöüőűÁÉÍÓÚŚŹŻĆŃŁ", "aeiouszzcnlaeeszcryuououAEIOUSZZCNL")


def transcription_slip(generator, name):
    """A slip of the kind made typing from a form or from someone speaking."""
    if len(name) < 3:
        return name
    if "m" in name[1:] and generator.random() < 0.3:
        at = name.index("m", 1)
        return name[:at] + "rn" + name[at + 1:]
    if "d" in name[1:] and generator.random() < 0.2:
        at = name.index("d", 1)
        return name[:at] + "cl" + name[at + 1:]
    positions = [index for index in range(1, len(name)) if name[index].lower() in HEARD]
    if not positions:
        return name
    at = generator.choice(positions)
    return name[:at] + HEARD[name[at].lower()] + name[at + 1:]


def postcode(generator):
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    return f"{generator.choice(DISTRICTS)} {generator.randint(1, 9)}{generator.choice(letters)}{generator.choice(letters)}"


def address(generator):
    return f"{generator.randint(1, 220)} {generator.choice(STREETS)} {generator.choice(list(STREET_TYPES))}"


def person(generator):
    background = generator.choices(list(BACKGROUNDS), weights=[share for share, _ in BACKGROUNDS.values()])[0]
    names = BACKGROUNDS[background][1]
    sex = generator.choice("MF")
    surname = generator.choice(names["surnames"])
    if sex == "F" and surname.endswith("ski"):
        surname = surname[:-1] + "a"
    return {"given_name": generator.choice(names[sex]), "surname": surname, "sex": sex,
            "born": (generator.randint(2007, 2016), generator.randint(1, 12), generator.randint(1, 28)),
            "postcode": postcode(generator), "address": address(generator)}


def spelt_again(generator, name, share):
    base = name[:-1] + "i" if name.endswith("ska") else name
    choices = SPELLINGS.get(name) or SPELLINGS.get(base)
    return generator.choice(choices) if choices and generator.random() < share else name


def partner_row(identifier, child, generator, linked):
    given, surname, sex = child["given_name"], child["surname"], child["sex"]
    year, month, day = child["born"]
    code, street = child["postcode"], child["address"]
    if linked:
        given = spelt_again(generator, given, 0.20)
        surname = spelt_again(generator, surname, 0.15)
        if generator.random() < 0.04:
            surname = transcription_slip(generator, surname)
        if generator.random() < 0.03:
            given = transcription_slip(generator, given)
        if generator.random() < 0.02:
            given = given[0]
        if ("'" in surname or " " in surname) and generator.random() < 0.5:
            surname = surname.replace("'", "") if generator.random() < 0.5 else surname.replace("'", " ")
        given, surname = given.translate(UNACCENTED), surname.translate(UNACCENTED)
        chance = generator.random()
        if chance < 0.02:
            day = day + 1 if day < 28 else day - 1
        elif chance < 0.035:
            year += generator.choice([-1, 1])
        elif chance < 0.045 and day <= 12:
            day, month = month, day
        elif chance < 0.075:
            year = None
        if generator.random() < 0.04:
            sex = ""
        place = generator.random()
        if place < 0.30:
            code, street = postcode(generator), address(generator)
        elif place < 0.33:
            at = generator.choice([index for index, letter in enumerate(code) if letter != " "])
            code = code[:at] + generator.choice("ABDEFGHJLNPQRSTUWXYZ0123456789") + code[at + 1:]
        elif place < 0.41:
            code = ""
        if generator.random() < 0.40:
            kind = street.rsplit(" ", 1)[1]
            street = street.rsplit(" ", 1)[0] + " " + STREET_TYPES[kind]
    if year is None:
        born = ""
    else:
        style = generator.random()
        if style < 0.6:
            born = f"{day:02d}/{month:02d}/{year:04d}"
        elif style < 0.8:
            born = f"{year:04d}-{month:02d}-{day:02d}"
        else:
            born = f"{day} {MONTHS[month - 1]} {year}"
    return [identifier, given, surname, born, sex, code, street]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("people", type=int)
    parser.add_argument("out")
    parser.add_argument("seed", type=int, nargs="?", default=1)
    parser.add_argument("--linked", type=float, default=0.5)
    arguments = parser.parse_args()
    generator = random.Random(arguments.seed)
    children = [person(generator) for _ in range(arguments.people)]
    linked = int(arguments.people * arguments.linked)
    chosen = generator.sample(range(arguments.people), linked)
    partner = [(children[index], index) for index in chosen]
    partner += [(person(generator), None) for _ in range(arguments.people - linked)]
    generator.shuffle(partner)
    left = []
    for index, child in enumerate(children):
        year, month, day = child["born"]
        left.append([f"K{index}", child["given_name"], child["surname"], f"{year:04d}-{month:02d}-{day:02d}",
                     child["sex"], child["postcode"], child["address"]])
    right = [partner_row(f"T{number}", child, generator, linked=index is not None)
             for number, (child, index) in enumerate(partner)]
    truth = [(f"K{index}", f"T{number}") for number, (_, index) in enumerate(partner) if index is not None]
    linkage_files.write(arguments.out, "transcribed", left, right, truth)
    print(f"{arguments.people:,} × {arguments.people:,} children, {linked:,} in both, written to {arguments.out}")


if __name__ == "__main__":
    main()
