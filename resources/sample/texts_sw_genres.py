"""Swahili genre banks: recipes, short stories, forum threads and personal blog
posts. Written for langforge's sample crawl (not copied from any source)."""

# name, intro, ingredients, steps
RECIPES = [
    ("Pilau ya nyama", "Pilau ni chakula kinachopendwa sana katika sherehe za pwani na hata vijijini.",
     ["vikombe vitatu vya mchele", "nusu kilo ya nyama ya ng'ombe", "vitunguu maji viwili",
      "kijiko kimoja cha bizari ya pilau", "punje tano za kitunguu saumu", "chumvi kiasi", "mafuta ya kupikia"],
     ["Chemsha nyama pamoja na chumvi na kitunguu saumu mpaka iive vizuri, kisha hifadhi supu yake.",
      "Kaanga vitunguu kwenye mafuta hadi vibadilike rangi kuwa kahawia bila kuungua.",
      "Ongeza bizari ya pilau na nyama, kisha koroga kwa dakika mbili ili harufu itoke.",
      "Weka mchele uliooshwa na kumimina supu ya nyama kiasi cha kufunika mchele kwa sentimita mbili.",
      "Punguza moto, funika sufuria na acha pilau ikauke taratibu kwa dakika ishirini."]),
    ("Maharage ya nazi", "Maharage yaliyopikwa kwa tui la nazi ni mboga yenye protini nyingi na ladha tamu.",
     ["vikombe viwili vya maharage", "nazi moja iliyokunwa", "kitunguu kimoja", "nyanya mbili",
      "pilipili hoho moja", "chumvi kiasi"],
     ["Loweka maharage usiku mzima ili yaive haraka na kupunguza gesi tumboni.",
      "Chemsha maharage hadi yalainike, kisha mwaga maji yaliyozidi.",
      "Kamua nazi upate tui zito na tui jepesi, ukiyaweka kila moja kwenye bakuli lake.",
      "Kaanga kitunguu, nyanya na pilipili hoho, kisha changanya na maharage pamoja na tui jepesi.",
      "Mwisho ongeza tui zito na uache lichemke kidogo tu ili lisikatike."]),
    ("Chapati laini", "Chapati laini hupikwa kwa subira, na siri yake kubwa ni kukanda unga vizuri.",
     ["vikombe vinne vya unga wa ngano", "kijiko kimoja cha sukari", "chumvi kidogo",
      "maji ya uvuguvugu", "mafuta ya kupikia"],
     ["Changanya unga, sukari na chumvi, kisha ongeza maji kidogo kidogo huku ukikanda.",
      "Kanda donge kwa dakika kumi hadi liwe laini na lisinate mikononi.",
      "Gawanya donge katika madonge madogo, sukuma kila moja na paka mafuta kabla ya kulikunja.",
      "Acha madonge yapumzike kwa nusu saa kabla ya kuyasukuma tena kwa umbo la duara.",
      "Choma kila chapati kwenye kikaango cha moto wa wastani, ukigeuza hadi pande zote ziwe na madoa ya kahawia."]),
    ("Mchuzi wa samaki", "Mchuzi wa samaki wa ziwani au baharini huliwa kwa ugali au wali.",
     ["samaki wawili wa wastani", "limau moja", "vitunguu viwili", "nyanya tatu",
      "kijiko cha binzari manjano", "tui la nazi", "chumvi na pilipili"],
     ["Safisha samaki, wakate vipande na uwapake chumvi, binzari na maji ya limau.",
      "Kaanga vipande vya samaki kwa mafuta kidogo hadi viwe na rangi ya dhahabu.",
      "Katika sufuria nyingine, kaanga vitunguu na nyanya hadi vilainike kuwa rojo.",
      "Mimina tui la nazi na uache lichemke kabla ya kutumbukiza samaki.",
      "Pika kwa moto mdogo kwa dakika kumi ili samaki wanyonye ladha ya mchuzi."]),
    ("Uji wa ulezi", "Uji wa ulezi ni kinywaji chenye nguvu kinachofaa watoto, wazee na wagonjwa.",
     ["vijiko sita vya unga wa ulezi", "vikombe vinne vya maji", "maziwa nusu kikombe",
      "sukari au asali kiasi", "limau au ukwaju kidogo"],
     ["Koroga unga katika maji baridi kidogo ili usifanye mabonge.",
      "Chemsha maji yaliyobaki, kisha mimina mchanganyiko wa unga huku ukikoroga bila kuacha.",
      "Punguza moto na upike kwa dakika kumi na tano, ukikoroga mara kwa mara.",
      "Ongeza maziwa na asali, kisha tia matone machache ya limau kwa ladha ya uchachu."]),
    ("Mandazi ya nazi", "Mandazi ni kitafunwa maarufu cha asubuhi, hasa yakinywewa pamoja na chai.",
     ["vikombe vitatu vya unga", "tui la nazi kikombe kimoja", "nusu kikombe cha sukari",
      "kijiko kimoja cha hamira", "iliki iliyosagwa", "mafuta ya kukaangia"],
     ["Changanya unga, sukari, iliki na hamira kwenye bakuli kubwa.",
      "Ongeza tui la nazi taratibu na ukande hadi upate donge laini.",
      "Funika donge na uliache liumuke mahali penye joto kwa saa moja.",
      "Sukuma donge, kata vipande vya pembetatu na uvikaange kwenye mafuta ya moto hadi viumuke."]),
    ("Mchicha wa karanga", "Mchicha uliopikwa kwa karanga ni mboga ya majani yenye madini mengi na bei nafuu.",
     ["mafungu mawili ya mchicha", "kikombe kimoja cha karanga zilizosagwa", "kitunguu kimoja",
      "nyanya mbili", "chumvi kiasi"],
     ["Osha mchicha vizuri kwa maji mengi ili kuondoa mchanga, kisha ukatekate.",
      "Changanya karanga zilizosagwa na maji kidogo upate rojo zito.",
      "Kaanga kitunguu na nyanya, ongeza rojo la karanga na uache lichemke huku ukikoroga.",
      "Tia mchicha na upike kwa dakika tano tu ili usipoteze rangi yake ya kijani na virutubisho."]),
    ("Ndizi za nyama", "Ndizi mbichi zilizopikwa na nyama ni chakula cha asili cha wakazi wa maeneo ya milimani.",
     ["ndizi mbichi kumi", "robo kilo ya nyama", "kitunguu kimoja", "nyanya mbili",
      "karoti moja", "chumvi"],
     ["Menya ndizi na uziweke kwenye maji yenye chumvi ili zisibadilike rangi.",
      "Chemsha nyama hadi ikaribie kuiva, kisha ongeza kitunguu, nyanya na karoti.",
      "Tumbukiza ndizi na maji ya kutosha, funika na upike hadi ndizi ziwe laini.",
      "Ponda ndizi chache ili mchuzi uwe mzito, kisha pakua zikiwa bado za moto."]),
]

