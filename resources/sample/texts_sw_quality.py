"""Swahili pages that language ID accepts but a quality filter must judge: each
``junk_quality_<threshold key>`` page trips that one threshold of the Swahili config
(resources/languages/swh_Latn.toml over _defaults.toml) before any other, and each
``borderline_article`` sits near the thresholds but passes them all.

Written for langforge (CC-BY-4.0, langforge sample). Every entry is
(category, section, title, blocks); blocks are ("p" | "h2" | "li", text) as in
pages_sw.py. Numbers, names and prices are invented.
"""

from __future__ import annotations

# --- too few words (min_words = 50): short notices of long Swahili words ----------------

FEW_WORDS = [
    ("junk_quality_min_words", "matangazo", "Tangazo la kufungwa kwa ofisi", [
        ("p", "Wananchi wanatangaziwa kwamba ofisi za halmashauri zitafungwa Ijumaa kutokana na "
              "maadhimisho ya sikukuu ya kitaifa. Huduma zitarejea kama kawaida Jumatatu asubuhi. "
              "Kwa maswali zaidi, wasiliana na mapokezi kupitia namba iliyoandikwa kwenye ubao wa "
              "matangazo."),
    ]),
    ("junk_quality_min_words", "matangazo", "Taarifa ya msiba", [
        ("p", "Familia ya marehemu Mwalimu Abdallah Kitwana inasikitika kutangaza kifo cha mpendwa "
              "wao kilichotokea jana kutokana na maradhi ya muda mrefu."),
        ("p", "Mazishi yatafanyika kesho kwenye makaburi ya kijiji chake. Wanafunzi wake wa zamani, "
              "walimu wenzake na wanachama wa kwaya wanaombwa kuhudhuria."),
    ]),
]

# --- mean word length too high (max_mean_word_length = 10): hashtags mixed with Swahili --

LONG_WORDS = [
    ("junk_quality_max_mean_word_length", "elimu", "Kampeni ya elimu mtandaoni", [
        ("p", "Kampeni ya kuhamasisha wazazi kuwapeleka watoto shule imeanza. Kila mwalimu, "
              "mwanafunzi na mwanachama wa kamati ya shule anaombwa kushiriki kwenye mijadala "
              "kuhusu elimu kwa alama hizi:"),
        ("p", "#elimukwanzakwakilamtoto #mwalimunimwangawajamii #mwanafunzibora2024 "
              "#kutokakijijinihadichuoni #kuhusuelimuyawasichana #mwenyekitiwakamatiyashule "
              "#wazaziwashirikiwakamilifu #mwanzowamwakawamasomo #vitabukwakilamwanafunzi "
              "#madarasamapyakwenyeshule #chakulachamchanashuleni #mwalimumwenyemoyowakujitolea"),
        ("p", "#mwanafunzianayesomakwabidii #kutokanananguvuyawazazi #wanachamawakamatiyaelimu "
              "#mwangawamaarifakijijini #kuhusumaendeleoyajamiiyetu #mwalimunimzazimwingine"),
        ("p", "Tuma picha kutoka shuleni kwako pamoja na ujumbe kuhusu mwalimu wako bora."),
    ]),
    ("junk_quality_max_mean_word_length", "habari", "Zilizosomwa zaidi wiki hii", [
        ("p", "Soma makala zilizosomwa zaidi wiki hii kutoka kwenye tovuti yetu, kuhusu maendeleo "
              "ya wilaya na maisha ya wakazi wake."),
        ("p", "#mwalimumkuuashindatuzoyamkoa #wanafunziwapandamitielfukumi "
              "#kutokakwenyejamiihadikwenyeuongozi #mwenyekitiwakijijiazinduavisima "
              "#mradiwamajisafiwakamilika #kuhusubeiyasukarisokoni #mwanachamampyawaushirika "
              "#wakaziwamtaawasafishamazingira #mwanariadhaashindambiozakitaifa "
              "#mwanamazingiraaongozakampeni #mwenyeulemavuapatamafunzo #wenyejiwapokeawatalii "
              "#mwalimuwahisabatiastaafu #wanachamawachangiamfuko #mwanafunziwakikeaongozamtihani "
              "#kutokashambanihadisokoni #wakulimawenyeujuziwapewatuzo"),
        ("p", "Tufuate kwenye mitandao ya kijamii upate habari kutoka kwa waandishi wetu kila siku."),
    ]),
]

# --- too many words without letters (max_non_alpha_words_ratio = 0.2): price tables ------

