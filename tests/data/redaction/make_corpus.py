"""Writes corpus.yml beside this file: synthetic patient messages, each with the identifiers it
contains (kind and exact text), and messages with none (page facts, medicines, questions).

Every name, number and address is invented (555 phone numbers, example.org mail). Run again
after changing the lists: `python tests/data/redaction/make_corpus.py`.
"""

import itertools
import random
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
rng = random.Random(12)

FIRST = [
    "Margaret",
    "Harold",
    "Dolores",
    "Walter",
    "Ruth",
    "Eugene",
    "Priya",
    "Tomasz",
    "Aiyana",
    "Lucía",
    "Wei",
    "Omar",
    "Beatrice",
    "Kofi",
    "Siobhan",
    "Raymond",
    "Ngozi",
    "Hiroshi",
]
LAST = [
    "Olsen",
    "Kowalski",
    "Nguyen",
    "Okafor",
    "Fitzgerald",
    "Ramirez",
    "Haddad",
    "Lindqvist",
    "O'Brien",
    "Van der Berg",
    "Patel",
    "Schulz",
    "Abernathy",
    "Castellanos",
]
NAME_CUES = [
    "Hi my name is {n}.",
    "my name is {n} and",
    "This is {n} calling,",
    "Hello, this is {n}.",
    "I'm {n}, a patient of Dr. Lee.",
    "Hi, I am {n}.",
    "name: {n}.",
    "Please call me {n}.",
    "my name's {n},",
    "My husband's name is {n} and",
    "hi its {n} here,",
    "this is {lower} texting,",
    "my name is {lower} and",
]
SIGNATURES = ["Thanks, {n}", "Thank you! {n}", "\n- {n}", "Regards, {n}", "Best, {n}"]
QUESTIONS = [
    "When do I arrive?",
    "how long does recovery take?",
    "Do I stop my warfarin?",
    "can I eat before the procedure?",
    "what is a vertebroplasty?",
    "is the procedure about one hour?",
    "I take Eliquis, what should I do?",
]
DATES = [
    "03/14/1941",
    "3/14/41",
    "1941-03-14",
    "March 14, 1941",
    "14 March 1941",
    "Mar 14 1941",
    "march 14th 1941",
    "12-02-1938",
    "7.4.1950",
    "the 4th of July 1950",
    "Sept. 9, 1947",
    "02/29/1944",
    "11-30-39",
    "December 1st, 1945",
]
DATE_CUES = [
    "DOB {d}.",
    "my date of birth is {d}.",
    "born {d},",
    "birthday {d}.",
    "dob: {d}",
    "my appointment is on {d},",
]
PHONES = [
    "847-555-0199",
    "(847) 555-0143",
    "847.555.0188",
    "8475550177",
    "+1 847 555 0166",
    "1-312-555-0155",
    "+18475550144",
    "312 555 0133",
    "+44 20 7946 0958",
    "555-0122 ext 4",
]
PHONE_CUES = [
    "my cell is {p}.",
    "call me at {p}",
    "you can reach me on {p}.",
    "my number is {p},",
    "text {p} please.",
]
EMAILS = [
    "margaret.olsen@example.org",
    "h.kowalski41@example.com",
    "ruth_f+clinic@mail.example.net",
    "OMAR.HADDAD@EXAMPLE.ORG",
    "wei.n@example.co.uk",
]
EMAIL_CUES = ["email me at {e}.", "my email is {e}", "send it to {e} please."]
IDS = [
    "00482913",
    "MRN 7712345",
    "A12345678",
    "4471-2290",
    "123-45-6789",
    "XJH4432190",
    "990012334",
    "MR-0048291",
]
ID_CUES = [
    "MRN {i}.",
    "my medical record number is {i},",
    "member id {i}",
    "SSN {i}.",
    "policy number: {i}",
    "patient ID #{i}.",
    "my record number is {i}.",
    "Medicare id {i}",
]
ADDRESSES = [
    "12 Elm St",
    "4402 N Sheridan Rd Apt 3B, Chicago, IL 60640",
    "77 Lakeview Avenue",
    "1509 West Church Street, Evanston",
    "300 Maple Dr.",
    "PO Box 1142",
    "18 Old Mill Ln, Unit 2",
    "9 Cedar Court",
    "250 Park Blvd Suite 4",
]
ADDRESS_CUES = [
    "I live at {a}.",
    "my address is {a}.",
    "send the letter to {a}.",
    "we live on {a},",
]

