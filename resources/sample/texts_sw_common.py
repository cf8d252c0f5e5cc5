"""Swahili word banks and a small verb conjugator for the sample generator.

Written for langforge: every name, place list and phrase here is generic and
invented for the sample, not copied from any source. Slot values are chosen so
that they only appear where Swahili agreement does not depend on them (after a
head noun: ``mbegu za {crop}``, ``wilaya ya {district}``), which keeps every
generated sentence grammatical whatever is drawn.
"""

from __future__ import annotations

import random

FIRST_NAMES = [
    "Amina", "Juma", "Halima", "Baraka", "Neema", "Rehema", "Hamisi", "Zawadi",
    "Mwanaisha", "Salim", "Fatuma", "Mussa", "Upendo", "Emmanuel", "Grace", "Joseph",
    "Saida", "Khamis", "Asha", "Daudi", "Winfrida", "Paulo", "Subira", "Tumaini",
    "Ramadhani", "Mariamu", "Yusufu", "Esther", "Omari", "Happiness", "Kassimu", "Agnes",
    "Athumani", "Pendo", "Shabani", "Mwajuma", "Selemani", "Modesta", "Husseini", "Lucy",
    "Zuhura", "Petro", "Imani", "Hadija", "Bakari", "Sikudhani", "Elia", "Mwanahawa",
    "Faraji", "Stella", "Abdallah", "Rose", "Issa", "Tatu", "Yohana", "Nasra", "Hassani",
    "Consolata", "Kheri", "Jabiri", "Mwanamisi", "Shukuru", "Anyesi", "Rukia", "Gaudensia",
    "Nuru", "Furaha", "Zubeda", "Idrisa", "Mwinyi", "Salma", "Hemedi", "Theresia", "Mosi",
    "Kulwa", "Doto", "Shani", "Saumu", "Bahati", "Hawa", "Jafari", "Makame", "Wambui", "Njeri",
]
SURNAMES = [
    "Mwakyusa", "Kimaro", "Mushi", "Otieno", "Wanjiku", "Mrema", "Massawe", "Kombo",
    "Mollel", "Lyimo", "Shayo", "Kariuki", "Ochieng", "Mutua", "Njoroge", "Nakato",
    "Mugisha", "Ssemakula", "Haji", "Saidi", "Mfinanga", "Temba", "Komba", "Ngowi",
    "Kitwana", "Mwasonga", "Chande", "Makame", "Nyambura", "Wafula", "Kiprono", "Akinyi",
    "Mbwambo", "Swai", "Kisanga", "Mlay", "Sanga", "Msuya", "Mnyampala", "Kahindi",
    "Mwakalinga", "Kilonzo", "Mwangi", "Atieno", "Barasa", "Chepkoech", "Mbaraka", "Rashidi",
    "Mapunda", "Nyoni", "Mhagama", "Kapinga", "Mwaisela", "Kyando", "Sichalwe", "Mwanjala",
    "Lukumay", "Laizer", "Sumari", "Urassa", "Tarimo", "Minja", "Marealle", "Kessy",
]
ROLES = [
    "Mkuu wa Wilaya", "Afisa Kilimo wa wilaya", "Mganga Mkuu wa wilaya", "Mwalimu Mkuu",
    "Mwenyekiti wa kijiji", "Katibu Tawala wa mkoa", "Mkurugenzi Mtendaji wa halmashauri",
    "Afisa Afya wa kata", "Mratibu wa Elimu wa kata", "Diwani wa kata",
    "Mtendaji wa kijiji", "Afisa Maendeleo ya Jamii", "Mtaalamu wa lishe",
    "Afisa Mifugo wa wilaya", "Meneja wa chama cha ushirika", "Mhandisi wa maji wa wilaya",
]
# (town, region, country)
TOWNS = [
    ("Arusha", "Arusha", "Tanzania"), ("Moshi", "Kilimanjaro", "Tanzania"),
    ("Dodoma", "Dodoma", "Tanzania"), ("Mwanza", "Mwanza", "Tanzania"),
    ("Tanga", "Tanga", "Tanzania"), ("Morogoro", "Morogoro", "Tanzania"),
    ("Mbeya", "Mbeya", "Tanzania"), ("Iringa", "Iringa", "Tanzania"),
    ("Songea", "Ruvuma", "Tanzania"), ("Kigoma", "Kigoma", "Tanzania"),
    ("Tabora", "Tabora", "Tanzania"), ("Mtwara", "Mtwara", "Tanzania"),
    ("Lindi", "Lindi", "Tanzania"), ("Singida", "Singida", "Tanzania"),
    ("Shinyanga", "Shinyanga", "Tanzania"), ("Bukoba", "Kagera", "Tanzania"),
    ("Musoma", "Mara", "Tanzania"), ("Sumbawanga", "Rukwa", "Tanzania"),
    ("Njombe", "Njombe", "Tanzania"), ("Babati", "Manyara", "Tanzania"),
    ("Mombasa", "Mombasa", "Kenya"), ("Kisumu", "Kisumu", "Kenya"),
    ("Nakuru", "Nakuru", "Kenya"), ("Eldoret", "Uasin Gishu", "Kenya"),
    ("Malindi", "Kilifi", "Kenya"), ("Lamu", "Lamu", "Kenya"),
    ("Garissa", "Garissa", "Kenya"), ("Machakos", "Machakos", "Kenya"),
    ("Nyeri", "Nyeri", "Kenya"), ("Kakamega", "Kakamega", "Kenya"),
    ("Jinja", "Busoga", "Uganda"), ("Mbale", "Bugisu", "Uganda"),
    ("Gulu", "Acholi", "Uganda"), ("Mbarara", "Ankole", "Uganda"),
]
DISTRICTS = [
    "Mkuranga", "Kibaha", "Bagamoyo", "Kilosa", "Mvomero", "Same", "Mwanga", "Rombo",
    "Karatu", "Ngara", "Kyela", "Makambako", "Ifakara", "Kondoa", "Mpwapwa", "Kongwa",
    "Handeni", "Korogwe", "Lushoto", "Muheza", "Pangani", "Kilwa", "Nachingwea", "Tunduru",
    "Mbinga", "Ludewa", "Mufindi", "Kilolo", "Chunya", "Maswa", "Bariadi", "Magu",
    "Sengerema", "Kahama", "Nzega", "Urambo", "Kasulu", "Uvinza", "Mpanda", "Nkasi",
    "Kiteto", "Simanjiro", "Mbulu", "Hanang", "Igunga", "Sikonge", "Mlele", "Kalambo", "Momba",
    "Mbozi", "Ileje", "Makete", "Wanging'ombe", "Namtumbo", "Nyasa", "Masasi", "Newala", "Tandahimba",
    "Liwale", "Ruangwa", "Rufiji", "Kisarawe", "Mafia", "Gairo", "Ulanga", "Malinyi", "Kilindi", "Mkinga",
]
VILLAGES = [
    "Mwembeni", "Kisiwani", "Majengo", "Mnazi Mmoja", "Mlimani", "Kilimahewa", "Bondeni",
    "Mbuyuni", "Mkwajuni", "Msasani", "Mtakuja", "Kibaoni", "Mwenge", "Chamwino",
    "Kisanga", "Mabatini", "Migombani", "Kivukoni", "Mikocheni", "Upendo", "Tumaini",
    "Jangwani", "Mbezi", "Mabibo", "Nyamagana", "Ilala", "Lumumba", "Uhuru",
    "Mwangaza", "Kivule", "Chanika", "Mzambarauni", "Kiwalani", "Mnyamani", "Bwawani", "Mfereji",
    "Matangini", "Msufini", "Mpirani", "Kichangani", "Mvuleni", "Nyakato", "Buhongwa", "Igogo",
]
ORGS = [
    "Wizara ya Afya", "Wizara ya Kilimo", "Wizara ya Elimu", "Wizara ya Maji",
    "Chama cha Ushirika cha Wakulima", "Benki ya Maendeleo ya Wakulima",
    "Taasisi ya Utafiti wa Kilimo", "Shirika la Msalaba Mwekundu", "Mamlaka ya Maji Safi",
    "Baraza la Mitihani", "Shirikisho la Mpira wa Miguu", "Shirika la Umeme",
    "Chuo cha Ualimu", "Chuo Kikuu cha Kilimo", "Mfuko wa Maendeleo ya Jamii",
    "Taasisi ya Takwimu", "Jumuiya ya Wafanyabiashara Wadogo", "Chama cha Walimu",
]
CROPS = [
    "mahindi", "mpunga", "maharage", "muhogo", "viazi vitamu", "ndizi", "kahawa", "chai",
    "pamba", "korosho", "alizeti", "mtama", "ulezi", "karanga", "nyanya", "vitunguu",
    "kabichi", "machungwa", "miwa", "parachichi", "ufuta", "mbaazi", "choroko",
    "tangawizi", "karafuu", "viazi mviringo", "mboga za majani", "embe", "nanasi",
]
LIVESTOCK = ["ng'ombe wa maziwa", "mbuzi", "kondoo", "kuku wa kienyeji", "nguruwe", "bata",
             "sungura", "nyuki", "samaki wa bwawani"]