NON_ALPHA = [
    ("junk_quality_max_non_alpha_words_ratio", "biashara", "Bei za mazao katika soko kuu", [
        ("p", "Bei za jumla kwa gunia la kilo mia moja, kwa shilingi, kutoka kwa wafanyabiashara "
              "wa soko kuu (jana, leo, wastani wa wiki):"),
        ("p", "Mahindi 65,000 68,500 70,000"), ("p", "Mchele 180,000 185,000 182,500"),
        ("p", "Maharage 210,000 215,000 212,000"), ("p", "Mtama 72,000 74,500 75,000"),
        ("p", "Ulezi 130,000 128,000 131,500"), ("p", "Karanga 240,000 236,000 238,500"),
        ("p", "Viazi 55,000 57,500 56,000"), ("p", "Mihogo 48,000 47,000 49,500"),
        ("p", "Dengu 190,000 195,500 193,000"), ("p", "Ngano 98,000 101,000 99,500"),
        ("p", "Alizeti 86,000 88,500 87,000"), ("p", "Ufuta 265,000 270,000 268,500"),
        ("p", "Bei hizi zinaweza kubadilika kila siku kutokana na hali ya soko. Mwanachama wa chama "
              "cha wafanyabiashara mwenye swali kuhusu bei hizi awasiliane na ofisi yetu."),
    ]),
    ("junk_quality_max_non_alpha_words_ratio", "biashara", "Viwango vya kubadilisha fedha leo", [
        ("p", "Viwango vya kununua na kuuza fedha za kigeni katika maduka ya kubadilisha fedha, "
              "kwa shilingi:"),
        ("p", "Dola ya Marekani 2,548.35 2,573.83"), ("p", "Yuro 2,761.20 2,788.81"),
        ("p", "Pauni ya Uingereza 3,229.64 3,261.94"), ("p", "Shilingi ya Kenya 19.62 19.82"),
        ("p", "Shilingi ya Uganda 0.687 0.694"), ("p", "Randi 138.41 139.79"),
        ("p", "Faranga ya Rwanda 1.951 1.970"), ("p", "Yuani ya China 351.07 354.58"),
        ("p", "Riyali ya Saudia 679.48 686.27"), ("p", "Dirhamu 693.85 700.79"),
        ("p", "Rupia ya India 30.55 30.86"), ("p", "Yeni 17.02 17.19"),
        ("p", "Viwango hivi hubadilika kila siku kulingana na soko."),
    ]),
]

# --- keyword lists with (almost) no stopwords (min_stopwords = 2) ------------------------
# lid.176 scores Swahili with few stopwords low (noun lists come out English at ~0.15), so
# these lean on mw-/wa- class nouns and connectors outside the stopword list (kutoka,
# kuhusu, kwenye, wenye), which it reads as Swahili; one stopword each, below the minimum.

FEW_STOPWORDS = [
    ("junk_quality_min_stopwords", "habari", "Maneno muhimu", [
        ("p", "Lebo: mwalimu mwenye kipaji, wanafunzi wenye ulemavu, habari kutoka mikoani, makala "
              "kuhusu afya, mwanachama mpya, mwenyekiti mstaafu, mwanafunzi bora, walimu wapya, "
              "mwanariadha chipukizi, mwanamazingira, wenyeji, wakazi mjini, mwanzo mpya, mwanga "
              "wa jua, msitu asilia, misitu mikubwa, jamii, lugha mama, makazi bora, wafanyakazi "
              "hodari, mwandishi chipukizi, mwanamuziki maarufu, mwanahabari, mwanasheria, "
              "mwananchi, mwanamke shujaa, vijana wenye ndoto, elimu kwanza"),
    ]),
    ("junk_quality_min_stopwords", "ajira", "Taaluma zinazotafutwa", [
        ("p", "Mwalimu, mwanasheria, mwandishi, mwanahabari, mwanasayansi, mwanamazingira, "
              "mwenyekiti, mwanariadha, mwanamuziki, mwimbaji, mwakilishi mauzo, mwendesha "
              "mitambo, mwongoza watalii, mwangalizi, mwanzilishi kampuni, mwalimu msaidizi, "
              "mwanafunzi mwanagenzi, mwanachama, walimu wenye uzoefu, wafanyakazi wenye ujuzi, "
              "madereva wenye leseni, wauguzi wenye vyeti, wahasibu wenye uzoefu, mafundi wenye "
              "zana, wapishi hodari, walinzi waaminifu."),
        ("p", "Maombi kutoka kwa wenyeji yanapewa kipaumbele."),
    ]),
]