RECIPE_TIPS = [
    "Kwa familia ya watu wanne, kiasi hiki kinatosha mlo mmoja wa mchana au wa jioni.",
    "Ukitaka ladha zaidi, unaweza kuongeza majani ya giligilani mwishoni kabla ya kupakua.",
    "Tumia sufuria yenye kitako kinene ili chakula kisiungue chini.",
    "Chakula hiki kinaweza kuhifadhiwa kwenye jokofu kwa siku mbili bila kuharibika.",
    "Watoto hupenda zaidi chakula hiki kikiwa na pilipili kidogo sana au bila pilipili kabisa.",
    "Nimejifunza mapishi haya kutoka kwa bibi yangu, aliyekuwa mpishi maarufu katika harusi za mtaa wetu.",
    "Kama huna nazi mbichi, unga wa nazi uliochanganywa na maji ya uvuguvugu unafaa pia.",
    "Ni vyema kuosha mikono na vyombo vyote kabla ya kuanza kupika.",
]

STORIES = [
    ("Sungura na Fisi katika msimu wa njaa",
     "Hapo zamani za kale, katika msitu mkubwa karibu na kijiji cha {village}, waliishi Sungura na Fisi. "
     "Ulikuja msimu wa njaa, mvua zikakataa kunyesha na miti ikapukutisha majani yake yote. "
     "Fisi alikuwa na tabia ya kula bila kufikiria kesho, lakini Sungura alikuwa ameficha mbegu chache chini ya mwamba.\n"
     "Siku moja Fisi alimfuata Sungura akitaka kujua siri ya afya yake nzuri. Sungura alimwambia, "
     "\"Rafiki yangu, chakula kidogo kinachotunzwa vizuri kinashinda karamu ya siku moja.\" "
     "Fisi alicheka kwa dharau, akaenda zake kuwinda mbali.\n"
     "Mvua ziliporudi, Sungura alipanda mbegu zake na kuvuna mara mbili ya alichopanda. "
     "Fisi, aliyekuwa amekonda sana, alirudi kuomba msaada. Sungura alimpa chakula, lakini kwa sharti moja: "
     "amsaidie kulima shamba msimu ujao. Tangu siku hiyo Fisi alijifunza thamani ya kuweka akiba.\n"
     "Funzo: Mchumia juani hulia kivulini."),
    ("Mwalimu {first} na kisima cha shule",
     "Mwalimu {first} alihamishiwa shule ya msingi {village} mwaka {year}. Alipofika, aligundua kuwa wanafunzi "
     "walitembea umbali mrefu kila asubuhi kuchota maji kabla ya masomo kuanza, na wengi walichelewa darasani.\n"
     "Aliitisha mkutano wa wazazi na kuwaeleza wazo lake la kuchimba kisima ndani ya eneo la shule. "
     "Baadhi walisema haiwezekani kwa sababu hawana fedha, wengine wakaahidi kuchangia nguvu zao.\n"
     "Kwa miezi mitatu, wazazi walichimba kwa zamu huku walimu wakiandika barua kwa wadau mbalimbali. "
     "Mfanyabiashara mmoja wa {town} alijitolea kununua pampu ya mkono, na shirika dogo likatoa mabomba.\n"
     "Siku maji yalipotoka kwa mara ya kwanza, watoto waliimba na kucheza uwanjani. "
     "Mahudhurio yaliongezeka, na mwaka uliofuata shule ilikuwa ya kwanza katika kata kwa matokeo ya mtihani. "
     "Hadi leo wakazi wanasema: umoja ni nguvu, utengano ni udhaifu."),
    ("Safari ya {first} kwenda mjini",
     "{first} alikuwa kijana wa miaka kumi na minane aliyeishi na bibi yake katika kijiji cha {village}. "
     "Ndoto yake ilikuwa kwenda {town} kutafuta kazi na kumjengea bibi nyumba imara.\n"
     "Alipofika mjini, kila kitu kilikuwa kigeni: magari mengi, kelele za wachuuzi na watu wanaotembea kwa haraka. "
     "Kwa wiki mbili alilala kwa rafiki wa mjomba wake huku akitafuta kibarua kila siku bila mafanikio.\n"
     "Siku moja aliona fundi seremala akihangaika kubeba mbao peke yake. {first} alimsaidia bila kuombwa. "
     "Fundi yule alifurahishwa na bidii yake, akamchukua kuwa msaidizi wake karakana.\n"
     "Baada ya miaka mitatu, {first} alikuwa fundi stadi mwenye wateja wake mwenyewe. "
     "Alirudi kijijini na kumjengea bibi yake nyumba ya matofali, na kuanzisha karakana ndogo ya kufundisha vijana wengine."),
    ("Kobe na ndege wa angani",
     "Kobe alitamani sana kuruka kama ndege. Kila asubuhi aliwatazama wakipaa juu ya miti na kuimba kwa furaha.\n"
     "Siku moja aliwaomba ndege wawili wamsaidie. Walileta fimbo, wakamwambia aishike kwa mdomo wake kwa nguvu "
     "na asiseme neno lolote wakati wote wa safari.\n"
     "Walipaa juu ya mashamba na mto mkubwa. Wanyama wa chini walipomwona Kobe angani, walishangaa na kupiga kelele. "
     "Kobe alitaka kujibu sifa zao, akafungua mdomo, na papo hapo akaanguka chini kwenye kichaka.\n"
     "Hakuumia sana, lakini gamba lake lilipata nyufa ambazo, kwa mujibu wa wazee, zinaonekana hadi leo. "
     "Funzo la hadithi hii ni kwamba majivuno na kukosa subira humwangusha mtu kabla hajafika anakokwenda."),
]

