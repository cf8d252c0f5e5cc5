"""Swahili topic banks, part 2: government notices, business, environment,
technology, recipes. Written for langforge's sample crawl."""

SERIKALI = {
    "section": "matangazo",
    "titles": [
        "Tangazo kwa umma: zoezi la kuhuisha daftari la wakazi wa {district}",
        "Halmashauri ya {town} yatangaza nafasi za kazi",
        "Taarifa ya kukatika kwa maji katika mitaa ya {village}",
        "Mkuu wa mkoa wa {region} azindua mradi wa barabara",
        "Wananchi wa {district} watakiwa kulipa kodi ya majengo kwa wakati",
    ],
    "leads": [
        "Halmashauri ya Wilaya ya {district} inawatangazia wananchi wote kuwa zoezi la uandikishaji litaanza tarehe {day} {month}.",
        "Ofisi ya Mkuu wa Mkoa wa {region} inapenda kuwajulisha wakazi wote kuhusu utekelezaji wa mradi mpya wa maendeleo.",
        "Mamlaka ya Maji inawataarifu wateja wake wa mitaa ya {village} na maeneo jirani kuhusu matengenezo ya bomba kuu.",
        "Serikali imeidhinisha {money} kwa ajili ya ujenzi wa barabara ya lami yenye urefu wa kilomita {n_small}.",
    ],
    "body": [
        "Wananchi wanatakiwa kufika katika ofisi za kata wakiwa na kitambulisho halali na barua ya utambulisho kutoka kwa mwenyekiti wa mtaa.",
        "Huduma hii inatolewa bila malipo yoyote, hivyo mtu yeyote atakayeombwa fedha atoe taarifa mara moja kwa mamlaka husika.",
        "Waombaji wa nafasi za kazi wanatakiwa kuwa raia, wenye umri kati ya miaka kumi na nane na arobaini na tano.",
        "Barua za maombi ziambatanishwe na nakala za vyeti vya taaluma, cheti cha kuzaliwa na picha mbili za pasipoti.",
        "Mwisho wa kupokea maombi ni tarehe {day} {month}, na maombi yatakayochelewa hayatashughulikiwa.",
        "Huduma ya maji itasitishwa kuanzia saa mbili asubuhi hadi saa kumi jioni ili kupisha matengenezo ya dharura.",
        "Wateja wanashauriwa kuhifadhi maji ya kutosha mapema na kuepuka matumizi yasiyo ya lazima wakati wa zoezi hilo.",
        "Mradi huo utaunganisha makao makuu ya wilaya na vijiji {n_small} ambavyo kwa muda mrefu vimekuwa havifikiki wakati wa mvua.",
        "Mkandarasi ameagizwa kutoa ajira kwa vijana wa maeneo ambayo barabara inapita na kukamilisha kazi ndani ya miezi kumi na nane.",
        "Kodi ya majengo inaweza kulipwa kupitia benki, mawakala au simu ya mkononi kwa kutumia namba ya malipo iliyotolewa.",
        "Wamiliki wa majengo watakaoshindwa kulipa kwa wakati watatozwa adhabu kwa mujibu wa sheria ndogo za halmashauri.",
        "Mapato yanayokusanywa yanatumika kujenga zahanati, shule, masoko na kuboresha huduma za usafi katika miji.",
        "Viongozi wa vijiji wameagizwa kuitisha mikutano ya hadhara na kusoma taarifa za mapato na matumizi kila robo mwaka.",
        "Wananchi wanakumbushwa kutunza alama za barabarani na kutoa taarifa kuhusu wanaoharibu miundombinu ya umma.",
        "Kwa maelezo zaidi, wasiliana na ofisi ya Mkurugenzi Mtendaji kwa simu au fika ofisini siku za kazi.",
        "Zoezi hili ni muhimu kwa mipango ya maendeleo kwa sababu takwimu sahihi husaidia kugawa rasilimali kwa haki.",
        "Ofisi itaendelea kutoa taarifa kupitia mbao za matangazo, redio ya jamii na tovuti rasmi ya halmashauri.",
    ],
    "quotes": [
        "\"Serikali itaendelea kushirikiana na wananchi katika kila hatua ya mradi huu,\" alisema {person}, {role}.",
        "\"Tunaomba radhi kwa usumbufu utakaojitokeza na tunawashukuru kwa uvumilivu,\" ilisema sehemu ya taarifa hiyo.",
    ],
    "subjects": [("wananchi", "mwananchi"), ("viongozi wa vijiji", "kiongozi wa kijiji"),
                 ("wamiliki wa majengo", "mmiliki wa jengo"), ("watendaji wa kata", "mtendaji wa kata")],
    "actions": [
        ("lipa", "kodi ya majengo kwa wakati"), ("jiandikisha", "katika daftari la wakazi"),
        ("hudhuria", "mikutano ya hadhara"), ("tunza", "miundombinu ya umma"),
        ("wasilisha", "maombi ya kazi"), ("soma", "taarifa za mapato na matumizi"),
        ("shiriki", "ujenzi wa barabara ya kijiji"), ("kagua", "maendeleo ya mradi"),
        ("hifadhi", "maji ya akiba"), ("fuatilia", "matangazo ya halmashauri"),
    ],
}