DISEASES = [
    "malaria", "kipindupindu", "kifua kikuu", "kisukari", "shinikizo la damu",
    "homa ya matumbo", "surua", "kuhara", "nimonia", "utapiamlo", "upungufu wa damu",
    "homa ya dengue", "magonjwa ya macho", "magonjwa ya ngozi", "saratani ya shingo ya kizazi",
]
TEAMS = [
    "Pwani United", "Ziwa Stars", "Mlima FC", "Bandari Warriors", "Tanga Sports Club",
    "Msitu Rangers", "Kijani Queens", "Mto Boys", "Jiji Shooters", "Nyota ya Kusini",
    "Kanda Rovers", "Miembeni Academy", "Bahari Sailors", "Kilele Eagles",
]
SUBJECTS = [
    "hisabati", "Kiswahili", "Kiingereza", "fizikia", "kemia", "baiolojia", "jiografia",
    "historia", "uraia", "sayansi ya kompyuta", "biashara", "kilimo",
]
MONTHS = ["Januari", "Februari", "Machi", "Aprili", "Mei", "Juni", "Julai", "Agosti",
          "Septemba", "Oktoba", "Novemba", "Desemba"]
WEEKDAYS = ["Jumatatu", "Jumanne", "Jumatano", "Alhamisi", "Ijumaa", "Jumamosi", "Jumapili"]