FORUM_THREADS = [
    ("Mbegu gani za {crop} zinafaa eneo lenye mvua kidogo?",
     "Habari wanajukwaa. Mimi ni mkulima mdogo wa {district}, nina ekari mbili. Msimu uliopita mvua zilikuwa chache na "
     "nilipata hasara kubwa. Naomba ushauri wa mbegu zinazostahimili ukame na mahali pa kuzipata."),
    ("Mtoto wangu ana homa kila wiki, nifanye nini?",
     "Wadau naomba msaada. Mtoto wangu wa miaka minne anapata homa mara kwa mara. Tumeshaenda zahanati mara tatu "
     "na wanampa dawa tu. Je, kuna vipimo vingine ninavyopaswa kuomba?"),
    ("Simu yangu imeibiwa na akaunti ya pesa imetumika",
     "Jana simu yangu iliibiwa stendi ya {town} na leo nimegundua fedha zimetolewa kwenye akaunti. "
     "Nimeshaenda polisi lakini sijui hatua inayofuata. Kuna aliyewahi kupata tatizo kama hili?"),
    ("Ni kozi gani nzuri ya ufundi baada ya kidato cha nne?",
     "Nimemaliza kidato cha nne mwaka huu na sikupata alama za kuendelea kidato cha tano. "
     "Nafikiria kusoma ufundi lakini sijui nichague umeme, ujenzi au ufundi magari. Mnashauri nini?"),
    ("Ufugaji wa kuku wa kienyeji unalipa kweli?",
     "Wakuu, nina mtaji wa {money} na nataka kuanza ufugaji wa kuku wa kienyeji kijijini kwetu {village}. "
     "Naomba mwenye uzoefu anieleze changamoto na faida halisi, sio zile za kwenye matangazo."),
    ("Bei ya mbolea imepanda sana mwaka huu",
     "Jamani, kule {district} mfuko mmoja wa mbolea ya kupandia sasa unauzwa kwa {money}. "
     "Wakulima wadogo tutaweza vipi? Kuna mbadala wa bei nafuu unaofanya kazi vizuri?"),
]