BIASHARA = {
    "section": "biashara",
    "titles": [
        "Wafanyabiashara wadogo wa {town} wanufaika na mikopo ya vikundi",
        "Bei ya mafuta ya kupikia yapanda masokoni",
        "Soko jipya la kisasa lajengwa {district}",
        "Ujasiriamali: jinsi ya kuanzisha biashara ndogo kwa mtaji mdogo",
        "Malipo kwa simu yabadilisha biashara vijijini",
    ],
    "leads": [
        "Wafanyabiashara wadogo katika soko kuu la {town} wameeleza kuridhishwa na mfumo mpya wa kupanga vibanda.",
        "Bei ya bidhaa muhimu za nyumbani imepanda kwa asilimia {pct} katika kipindi cha miezi mitatu iliyopita.",
        "Vikundi {n_small} vya wanawake wajasiriamali wilayani {district} vimepokea mikopo isiyo na riba kutoka halmashauri.",
        "Ujenzi wa soko jipya lenye vibanda {n_mid} umefikia asilimia {pct} na unatarajiwa kukamilika mwishoni mwa mwaka.",
    ],
    "body": [
        "Mfanyabiashara wa matunda, {person}, alisema mauzo yake yameongezeka tangu wateja waanze kulipa kwa simu.",
        "Wataalamu wa uchumi wanasema kupanda kwa bei ya mafuta duniani kumeongeza gharama za usafirishaji wa bidhaa.",
        "Ili kuanzisha biashara ndogo, mjasiriamali anashauriwa kuanza kwa kutambua mahitaji ya wateja katika eneo lake.",
        "Kutunza kumbukumbu za mapato na matumizi kila siku humsaidia mfanyabiashara kujua kama anapata faida au hasara.",
        "Mikopo ya vikundi hurejeshwa kwa awamu ndogo za kila wiki, jambo linalowapunguzia wanachama mzigo wa madeni.",
        "Soko jipya litakuwa na maji safi, vyoo, taa za usiku na sehemu maalum ya kuhifadhia bidhaa zinazoharibika haraka.",
        "Wachuuzi wa mitaani wameomba kutengewa maeneo rasmi ili waepuke kufukuzwa na askari wa jiji mara kwa mara.",
        "Bidhaa zinazozalishwa nchini kama sabuni, mafuta ya alizeti na asali zimeanza kupata masoko katika nchi jirani.",
        "Benki imepunguza riba kwa mikopo ya biashara ndogo kutoka asilimia {pct} hadi kiwango cha chini zaidi.",
        "Usajili wa biashara sasa unafanyika kwa mtandao, hivyo mjasiriamali haitaji kusafiri hadi makao makuu ya mkoa.",
        "Gharama ya kukodi kibanda kimoja sokoni ni {money} kwa mwezi, kiasi ambacho wengi wanasema kinamudu.",
        "Ushindani kutoka kwa bidhaa za bei nafuu zinazoingizwa kutoka nje umewalazimu wazalishaji wa ndani kuboresha ubora.",
        "Mafunzo ya ujasiriamali yalihusisha namna ya kupanga bei, kutangaza bidhaa na kuhudumia wateja kwa lugha nzuri.",
        "Wakulima wa {crop} wameanza kuongeza thamani ya mazao yao kwa kuyasindika kabla ya kuyapeleka sokoni.",
        "Mzunguko wa fedha huongezeka sana wakati wa mavuno, na maduka ya vijijini hupata wateja wengi zaidi.",
        "Wafanyabiashara wa mipakani wanasema kuondolewa kwa vizuizi visivyo vya kikodi kumerahisisha biashara ya kikanda.",
    ],
    "quotes": [
        "\"Nilianza na mtaji wa {money}, leo nina wafanyakazi watatu,\" alisema {person2}, mjasiriamali wa {town}.",
        "\"Biashara inahitaji uvumilivu na nidhamu ya fedha,\" alishauri {person}, {role}.",
    ],
    "subjects": [("wafanyabiashara", "mfanyabiashara"), ("wajasiriamali", "mjasiriamali"),
                 ("wachuuzi", "mchuuzi"), ("wanunuzi", "mnunuzi")],
    "actions": [
        ("uza", "bidhaa zao kwa bei nafuu"), ("kopa", "mtaji kutoka vikundi vya kuweka akiba"),
        ("sajili", "biashara zao kwa mtandao"), ("tangaza", "bidhaa kupitia mitandao ya kijamii"),
        ("sindika", "mazao ya {crop}"), ("lipa", "ada ya vibanda sokoni"),
        ("hifadhi", "kumbukumbu za mauzo"), ("nunua", "bidhaa kwa jumla"),
        ("fungua", "maduka mapya vijijini"), ("weka", "akiba katika benki"),
        ("pakia", "asali katika chupa zenye lebo"), ("safirisha", "bidhaa hadi nchi jirani"),
    ],
}