REASONS = [
    "ukosefu wa fedha", "uhaba wa mvua", "bei kubwa ya pembejeo", "umbali wa soko",
    "mafuriko ya mwezi uliopita", "ubovu wa barabara za vijijini", "ukosefu wa elimu ya kutosha",
    "ukame wa muda mrefu", "mlipuko wa wadudu waharibifu", "kuchelewa kwa mbegu",
    "upungufu wa wataalamu", "gharama kubwa za usafiri", "kukatika kwa umeme mara kwa mara",
    "uhaba wa vifaa", "migogoro ya ardhi", "ukosefu wa maghala ya kuhifadhia",
    "kupanda kwa gharama za maisha", "urasimu katika ofisi za umma", "mmomonyoko wa udongo",
    "uchelewaji wa malipo", "kuharibika kwa madaraja", "mvua kubwa zilizonyesha bila kutarajiwa",
    "upungufu wa watumishi wenye ujuzi", "uvamizi wa tembo mashambani", "ukosefu wa mawasiliano ya simu",
    "kodi zisizotabirika", "mabadiliko ya ghafla ya sera", "kupotea kwa nyaraka muhimu",
]
TIME_PAST = ["Jana", "Juzi", "Wiki iliyopita", "Mwezi uliopita", "Mwaka jana",
             "Mwanzoni mwa mwaka huu", "Siku ya {weekday}", "Tarehe {day} {month}",
             "Katika msimu uliopita", "Mwishoni mwa mwezi {month}", "Mapema mwezi huu",
             "Kabla ya sikukuu ya mwaka mpya", "Katikati ya mwezi {month}", "Usiku wa kuamkia {weekday}"]
TIME_FUTURE = ["Kesho", "Wiki ijayo", "Mwezi ujao", "Mwaka ujao", "Katika msimu ujao",
               "Kuanzia mwezi {month}", "Ifikapo mwaka 2026", "Baada ya mavuno",
               "Mara baada ya kupokea fedha", "Kabla ya kufunguliwa kwa shule", "Katika robo ijayo ya mwaka"]
TIME_PRESENT = ["Kwa sasa", "Siku hizi", "Katika kipindi hiki", "Msimu huu", "Kwa wakati huu"]
TIME_PERFECT = ["Tayari", "Hadi sasa", "Katika miaka ya hivi karibuni", "Kwa mara ya kwanza"]