FORUM_REPLIES = [
    "Pole sana mkuu. Mimi nilipata tatizo kama hilo, ushauri wangu ni uende ofisi ya kilimo ya wilaya, wana orodha ya wauzaji waliothibitishwa.",
    "Usikate tamaa. Anza kidogo, jifunze kwanza, kisha ongeza ukubwa kadri unavyopata uzoefu.",
    "Nakushauri umwone daktari wa watoto katika hospitali ya wilaya, si zahanati tu. Waombe kipimo cha damu kamili.",
    "Ukweli ni kwamba inategemea sana soko lako. Kabla ya kuanza, tafuta wateja wa uhakika kama hoteli au migahawa.",
    "Mimi nilisoma umeme wa majumbani miaka mitano iliyopita na sasa najitegemea. Kazi ipo kama una bidii.",
    "Kwa uzoefu wangu, samadi iliyooza vizuri ikichanganywa na mbolea kidogo ya viwandani inatoa matokeo mazuri.",
    "Piga simu kwa huduma kwa wateja wa kampuni ya simu mara moja ili wazuie laini na akaunti yako.",
    "Hili ni tatizo la wengi. Serikali ingeweza kutoa ruzuku kwa pembejeo kama ilivyokuwa zamani.",
    "Asante kwa swali zuri, hata mimi nilikuwa najiuliza hivyo hivyo. Nafuatilia majibu.",
    "Chanjo ni muhimu sana kwa kuku. Bila chanjo ya mdondo, unaweza kupoteza kundi zima ndani ya wiki moja.",
    "Kozi za ufundi ni nzuri, lakini chagua chuo kilichosajiliwa na kinachotoa mafunzo kwa vitendo.",
    "Hakikisha mtoto analala ndani ya chandarua na maji ya kunywa yanachemshwa. Mara nyingi hiyo husaidia.",
    "Ndugu, usitume namba ya siri kwa mtu yeyote. Wezi wengi hutumia ujanja wa kujifanya wafanyakazi wa kampuni.",
    "Mimi nimefuga kuku kwa miaka mitatu. Faida ipo, ila magonjwa na wizi ndizo changamoto kubwa.",
]