MAZINGIRA = {
    "section": "mazingira",
    "titles": [
        "Wananchi wa {village} wapanda miti {n_big}",
        "Mabadiliko ya tabianchi yaathiri upatikanaji wa maji {district}",
        "Taka za plastiki: tatizo linalokua katika miji yetu",
        "Uhifadhi wa misitu ya asili kwa manufaa ya vizazi vijavyo",
        "Wavuvi wa ziwa waanza kutumia nyavu zinazokubalika",
    ],
    "leads": [
        "Wakazi wa kijiji cha {village} wameungana kupanda miche ya miti katika vyanzo vya maji vilivyokuwa vimeharibiwa.",
        "Ukame unaoendelea katika wilaya ya {district} umesababisha visima vingi kukauka na mifugo kukosa malisho.",
        "Halmashauri ya {town} imeanzisha mfumo wa kutenganisha taka kuanzia majumbani ili kupunguza taka zinazopelekwa dampo.",
        "Jamii zinazoishi kando ya msitu wa {village} zimekubaliana kulinda msitu huo kwa kutumia sheria ndogo za kijiji.",
    ],
    "body": [
        "Miti iliyopandwa ni ya asili na ya matunda, ambayo itasaidia kuzuia mmomonyoko wa udongo na kuongeza kipato cha kaya.",
        "Ukataji wa miti kwa ajili ya mkaa umetajwa kuwa chanzo kikuu cha kupotea kwa misitu katika ukanda huu.",
        "Wataalamu wanaeleza kuwa mvua zimekuwa hazitabiriki, zikinyesha kwa wingi kwa muda mfupi na kusababisha mafuriko.",
        "Taka za plastiki huziba mifereji, husababisha maji kutuama na kuwa mazalia ya mbu wanaoeneza magonjwa.",
        "Vikundi vya vijana vimeanza kukusanya chupa za plastiki na kuziuza kwa viwanda vinavyozirejeleza.",
        "Majiko banifu yanayotumia kuni chache yamesambazwa kwa familia {n_mid} ili kupunguza matumizi ya mkaa.",
        "Wavuvi wamekubali kutovua katika maeneo ya mazalia ya samaki kwa miezi mitatu kila mwaka.",
        "Kilimo kando ya mito kimepigwa marufuku ndani ya mita sitini ili kulinda kingo na ubora wa maji.",
        "Nishati ya jua imeanza kutumika katika shule na zahanati za vijijini ambazo hazijaunganishwa na umeme wa gridi.",
        "Mabwawa ya kuvuna maji ya mvua yamejengwa ili kuwapatia wakazi maji wakati wa kiangazi kirefu.",
        "Wanyamapori wanaotoka hifadhini na kuvamia mashamba wamesababisha hasara kwa wakulima wa vijiji jirani.",
        "Elimu ya mazingira imeingizwa katika klabu za shule, ambapo wanafunzi hutunza bustani na vitalu vya miche.",
        "Uchomaji moto ovyo wa mashamba na misitu umepigwa marufuku, na atakayekiuka atachukuliwa hatua za kisheria.",
        "Mikoko ya pwani inalindwa kwa sababu huzuia mawimbi makali na ni makazi ya samaki wachanga.",
        "Takwimu zinaonyesha kuwa eneo la msitu limepungua kwa asilimia {pct} katika kipindi cha miaka ishirini.",
    ],
    "quotes": [
        "\"Tukiharibu misitu leo, watoto wetu watarithi jangwa,\" alisema {person}, {role}.",
        "\"Kila mwanafunzi anapanda mti wake na kuutunza hadi anapohitimu,\" alieleza {person2}, mwalimu wa mazingira.",
    ],
    "subjects": [("wakazi", "mkazi"), ("wavuvi", "mvuvi"), ("vijana", "kijana"),
                 ("wanafunzi", "mwanafunzi"), ("wanamazingira", "mwanamazingira")],
    "actions": [
        ("panda", "miche ya miti katika vyanzo vya maji"), ("kusanya", "taka za plastiki"),
        ("linda", "misitu ya asili"), ("tumia", "majiko banifu"), ("tunza", "vitalu vya miche"),
        ("safisha", "fukwe za bahari"), ("vuna", "maji ya mvua"), ("zuia", "uchomaji moto ovyo"),
        ("rejeleza", "chupa za plastiki"), ("hamasisha", "jamii kutunza mazingira"),
    ],
}