# --- many repeated lines (max_dup_line_frac = 0.3) ---------------------------------------

_PROMO = "Pakua programu yetu upate habari zote kwa haraka zaidi."
_CHORUS = ["Mwanga wa jua unaangaza nchi yetu", "Tutaijenga kwa mikono yetu wenyewe",
           "Tushikamane sote kama jamii moja"]

DUP_LINES = [
    ("junk_quality_max_dup_line_frac", "habari", "Mvua kubwa yaharibu barabara za vijijini", [
        ("p", "Mvua kubwa iliyonyesha usiku wa kuamkia jana imeharibu barabara kadhaa za vijijini "
              "na kusababisha magari kukwama njiani kwa saa nyingi."),
        ("p", _PROMO),
        ("p", "Wakazi wa kata ya Mlimani wamesema daraja dogo la mto lilisombwa na maji, hivyo "
              "wanafunzi walishindwa kufika shuleni."),
        ("p", _PROMO),
        ("p", "Afisa wa barabara wa wilaya amesema timu ya wataalamu imeshatumwa kukagua uharibifu "
              "na kuweka njia ya muda."),
        ("p", _PROMO),
        ("p", "Mkulima mmoja amesema mazao yake yaliyokuwa tayari kuvunwa yameharibika, na "
              "anaomba msaada wa mbegu kwa msimu ujao."),
        ("p", _PROMO),
        ("p", "Mamlaka ya hali ya hewa imetabiri mvua zaidi katika siku tatu zijazo."),
        ("p", _PROMO),
        ("p", "Wananchi wameombwa kuwa waangalifu wanapovuka mito wakati wa mvua."),
        ("p", _PROMO),
    ]),
    ("junk_quality_max_dup_line_frac", "burudani", "Maneno ya wimbo: Nchi yetu", [
        ("p", "Asubuhi jua linachomoza juu ya milima"),
        ("p", "Mwalimu anaingia darasani na wanafunzi wake"),
        ("p", "Wakulima wanaamka kwenda mashambani kwao"),
        *[("p", line) for line in _CHORUS],
        ("p", "Jioni mvua inanyesha kwenye mabonde na milima"),
        ("p", "Wavuvi wanarudi kutoka ziwani na samaki wengi"),
        ("p", "Mama anapika ugali na mboga za majani"),
        *[("p", line) for line in _CHORUS],
        ("p", "Usiku nyota zinang'aa angani kwa wingi"),
        ("p", "Wazee wanasimulia hadithi kuhusu mwanzo wa kijiji"),
        *[("p", line) for line in _CHORUS],
        *[("p", line) for line in _CHORUS],
    ]),
]

# --- lines with no closing punctuation (min_line_punct_ratio = 0.143): listings ----------

FEW_PUNCT_LINES = [
    ("junk_quality_min_line_punct_ratio", "biashara", "Menyu ya mgahawa wetu", [
        ("h2", "Kifungua kinywa"),
        ("li", "Chai ya maziwa na maandazi mawili"), ("li", "Kahawa chungu na kashata za nazi"),
        ("li", "Uji wa ulezi na mkate wa mayai"), ("li", "Supu ya ng'ombe na chapati moja"),
        ("li", "Chai ya tangawizi na vitumbua vitatu"),
        ("h2", "Chakula cha mchana"),
        ("li", "Wali na maharage ya nazi"), ("li", "Ugali na samaki wa kukaanga"),
        ("li", "Pilau ya nyama na kachumbari"), ("li", "Ndizi za nyama na mboga za majani"),
        ("li", "Biriani ya kuku na saladi"), ("li", "Wali wa nazi na mchuzi wa pweza"),
        ("h2", "Vinywaji"),
        ("li", "Juisi ya embe au nanasi"), ("li", "Maji ya madafu"), ("li", "Soda baridi za aina zote"),
        ("li", "Chai ya rangi na limau"),
    ]),
    ("junk_quality_min_line_punct_ratio", "biashara", "Bidhaa zetu mpya dukani", [
        ("li", "Simu ya mkononi yenye kamera mbili na betri kubwa"),
        ("li", "Redio ya sola inayochajiwa kwa mwanga wa jua"),
        ("li", "Taa ya sola yenye betri ya kudumu saa kumi"),
        ("li", "Pasi ya umeme ya chuma kizito"),
        ("li", "Jiko la gesi la plati mbili pamoja na mtungi"),
        ("li", "Friji ndogo ya nyumbani yenye milango miwili"),
        ("li", "Feni ya kusimama yenye kasi tatu"),
        ("li", "Blenda ya matunda yenye vikombe viwili"),
        ("li", "Spika ya bluetooth isiyopitisha maji"),
        ("li", "Chaja ya gari ya simu za aina zote"),
        ("li", "Godoro la sponji la futi sita kwa tano"),
        ("li", "Sufuria za alumini seti ya vipande saba"),
        ("p", "Bei nafuu kwa wateja wa jumla na rejareja"),
        ("p", "Tunafanya usafirishaji hadi mlangoni kwako"),
    ]),
]