BLOG_OPENINGS = [
    "Leo nimeamua kuandika kuhusu jambo ambalo limekuwa likinisumbua akilini kwa muda mrefu.",
    "Wapendwa wasomaji wa blogu hii, karibuni tena baada ya kimya cha wiki kadhaa.",
    "Nilipokuwa mdogo, bibi yangu alikuwa akituambia hadithi kila jioni chini ya mwembe.",
    "Wiki iliyopita nilipata nafasi ya kutembelea {town}, mji ambao sikuwa nimeuona kwa miaka mingi.",
]
BLOG_LINES = [
    "Maisha ya mjini yana changamoto zake, lakini pia yanafungua milango ambayo kijijini haipo.",
    "Nimegundua kwamba watu wengi wanapenda kusoma makala fupi zenye mifano halisi ya maisha.",
    "Safari yetu ilianza alfajiri, tukapanda basi lililojaa abiria, mizigo na kuku wawili kwenye kikapu.",
    "Njiani tuliona mashamba makubwa ya {crop}, milima ya kijani na watoto wakichunga mbuzi kando ya barabara.",
    "Nilipofika, wenyeji walinikaribisha kwa chai ya tangawizi na maandazi ya moto.",
    "Lugha ya Kiswahili inaendelea kukua, na maneno mapya huzaliwa kila siku kutokana na teknolojia.",
    "Kuna methali isemayo haba na haba hujaza kibaba, na nimeona ukweli wake katika maisha yangu ya kuweka akiba.",
    "Nawashauri vijana wasiogope kuanza kidogo; hakuna aliyeanza akiwa na kila kitu.",
    "Jioni tulikaa ufukweni tukitazama jua likizama polepole nyuma ya vyombo vya wavuvi.",
    "Mwisho wa siku, familia na marafiki ndio hazina kubwa kuliko mali yoyote.",
    "Nimeamua kuanza kusoma angalau kitabu kimoja kila mwezi, na mwezi huu nimemaliza riwaya ya kusisimua.",
    "Masoko ya asubuhi yana harufu ya samaki wabichi, matunda yaliyoiva na kahawa inayochemka kwenye majiko ya mkaa.",
    "Mvua ya usiku ilipoa joto, na asubuhi hewa ilikuwa safi kama ya milimani.",
    "Naomba maoni yenu hapa chini: je, mmewahi kukutana na hali kama hii?",
]

STORY_NOTES = [
    "Hadithi hii ilisimuliwa na bibi mmoja wa kijiji cha {village} wakati wa jioni, watoto walipokuwa wamekaa kuzunguka moto wakisubiri chakula cha usiku.",
    "Tumeiandika hadithi hii kama tulivyoisikia kutoka kwa wazee wa {district}, kwa lengo la kuhifadhi utamaduni wa masimulizi kwa vizazi vijavyo.",
    "Walimu wa Kiswahili wanaweza kuitumia hadithi hii darasani kufundisha wahusika, mandhari, methali na mafunzo ya maisha.",
]
STORY_QUESTIONS = [
    "Je, wahusika wakuu wa hadithi hii ni akina nani, na kila mmoja ana tabia gani?",
    "Unafikiri funzo kuu la hadithi hii ni lipi katika maisha ya leo?",
    "Ungefanya nini kama ungekuwa mhusika mkuu wa hadithi hii?",
    "Eleza tukio lililokuvutia zaidi na utoe sababu zako.",
    "Taja methali nyingine inayoendana na ujumbe wa hadithi hii.",
]