TEKNOLOJIA = {
    "section": "teknolojia",
    "titles": [
        "Intaneti ya kasi yafika vijijini {district}",
        "Vijana wa {town} wabuni programu ya kuwasaidia wakulima",
        "Jinsi ya kulinda simu yako dhidi ya utapeli mtandaoni",
        "Kompyuta mpakato zagawiwa kwa walimu wa sekondari",
    ],
    "leads": [
        "Kampuni za mawasiliano zimepanua mtandao wa intaneti ya kasi hadi vijiji {n_small} vya wilaya ya {district}.",
        "Kundi la vijana wabunifu kutoka {town} limetengeneza programu ya simu inayotoa taarifa za bei za mazao kila siku.",
        "Matukio ya utapeli kwa njia ya simu yameongezeka, na wataalamu wa usalama mtandaoni wanatoa ushauri kwa watumiaji.",
    ],
    "body": [
        "Programu hiyo inafanya kazi hata kwenye simu za kawaida kupitia ujumbe mfupi, hivyo haimhitaji mtumiaji kuwa na simu janja.",
        "Usiwahi kumpa mtu yeyote namba yako ya siri, hata kama anajitambulisha kuwa mfanyakazi wa kampuni ya simu.",
        "Ujumbe unaokutaka kutuma fedha haraka kwa sababu ya dharura ya ndugu unapaswa kuthibitishwa kwa kupiga simu moja kwa moja.",
        "Vituo vya kutoa huduma za mtandao vimefunguliwa katika ofisi za kata ili wananchi wapate huduma za serikali kwa urahisi.",
        "Walimu wamefundishwa kutumia kompyuta kuandaa maandalizi ya somo na kuhifadhi alama za wanafunzi.",
        "Wabunifu hao walishinda tuzo ya {money} katika shindano la ubunifu wa vijana lililoandaliwa na {org}.",
        "Nishati ya jua inatumika kuchaji simu katika maeneo ambayo bado hayajafikiwa na umeme.",
        "Huduma za kifedha kwa simu zimewawezesha watu wasio na akaunti za benki kuweka akiba na kupokea malipo.",
        "Ni muhimu kusasisha programu za simu mara kwa mara kwa sababu masasisho huziba mianya ya kiusalama.",
        "Wazazi wanashauriwa kufuatilia muda ambao watoto hutumia kwenye skrini na maudhui wanayoyaona mtandaoni.",
        "Gharama ya vifurushi vya intaneti imeshuka, na idadi ya watumiaji imeongezeka kwa asilimia {pct} ndani ya mwaka mmoja.",
        "Mafunzo ya uandishi wa programu kwa wasichana yamevutia washiriki {n_mid} kutoka shule za sekondari za mkoa huo.",
    ],
    "quotes": [
        "\"Teknolojia inapaswa kutatua matatizo halisi ya watu wetu,\" alisema {person}, mmoja wa wabunifu.",
        "\"Ukipokea ujumbe wa kutiliwa shaka, usijibu; ripoti,\" alishauri {person2}, mtaalamu wa usalama mtandaoni.",
    ],
    "subjects": [("vijana", "kijana"), ("watumiaji wa simu", "mtumiaji"), ("walimu", "mwalimu"),
                 ("wabunifu", "mbunifu")],
    "actions": [
        ("tumia", "huduma za kifedha kwa simu"), ("buni", "programu za kilimo"),
        ("sasisha", "programu za simu zao"), ("ripoti", "ujumbe wa utapeli"),
        ("jifunza", "uandishi wa programu"), ("nunua", "vifurushi vya intaneti"),
        ("hifadhi", "nyaraka zao mtandaoni"), ("linda", "namba zao za siri"),
    ],
}