# --- real articles close to the thresholds, which must pass -------------------------------

BORDERLINE = [
    # a short brief: a little over min_words
    ("borderline_article", "habari", "Kivuko kipya chaanza kazi ziwani", [
        ("p", "Kivuko kipya kinachobeba abiria mia mbili na magari kumi kimeanza kufanya safari "
              "zake kati ya bandari mbili za ziwa leo asubuhi."),
        ("p", "Nahodha wa kivuko hicho amesema safari zitafanyika mara nne kwa siku, na nauli "
              "hazitabadilika kwa sasa."),
        ("p", "Wakazi wa visiwani wamefurahia huduma hiyo kwa kuwa kivuko cha zamani kilikuwa "
              "kikiharibika mara kwa mara."),
    ]),
    # a budget report: many figures, still under the non-alphabetic ratio
    ("borderline_article", "biashara", "Halmashauri yapitisha bajeti ya shilingi bilioni 42", [
        ("p", "Baraza la madiwani limepitisha bajeti ya shilingi bilioni 42.6 kwa mwaka wa fedha "
              "2024/2025, ikiwa ni ongezeko la asilimia 8.5 ikilinganishwa na bajeti ya mwaka "
              "uliopita ya shilingi bilioni 39.3."),
        ("p", "Kwa mujibu wa Mweka Hazina wa halmashauri, shilingi bilioni 18.2 zitatumika kwa "
              "mishahara, bilioni 9.7 kwa matumizi mengineyo na bilioni 14.7 kwa miradi ya "
              "maendeleo. Mapato ya ndani yanatarajiwa kufikia shilingi bilioni 6.4."),
        ("p", "Miradi iliyopewa kipaumbele ni ujenzi wa vyumba 120 vya madarasa, zahanati 7 na "
              "visima 35 vya maji. Madiwani 28 kati ya 31 walipiga kura kuunga mkono bajeti hiyo."),
        ("p", "Mwenyekiti wa halmashauri amewataka watendaji kukusanya mapato kwa uaminifu ili "
              "miradi yote ikamilike kabla ya Juni 2025."),
    ]),
    # an article with a list: some unpunctuated lines, but enough punctuated ones
    ("borderline_article", "afya", "Dalili za malaria ambazo hupaswi kupuuza", [
        ("p", "Malaria bado ni mojawapo ya magonjwa yanayosababisha vifo vingi vya watoto katika "
              "maeneo yenye mbu wengi. Wataalamu wa afya wanashauri kila mtu kuzifahamu dalili "
              "zake mapema."),
        ("h2", "Dalili kuu"),
        ("li", "Homa kali na kutetemeka"), ("li", "Maumivu ya kichwa na viungo"),
        ("li", "Kichefuchefu na kutapika"), ("li", "Uchovu usio wa kawaida"),
        ("li", "Kukosa hamu ya kula"), ("li", "Jasho jingi wakati wa usiku"),
        ("li", "Maumivu ya tumbo kwa watoto"), ("li", "Degedege kwa watoto wadogo"),
        ("p", "Mtu mwenye dalili hizi anapaswa kwenda kituo cha afya kupimwa ndani ya saa 24. "
              "Matibabu ya mapema huzuia malaria kali na madhara yake."),
        ("p", "Kulala ndani ya chandarua kilichowekwa dawa, kufyeka vichaka na kufukia madimbwi "
              "karibu na nyumba hupunguza mbu kwa kiasi kikubwa."),
        ("p", "Wajawazito na watoto chini ya miaka mitano wako katika hatari kubwa zaidi, hivyo "
              "wanashauriwa kuhudhuria kliniki mara kwa mara."),
    ]),
]

QUALITY_PAGES = FEW_WORDS + LONG_WORDS + NON_ALPHA + FEW_STOPWORDS + DUP_LINES + FEW_PUNCT_LINES + BORDERLINE
