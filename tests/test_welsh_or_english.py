"""English measures stay English and Welsh ones stay Welsh, in the reader and in what users see.

An English NHS project's measures ("Symptom burden", "Gym referrals", "Lynch
syndrome", "Hywel Dda wards") once read as Welsh, so ``directors`` warned that
the measure map "cannot read text in Welsh only" and ``check`` raised
welsh-only. The reader now asks for more than one word's worth of Welsh
spelling, counts English plurals in -ls and -rs, takes Welsh places and
health boards as names rather than language, and ``check`` looks for
spelling-only Welsh in Welsh projects alone.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import EXAMPLES
from pitchkit.i18n.welsh import reads_as_english, reads_as_welsh

Cli = Callable[..., Result]

#: English measure and objective names across specialties, with Welsh places in some.
ENGLISH = (
    "Four-hour A&E performance",
    "Emergency department attendances",
    "Ambulance handover delays",
    "Ambulance response times for category 2 calls",
    "Twelve-hour trolley waits",
    "Same day emergency care attendances",
    "Minor injuries unit attendances",
    "NHS 111 calls answered within 60 seconds",
    "Patients who left without being seen",
    "Time to initial assessment",
    "Emergency admissions",
    "Length of stay",
    "Bed days",
    "Delayed transfers of care",
    "Medically fit for discharge",
    "Discharges before noon",
    "Weekend discharges",
    "Readmissions within 30 days",
    "Stranded patients",
    "Super-stranded patients",
    "Bed occupancy",
    "Escalation beds open all year round",
    "Hospital at home referrals",
    "Virtual ward occupancy",
    "Frailty virtual ward",
    "Referral to treatment within 18 weeks",
    "Patients waiting over 52 weeks",
    "Theatre utilisation",
    "Day case rates",
    "Cancelled operations on the day",
    "Outpatient follow-up appointments",
    "Did not attend rate",
    "Patient-initiated follow-up",
    "Advice and guidance requests",
    "Diagnostic waits over six weeks",
    "MRI scans completed",
    "Endoscopy capacity",
    "Hip and knee replacements",
    "Cataract operations",
    "Gym referrals",
    "Faster diagnosis standard",
    "62-day cancer pathway",
    "Lynch syndrome testing",
    "Lynch syndrome",
    "Bowel screening uptake",
    "Breast screening uptake",
    "Cervical screening coverage",
    "Two-week wait referrals",
    "Chemotherapy day unit capacity",
    "Symptom burden",
    "Symptom control",
    "Palliative care referrals",
    "Deaths in usual place of residence",
    "Out-of-area placements",
    "Mental health crisis referrals",
    "Psychological therapies access",
    "CAMHS waiting times",
    "Section 136 detentions",
    "Restrictive interventions",
    "Early intervention in psychosis",
    "Dementia diagnosis rate",
    "Eating disorder referrals",
    "Perinatal mental health contacts",
    "Stillbirth rate",
    "Caesarean section rate",
    "Breastfeeding at discharge",
    "Smoking at time of delivery",
    "Continuity of carer",
    "Postpartum haemorrhage",
    "Neonatal admissions",
    "Midwife staffing levels",
    "Childhood immunisations",
    "Paediatric asthma admissions",
    "Children's community nursing visits",
    "School readiness",
    "GP appointments",
    "Urgent same-day requests",
    "Long-term condition reviews",
    "Hypertension case finding",
    "Diabetes care processes",
    "HbA1c above target",
    "Annual health checks for people with a learning disability",
    "Social prescribing referrals",
    "Pharmacy first consultations",
    "Dental recalls",
    "District nursing contacts",
    "Pressure ulcers",
    "Falls with harm",
    "Inpatient falls",
    "Care home admissions",
    "Reablement outcomes",
    "Wound healing",
    "Leg ulcer healing",
    "Community rehabilitation referrals",
    "Stroke rehabilitation",
    "Cardiac rehabilitation uptake",
    "Pulmonary rehabilitation referrals",
    "Hospital-acquired infections",
    "Clostridioides difficile cases",
    "MRSA bacteraemia",
    "Sepsis screening",
    "Medication errors",
    "Never events",
    "Serious incidents",
    "Complaints",
    "Friends and family test",
    "Hospital standardised mortality ratio",
    "Venous thromboembolism assessments",
    "Nutrition screening",
    "Hand hygiene audits",
    "Staff sickness absence",
    "Agency spend",
    "Bank and agency shifts",
    "Nurse vacancies",
    "Staff turnover",
    "Mandatory training compliance",
    "Appraisal rates",
    "Staff survey engagement score",
    "Consultant job plans",
    "International recruitment",
    "Nursing associates",
    "Allied health professionals",
    "Cost improvement programme",
    "Recurrent savings",
    "Cost per case",
    "Drug spend",
    "Biosimilar switching",
    "Outsourcing costs",
    "Estates backlog maintenance",
    "Electronic prescribing",
    "Patient portal logins",
    "Digital outpatient consultations",
    "Remote monitoring",
    "Carbon emissions",
    "Anaesthetic gases",
    "Nitrous oxide waste",
    "Inhaler carbon footprint",
    "Patient travel miles",
    "Single-use plastics",
    "Nylon",
    "Flywheel",
    "Physiotherapy waiting list",
    "Occupational therapy assessments",
    "Speech and language therapy referrals",
    "Dietetics referrals",
    "Podiatry clinics",
    "Orthotics",
    "Audiology",
    "Smoking quit rates",
    "Alcohol-related admissions",
    "Flu vaccination uptake",
    "Physical activity",
    "Health inequalities",
    "Gym",
    "Wards",
    "Beds",
    "Referrals",
    "Hospital",
    "Synovial fluid tests",
    "Myeloma",
    "Lymphoma",
    "Hyperkalaemia",
    "Dysphagia screening",
    "Dyspnoea",
    "Myocardial infarction",
    "Thyroid function tests",
    "Syphilis screening",
    "Hysterectomy",
    "Cystic fibrosis",
    "Polymyalgia rheumatica",
    "Glycaemic control",
    "Rhythm control",
    "Rheumatology",
    "Rhinitis",
    "Gynaecology outpatients",
    "Lymphoedema clinic",
    "Syncope",
    "Cytology",
    "Hydrotherapy pool",
    "Cryotherapy",
    "Dry January",
    "Hywel Dda wards",
    "Cwm Taf Morgannwg referrals",
    "Betsi Cadwaladr",
    "Gwent",
    "Rhyl",
    "Dyfed",
    "Aneurin Bevan discharges",
    "Powys community beds",
    "Llandough theatre sessions",
    "Ysbyty Gwynedd bed days",
    "Glan Clwyd stroke admissions",
    "Bronglais outpatient clinics",
    "Llanelli falls service",
    "Wrexham Maelor attendances",
    "Standard bed day, National Cost Collection 2020/21",
    "Second nurse post still vacant",
    "Temporary staffing bureau, 2025/26",
    "Model Health System, Q2 2026/27",
    "Consultant Liaison Psychiatrist",
    "Inpatient diabetes hypoglycaemia episodes",
    "Staff",
    "Add another impact?",
    "Cut agency spend by 20% this year",
    "Deliver the cost improvement programme",
    "Reduce waits for planned care",
    "Improve flow through the hospital",
    "Grow the community workforce",
)

#: Welsh measures, objectives and units: sentences, short names and single words.
WELSH = (
    "Absenoldeb salwch staff",
    "Nyrsys newydd sy'n gadael o fewn blwyddyn",
    "Wythnosau yn aros am adsefydlu",
    "Cyflawni arbedion o £18m yn 2027/28",
    "Derbyniadau brys ar gyfer COPD",
    "Lleihau derbyniadau brys y gaeaf hwn",
    "Diwrnodau gwely",
    "Derbyniadau brys",
    "Cwympiadau cleifion mewnol",
    "Amser aros am driniaeth",
    "Cleifion sy'n aros dros 52 wythnos",
    "Gwella mynediad amserol at ofal sylfaenol a chymunedol",
    "Lleihau nifer y cleifion sy'n disgwyl am lawdriniaeth",
    "Rhyddhau cleifion yn brydlon o'r ysbyty",
    "Oedi wrth drosglwyddo gofal",
    "Gwelyau ysbyty cymunedol",
    "Apwyntiadau cleifion allanol",
    "Atgyfeiriadau at y tîm eiddilwch",
    "Cyfradd heintiau",
    "Heintiau a gafwyd yn yr ysbyty",
    "Marwolaethau o sepsis",
    "Boddhad cleifion",
    "Gwariant ar staff asiantaeth",
    "Arbedion effeithlonrwydd",
    "Swyddi nyrsio gwag",
    "Trosiant staff",
    "Llesiant staff",
    "Diogelwch cleifion",
    "Ansawdd gofal",
    "Lleihau anghydraddoldebau iechyd",
    "Cefnogi pobl i fyw'n annibynnol gartref",
    "Gofal diwedd oes",
    "Ymweliadau cartref",
    "Galwadau ambiwlans",
    "Amseroedd ymateb ambiwlans",
    "Cleifion a welwyd o fewn pedair awr",
    "Hyd arhosiad yn yr ysbyty",
    "Aildderbyniadau o fewn 30 diwrnod",
    "Brechiadau ffliw staff",
    "Sgrinio canser y coluddyn",
    "Profion diagnostig",
    "Sganiau MRI a gwblhawyd",
    "Mân anafiadau",
    "Iechyd meddwl plant a phobl ifanc",
    "Asesiadau iechyd meddwl",
    "Gofalwyr di-dâl",
    "Cynllun ariannol tymor canolig",
    "Cydbwyso'r gyllideb erbyn diwedd y flwyddyn",
    "Datblygu'r gweithlu",
    "Recriwtio meddygon teulu",
    "Gwasanaethau therapi",
    "Ffisiotherapi",
    "Canlyniadau a adroddir gan gleifion",
    "Hunanreoli cyflyrau hirdymor",
    "Allyriadau carbon",
    "Lleihau ôl troed carbon y bwrdd",
    "Hwb lles staff",
    "Diwrnod gwely gofal critigol",
    "Staff a atgyfeiriwyd a welwyd o fewn pum diwrnod gwaith",
    "Cyfarwyddwr Therapïau a Gwyddor Iechyd",
    "amcan strategol",
    "nyrsys",
    "gwyliau",
    "ysbyty",
    "cyllid",
    "diwrnod",
    "derbyniadau",
    "wythnosau",
    "gwelyau",
    "atgyfeiriadau",
)


@pytest.mark.parametrize("text", ENGLISH)
def test_no_english_measure_reads_as_welsh(text: str) -> None:
    assert not reads_as_welsh(text)


@pytest.mark.parametrize("text", WELSH)
def test_no_welsh_text_reads_as_english(text: str) -> None:
    """A Welsh note shows each as written, never quoted as English (see notes/foreign.py)."""
    assert not reads_as_english(text)


def test_nearly_every_welsh_text_is_surely_welsh() -> None:
    """Only a few two-word texts with a single Welsh mark, and single words, fall short."""
    missed = [text for text in WELSH if not reads_as_welsh(text)]
    assert len(missed) <= len(WELSH) // 8, missed
    assert all(len(text.split()) <= 2 for text in missed), missed


def frailty(tmp_path: Path, measure: str) -> Path:
    """The frailty example, with its first measure written as ``measure``."""
    text = (EXAMPLES / "frailty-virtual-ward" / "facts.yaml").read_text(encoding="utf-8")
    old = "measure: Emergency admissions of people aged 75 and over living with frailty"
    assert old in text
    path = tmp_path / "facts.yaml"
    path.write_text(text.replace(old, f"measure: {measure}"), encoding="utf-8")
    return path


@pytest.mark.parametrize("measure", ["Symptom burden", "Gym referrals", "Hywel Dda wards"])
def test_an_english_project_is_not_told_its_measure_is_welsh(
    cli: Cli, tmp_path: Path, measure: str
) -> None:
    facts = frailty(tmp_path, measure)
    ranked = cli("directors", str(facts))
    assert ranked.exit_code == 0, ranked.output
    assert "Welsh" not in ranked.stderr, ranked.stderr
    checked = cli("check", str(facts), "-d", "dof")
    assert "welsh-only" not in checked.stdout, checked.stdout


def test_an_english_project_is_still_told_of_a_welsh_sentence(cli: Cli, tmp_path: Path) -> None:
    """Welsh's small words are evidence enough, even with no Welsh elsewhere in the file."""
    facts = frailty(tmp_path, "Nyrsys newydd sy'n gadael o fewn blwyddyn")
    checked = cli("check", str(facts), "-d", "dof")
    assert "impacts[0].measure is in Welsh only: 'Nyrsys newydd sy'n gadael" in checked.stdout


@pytest.mark.parametrize("measure", ["Symptom burden", "Cwm Taf Morgannwg referrals", "Gwent"])
def test_a_welsh_project_is_not_told_its_english_measure_is_welsh(
    cli: Cli, tmp_path: Path, measure: str
) -> None:
    """The Welsh example (locale cy_GB) keeps its measures in English: none is welsh-only."""
    text = (EXAMPLES / "ysbyty-cymunedol" / "facts.yaml").read_text(encoding="utf-8")
    # The example gives each measure in both languages (fixread20b): the English one
    # is replaced by a plain English measure here.
    start = text.index("    measure:\n      en: Emergency department attendances")
    old = text[start : text.index("\n    unit:", start)]
    facts = tmp_path / "facts.yaml"
    facts.write_text(text.replace(old, f"    measure: {measure}"), encoding="utf-8")
    checked = cli("check", str(facts), "-d", "dof", "--locale", "en_GB")
    assert "welsh-only" not in checked.stdout, checked.stdout