SERIKALI["actions"] += [
    ("kamilisha", "ujenzi wa ofisi ya kijiji"), ("simamia", "matumizi ya fedha za umma"),
    ("kusanya", "mapato ya ndani ya halmashauri"), ("chagua", "kamati mpya ya maji"),
    ("pitisha", "bajeti ya mwaka wa fedha"), ("tatua", "migogoro ya mipaka ya ardhi"),
]
BIASHARA["actions"] += [
    ("agiza", "bidhaa kutoka viwandani"), ("punguza", "bei ya bidhaa za msimu"),
    ("jenga", "vibanda vya kisasa sokoni"), ("ajiri", "vijana wa mtaani"),
    ("fungasha", "unga wa lishe kwa ajili ya kuuza"), ("shindana", "na bidhaa za nje kwa ubora"),
]
MAZINGIRA["actions"] += [
    ("fukia", "mashimo ya taka kwa udongo"), ("pogoa", "miti ya matunda shuleni"),
    ("ondoa", "magugu maji katika ziwa"), ("hifadhi", "mikoko ya pwani"),
    ("chunga", "mifugo mbali na vyanzo vya maji"), ("weka", "mizinga ya nyuki msituni"),
]
TEKNOLOJIA["actions"] += [
    ("unganisha", "shule na mtandao wa intaneti"), ("rekebisha", "simu na kompyuta zilizoharibika"),
    ("fundisha", "wazee kutumia simu janja"), ("tengeneza", "tovuti za biashara ndogo"),
    ("chaji", "simu kwa nishati ya jua"), ("pakua", "vitabu vya kielektroniki"),
]
SERIKALI["actions"] += [("tangaza", "matokeo ya uchaguzi wa serikali za mitaa"), ("pima", "viwanja vipya vya makazi"),
                        ("gawa", "hati miliki za ardhi"), ("fungua", "ofisi mpya ya huduma kwa wateja"),
                        ("rasimisha", "makazi yasiyopimwa"), ("sikiliza", "kero za wananchi")]
BIASHARA["actions"] += [("kadiria", "faida ya kila mwezi"), ("linganisha", "bei za wasambazaji"),
                        ("hudumia", "wateja kwa lugha nzuri"), ("ongeza", "thamani ya bidhaa zao"),
                        ("zalisha", "sabuni za asili"), ("rejesha", "mikopo kwa wakati")]
MAZINGIRA["actions"] += [("oteshea", "miche katika vitalu vya shule"), ("chambua", "taka za nyumbani"),
                         ("fyeka", "vichaka vinavyoficha mbu"), ("zibua", "mitaro iliyoziba"),
                         ("simamisha", "uvuvi haramu"), ("fuatilia", "mwenendo wa mvua")]
TEKNOLOJIA["actions"] += [("chapisha", "makala za kielimu mtandaoni"), ("hariri", "video fupi za mafunzo"),
                          ("thibitisha", "miamala kabla ya kutuma fedha"), ("futa", "programu zisizoaminika"),
                          ("boresha", "huduma za mtandao vijijini"), ("hifadhi", "nakala za picha kwenye wingu")]
