#!/usr/bin/env python3
"""Writes signatures as CSV for PostgreSQL's COPY: published ones spread over the last 30 days, plus unconfirmed
ones whose confirmation tokens go to a file for the confirm scenario.

usage: seed.py LETTER_ID PUBLISHED UNCONFIRMED TOKENS_FILE > rows.csv
"""
import base64
import csv
import datetime
import hashlib
import random
import sys

FIRST = """Amara Ngozi Chidi Tunde Aisha Fatima Omar Youssef Leila Samir Mei Wei Jun Hiroshi Yuki Sakura Min-jun Ji-woo
Priya Arjun Ananya Rahul Deepa Vikram Olga Ivan Dmitri Natalia Olena Taras Marta Piotr Agnieszka Jan Eva Tomas Lucia
Mateo Sofia Diego Valentina Camila Santiago Isabela Joao Ana Pedro Beatriz Marie Pierre Camille Louis Chloe Hugo Anna
Lukas Lena Jonas Mia Felix Emma Liam Olivia Noah Ava James Charlotte William Grace Thomas Aoife Sean Siobhan Erik Ingrid
Lars Astrid Mikko Aino Kofi Ama Kwame Abena Tendai Rudo Thabo Lerato Zanele Sipho Hamid Parisa Reza Shirin Mehmet Elif
Emre Zeynep Nikos Eleni Giorgos Dimitra""".split()
LAST = """Okafor Adeyemi Nwosu Eze Mensah Boateng Diallo Traore Haddad Khoury Mansour Rahman Hossain Chowdhury Wang Li
Zhang Liu Chen Tanaka Suzuki Sato Kim Park Lee Sharma Patel Gupta Singh Iyer Ivanova Petrov Smirnov Kovalenko Shevchenko
Kowalski Nowak Wisniewski Novak Horvath Garcia Rodriguez Martinez Lopez Gonzalez Silva Santos Oliveira Pereira Costa
Dubois Martin Bernard Moreau Laurent Muller Schmidt Schneider Fischer Weber Smith Johnson Brown Taylor Wilson Murphy
O'Brien Kelly Walsh Andersson Johansson Nielsen Hansen Virtanen Korhonen Asante Owusu Moyo Dube Ndlovu Khumalo Nkosi
Rezaei Ahmadi Karimi Yilmaz Kaya Demir Papadopoulos Georgiou Rossi Russo Ferrari Esposito Bianchi Romano Jansen Dekker
Visser Bakker Cohen Levi Friedman""".split()
ORGS = """University of Lagos|Makerere University|University of Cape Town|Cairo University|American University of Beirut
|Tehran University of Medical Sciences|Hacettepe University|Charite Berlin|Karolinska Institutet|University of Oslo
|University of Helsinki|Jagiellonian University|Charles University|Semmelweis University|Sorbonne Universite
|Institut Pasteur|University of Barcelona|University of Lisbon|Sapienza University of Rome|Leiden University
|Trinity College Dublin|University of Edinburgh|Imperial College London|King's College London|McGill University
|University of Toronto|Johns Hopkins University|Harvard Medical School|Mayo Clinic|UCSF|University of Sao Paulo
|Universidad de Buenos Aires|UNAM|Universidad de Chile|All India Institute of Medical Sciences|Tata Memorial Hospital
|Aga Khan University|Dhaka Medical College|Mahidol University|University of Malaya|National University of Singapore
|University of Tokyo|Seoul National University|National Taiwan University|University of Sydney|University of Auckland
|Medecins du Monde|Amnesty International|Human Rights Watch|Physicians for Human Rights|Doctors Against Forced Organ Harvesting
|World Medical Association|International Council of Nurses|Transplantation Society|European Parliament|Bundestag
|Assemblee nationale|House of Commons|Sejm|Riksdag|Storting|Knesset|Lok Sabha|Parliament of Canada|Australian Senate
|The Guardian|Le Monde|Der Spiegel|El Pais|Reuters|Associated Press|BBC News|NHK|Independent|Red Cross|UNICEF|WHO
|Ministry of Health|General Hospital|City Clinic|Regional Medical Centre|Bar Association|Law Faculty""".replace("\n", "").split("|")
TITLES = """Professor of Medicine|Professor of Law|Transplant Surgeon|Nephrologist|General Practitioner|Nurse|Midwife
|Member of Parliament|Senator|Journalist|Editor|Lawyer|Judge|Researcher|Lecturer|Student|Retired Physician
|Human Rights Defender|Ethicist|Pharmacist""".replace("\n", "").split("|")
CATEGORIES = ["Physician", "Nurse or health worker", "Professor or researcher", "Legislator", "Lawyer", "Journalist", "Other"]
COUNTRIES = """NG GH KE UG ZA EG MA TN SN CI CM ET TZ ZW LB JO IR TR IL SA AE IN PK BD LK NP TH MY SG ID PH VN CN HK TW JP
KR MN AU NZ FJ CA US MX GT CR CU CO PE CL AR BR UY VE EC BO PY GB IE FR BE NL LU DE AT CH IT ES PT DK NO SE FI IS EE LV
LT PL CZ SK HU SI HR RS BA ME MK AL GR BG RO MD UA BY RU GE AM AZ KZ UZ KG CY MT""".split()
CITIES = ["Lagos", "Nairobi", "Geneva", "Paris", "Berlin", "London", "Toronto", "Sydney", "Tokyo", "Seoul", "Delhi",
          "Sao Paulo", "Mexico City", "Cairo", "Istanbul", "Warsaw", "Kyiv", "Madrid", "Rome", "Stockholm"]


def token_for(i):
    return base64.urlsafe_b64encode(hashlib.sha256(f"bench-confirm-{i}".encode()).digest()).decode().rstrip("=")


def main():
    letter_id, published, unconfirmed, tokens_path = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    rng = random.Random(7)
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    start = now - datetime.timedelta(days=30)
    step = datetime.timedelta(days=30) / max(published, 1)
    out = csv.writer(sys.stdout, lineterminator="\n")

    def row(i, state, email, published_at, token_hash, expires):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        org = rng.choice(ORGS) if rng.random() < 0.8 else None
        created = (published_at or now) - datetime.timedelta(minutes=rng.randint(1, 600))
        out.writerow([letter_id, 1, state, "Form" if rng.random() < 0.7 else "Api", name, email, email,
                      rng.choice(TITLES) if rng.random() < 0.7 else None, org, rng.choice(CATEGORIES),
                      rng.choice(COUNTRIES), rng.choice(CITIES), "t" if rng.random() < 0.9 else "f",
                      "f", "f", "f", "f", 1, f"{name} {org or ''}".lower(), created.isoformat(),
                      published_at.isoformat() if published_at else None,
                      published_at.isoformat() if published_at else None, token_hash, expires])

    for i in range(published):
        row(i, "Published", f"seed-{i}@bench.example", start + step * i, None, None)
    expires = (now + datetime.timedelta(days=7)).isoformat()
    with open(tokens_path, "w") as tokens:
        for i in range(unconfirmed):
            token = token_for(i)
            tokens.write(token + "\n")
            row(i, "Unverified", f"pending-{i}@bench.example", None,
                "\\x" + hashlib.sha256(token.encode("ascii")).hexdigest(), expires)


if __name__ == "__main__":
    main()