NONE = [
    "how long is recovery?",
    "is recovery 4 to 6 hours?",
    "the page says 2 to 4 hours, is that right?",
    "will it take 1 to 2 weeks to feel better?",
    "is the procedure one hour?",
    "do I stop warfarin a week before?",
    "I take Eliquis",
    "I'm on Plavix and aspirin",
    "can I keep taking Xarelto?",
    "I'm taking coumadin, is that a blood thinner?",
    "I'm worried about the cement",
    "I'm nervous about the needle",
    "this is my first time",
    "it's been 2 days and my back hurts",
    "my pain is 8/10 today",
    "I'm 74, is it safe?",
    "what time should I arrive?",
    "do I need an MRI first?",
    "will I be awake?",
    "how many fractures can you fix at once?",
    "I have 2 fractures, does it take longer?",
    "Thanks!",
    "thank you so much",
    "hi",
    "hello there",
    "I am scared",
    "I'm back",
    "is it 24 hours before I can shower?",
    "when is the follow up, in 1 to 2 weeks?",
    "I may need a ride home",
    "march is when my procedure is",
    "is aspirin ok?",
    "should I stop my baby aspirin?",
    "my mom takes apixaban",
    "who does the procedure?",
    "the radiologist, right?",
    "I'm having back pain",
    "I'm not sure",
    "I'm done, thanks",
    "what's the cement made of?",
    "can the cement leak?",
    "how much does it cost?",
    "do I have to fast?",
    "I'm diabetic, is that a problem?",
    "my daughter will drive me",
    "it's 4 to 6 hours of bed rest?",
    "is it about an hour?",
    "one hour or two?",
    "I'm supposed to stop clopidogrel",
    "I stopped my Eliquis a week before",
]
MORE_NONE_LEADS = [
    "Quick question:",
    "Hi,",
    "Hello!",
    "Sorry to bother you,",
    "Also,",
    "OK and",
    "One more thing:",
]


def name_case(kind_cue):
    cue, first, last = kind_cue
    full = f"{first} {last}"
    text = cue.format(n=full, lower=full.lower())
    return text, full if "{n}" in cue else full.lower()


def main():
    positives, negatives = [], []
    names = list(itertools.product(FIRST, LAST))
    rng.shuffle(names)
    for i, cue in enumerate(NAME_CUES * 4):
        first, last = names[i % len(names)]
        full = f"{first} {last}" if i % 3 else first
        value = full if "{n}" in cue else full.lower()
        text = cue.format(n=full, lower=full.lower()) + " " + rng.choice(QUESTIONS)
        positives.append({"text": text, "identifiers": [{"kind": "NAME", "value": value}]})
    for i, cue in enumerate(SIGNATURES * 3):
        first, last = names[(i + 60) % len(names)]
        full = f"{first} {last}" if i % 2 else first
        text = rng.choice(QUESTIONS) + " " + cue.format(n=full)
        positives.append({"text": text, "identifiers": [{"kind": "NAME", "value": full}]})
    for kind, cues, values, key in (
        ("DATE", DATE_CUES, DATES, "d"),
        ("PHONE", PHONE_CUES, PHONES, "p"),
        ("EMAIL", EMAIL_CUES, EMAILS, "e"),
        ("ID", ID_CUES, IDS, "i"),
        ("ADDRESS", ADDRESS_CUES, ADDRESSES, "a"),
    ):
        for i, value in enumerate(values * 3):
            cue = cues[i % len(cues)]
            if kind == "ID" and value.startswith("MRN") and "MRN" in cue:
                value = value[4:]
            text = cue.format(**{key: value}) + " " + rng.choice(QUESTIONS)
            positives.append({"text": text, "identifiers": [{"kind": kind, "value": value}]})
    # Messages with several identifiers, as the example.
    for i in range(30):
        first, last = names[(i + 100) % len(names)]
        date, phone, ident = DATES[i % len(DATES)], PHONES[i % len(PHONES)], IDS[i % len(IDS)]
        address = ADDRESSES[i % len(ADDRESSES)]
        text = (
            f"Hi my name is {first} {last}, DOB {date}, MRN {ident}, I live at {address}, "
            f"my cell is {phone}. {rng.choice(QUESTIONS)}"
        )
        positives.append(
            {
                "text": text,
                "identifiers": [
                    {"kind": "NAME", "value": f"{first} {last}"},
                    {"kind": "DATE", "value": date},
                    {"kind": "ID", "value": ident},
                    {"kind": "ADDRESS", "value": address},
                    {"kind": "PHONE", "value": phone},
                ],
            }
        )
    for text in NONE:
        negatives.append({"text": text})
    for lead, text in itertools.product(MORE_NONE_LEADS, NONE[:10]):
        negatives.append({"text": f"{lead} {text}"})
    corpus = {"with_identifiers": positives, "without_identifiers": negatives}
    (HERE / "corpus.yml").write_text(
        "# Generated by make_corpus.py (synthetic: every name, number and address is invented).\n"
        + yaml.safe_dump(corpus, allow_unicode=True, sort_keys=False, width=200),
        encoding="utf-8",
    )
    print(f"{len(positives)} messages with identifiers, {len(negatives)} without")


if __name__ == "__main__":
    main()