def money(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"shilingi milioni {rng.choice([12, 25, 40, 75, 120, 150, 300, 480, 950])}"
    return f"shilingi {rng.randint(2, 95) * 500:,}"


#: Generators for slots that take a fresh value at each use.
FRESH_SLOTS = {
    "n_small": lambda r: str(r.randint(3, 48)),
    "n_mid": lambda r: str(r.randint(60, 950)),
    "n_big": lambda r: f"{r.randint(12, 480) * 100:,}",
    "pct": lambda r: str(r.randint(11, 87)),
    "money": money,
    "day": lambda r: str(r.randint(1, 28)),
    "month": lambda r: r.choice(MONTHS),
    "weekday": lambda r: r.choice(WEEKDAYS),
    "year": lambda r: str(r.choice([2019, 2020, 2021, 2022, 2023])),
    "person_any": lambda r: f"{r.choice(FIRST_NAMES)} {r.choice(SURNAMES)}",
    "first_any": lambda r: r.choice(FIRST_NAMES),
    "role_any": lambda r: r.choice(ROLES),
    "district_any": lambda r: r.choice(DISTRICTS),
    "village_any": lambda r: r.choice(VILLAGES),
    "crop_any": lambda r: r.choice(CROPS),
    "reason": lambda r: r.choice(REASONS),
    "subject_any": lambda r: r.choice(SUBJECTS),
    "disease_any": lambda r: r.choice(DISEASES),
    "livestock_any": lambda r: r.choice(LIVESTOCK),
}


def page_context(rng: random.Random) -> dict[str, str]:
    """Slot values that stay the same throughout one article."""
    town, region, country = rng.choice(TOWNS)
    first, first2 = rng.sample(FIRST_NAMES, 2)
    team, team2 = rng.sample(TEAMS, 2)
    crop, crop2 = rng.sample(CROPS, 2)
    return {
        "town": town, "region": region, "country": country,
        "district": rng.choice(DISTRICTS), "village": rng.choice(VILLAGES),
        "person": f"{first} {rng.choice(SURNAMES)}", "first": first,
        "person2": f"{first2} {rng.choice(SURNAMES)}", "first2": first2,
        "role": rng.choice(ROLES), "org": rng.choice(ORGS),
        "crop": crop, "crop2": crop2, "livestock": rng.choice(LIVESTOCK),
        "disease": rng.choice(DISEASES), "team": team, "team2": team2,
        "subject": rng.choice(SUBJECTS),
    }


# Verb conjugation. Stems are full Bantu stems ending in -a (or an Arabic loan's
# final -i/-u/-e), never monosyllabic (ku-la, ku-nywa keep their ku- in some
# tenses, which these rules do not model).
_TENSES = {"past": "li", "present": "na", "future": "ta", "perfect": "me"}


def _final_i(stem: str) -> str:
    return stem[:-1] + "i" if stem.endswith("a") else stem


def _final_e(stem: str) -> str:
    return stem[:-1] + "e" if stem.endswith("a") else stem


def conjugate(stem: str, form: str, plural: bool) -> str:
    """A class 1 (singular) or class 2 (plural) human subject's verb form.

    ``form`` is one of past, present, future, perfect, conditional, hypothetical,
    not_yet, neg_past, neg_present,
    neg_future, subjunctive, relative_present.
    """
    sp = "wa" if plural else "a"
    if form in _TENSES:
        return sp + _TENSES[form] + stem
    neg = "hawa" if plural else "ha"
    if form == "neg_past":
        return neg + "ku" + stem
    if form == "neg_present":
        return neg + _final_i(stem)
    if form == "neg_future":
        return neg + "ta" + stem
    if form == "subjunctive":
        return sp + _final_e(stem)
    if form == "conditional":
        return sp + "ki" + stem
    if form == "hypothetical":
        return sp + "nge" + stem
    if form == "not_yet":
        return neg + "ja" + stem
    if form == "relative_present":
        return sp + "na" + ("o" if plural else "ye") + stem
    raise ValueError(f"unknown verb form {form!r}")


def action_sentence(rng: random.Random, subjects: list[tuple[str, str]],
                    actions: list[tuple[str, str]]) -> str:
    """One generated sentence: a human subject, a conjugated action and an object.

    ``subjects`` are (plural, singular) class 1/2 nouns, e.g. ("wakulima", "mkulima");
    ``actions`` are (verb stem, complement), e.g. ("panda", "mbegu bora za {crop}").
    """
    plural_noun, singular_noun = rng.choice(subjects)
    stem, complement = rng.choice(actions)
    pattern = rng.randrange(16)
    places = ["wa {district}", "wa kijiji cha {village}", "wa mkoa wa {region}",
              "wa kata ya {village_any}", "wa wilaya ya {district_any}"]
    where = rng.choice(places + ["wengi"])
    subject = f"{plural_noun} {where}"
    if pattern < 4 and rng.random() < 0.4:
        # One person instead of a group: class 1 agreement (a-, mmoja).
        time = rng.choice([TIME_PAST, TIME_PRESENT, TIME_FUTURE, TIME_PERFECT][pattern])
        form = ["past", "present", "future", "perfect"][pattern]
        return (f"{time}, {singular_noun} mmoja {rng.choice(places)}, {{person_any}}, "
                f"{conjugate(stem, form, False)} {complement}.")
    if pattern >= 9:
        return _more_forms(rng, pattern, plural_noun, subject, stem, complement)
    if pattern == 0:
        return f"{rng.choice(TIME_PAST)}, {subject} {conjugate(stem, 'past', True)} {complement}."
    if pattern == 1:
        return f"{rng.choice(TIME_PRESENT)}, {subject} {conjugate(stem, 'present', True)} {complement}."
    if pattern == 2:
        return f"{rng.choice(TIME_FUTURE)}, {subject} {conjugate(stem, 'future', True)} {complement}."
    if pattern == 3:
        return f"{rng.choice(TIME_PERFECT)}, {subject} {conjugate(stem, 'perfect', True)} {complement}."
    if pattern == 4:
        return (f"Hata hivyo, baadhi ya {plural_noun} {conjugate(stem, 'neg_past', True)} "
                f"{complement} kwa sababu ya {{reason}}.")
    if pattern == 5:
        return (f"Wataalamu wanawashauri {plural_noun} {conjugate(stem, 'subjunctive', True)} "
                f"{complement} mapema.")
    if pattern == 6:
        return (f"{plural_noun.capitalize()} {conjugate(stem, 'relative_present', True)} "
                f"{complement} wamesema kuwa matokeo yanaonekana.")
    if pattern == 7:
        return (f"{{first_any}}, mmoja wa {plural_noun} {where}, {conjugate(stem, 'past', False)} "
                f"{complement} {rng.choice(['mwaka jana', 'mwezi uliopita', 'mapema mwaka huu'])}.")
    return (f"Inaelezwa kuwa bado {plural_noun} {conjugate(stem, 'neg_present', True)} "
            f"{complement} kama inavyotakiwa.")


def _more_forms(rng: random.Random, pattern: int, plural_noun: str, subject: str, stem: str,
                complement: str) -> str:
    """Conditional, habitual, hypothetical, not-yet, infinitive and negative forms."""
    if pattern == 9:
        return (f"{subject.capitalize()} {conjugate(stem, 'conditional', True)} {complement} mapema, "
                f"matokeo huonekana ndani ya muda mfupi.")
    if pattern == 10:
        return f"Kwa kawaida {plural_noun} hu{stem} {complement} {rng.choice(_HABITUAL_WHEN)}."
    if pattern == 11:
        return (f"Kama wangepata msaada wa kutosha, {plural_noun} {conjugate(stem, 'hypothetical', True)} "
                f"{complement} bila kuchelewa.")
    if pattern == 12:
        return (f"Mpaka sasa baadhi ya {plural_noun} {conjugate(stem, 'not_yet', True)} {complement}, "
                f"jambo linalowatia wasiwasi viongozi.")
    if pattern == 13:
        return f"Ni muhimu kwa {subject} ku{stem} {complement} {rng.choice(_PURPOSE)}."
    if pattern == 14:
        return (f"Viongozi wamewaonya {plural_noun} kuhusu hasara ya kuto{stem} {complement} "
                f"katika kipindi hiki.")
    return (f"{{person_any}}, {{role_any}}, {conjugate(stem, 'future', False)} "
            f"{complement} pamoja na {plural_noun} {rng.choice(['wiki ijayo', 'mwezi ujao', 'baada ya sikukuu'])}.")


_HABITUAL_WHEN = ["kila msimu", "mwanzoni mwa kila mwezi", "wakati wa kiangazi", "baada ya mavuno",
                  "kabla ya mvua za masika", "kila mwaka", "siku za mwisho wa wiki"]
_PURPOSE = ["ili kupunguza gharama", "ili kuongeza tija", "kwa manufaa ya jamii nzima",
            "ili kulinda afya za familia", "kwa maendeleo ya kijiji", "ili kuepuka hasara"]
