"""Zulu (zul_Latn) pages of the sample, written for langforge (CC-BY-4.0)."""

DOMAINS = ["izindabazakwazulu.co.za", "ilangalethu.co.za", "umthombo-news.co.za"]
UI = {"nav": ["Ikhaya", "Izindaba", "Ezombusazwe", "Ezomnotho", "Ezemidlalo", "Ezempilo", "Xhumana Nathi"],
      "cookie": "Le webhusayithi isebenzisa amakhukhi ukuze ithuthukise izinsizakalo zethu.", "accept": "Ngiyavuma",
      "footer": ["Mayelana Nathi", "Inqubomgomo Yobumfihlo", "Khangisa Nathi"], "rights": "Wonke amalungelo agodliwe",
      "related": "Izindaba ezihlobene", "popular": "Ezifundwa kakhulu", "comments": "Imibono yabafundi",
      "comment_texts": ["Siyabonga ngalolu daba.", "Lokhu kuyinto enhle kakhulu.", "Uhulumeni makalubheke lolu daba."],
      "search": "Sesha", "subscribe": "Bhalisela ukuthola izindaba nsuku zonke"}
ARTICLES = [
    ("ezolimo", "Abalimi baseMsinga balungiselela isikhathi semvula", [
        "Abalimi basemaphandleni aseMsinga sebeqalile ukulungisa amasimu abo ukuze balungele isikhathi sokutshala kulo nyaka. "
        "Abaningi bathi imvula yokuqala yana ngaphambi kwesikhathi ebebesilindele, futhi lokhu kubanike ithemba elikhulu. "
        "UBaba Mkhize, osenesikhathi esingamashumi amathathu eminyaka elima, uthi ufuna ukutshala ummbila nobhontshisi kulo nyaka.",
        "Uthi intengo yomanyolo isiphakeme kakhulu ezitolo, ngakho abanye abalimi sebesebenzisa umquba wemfuyo. "
        "Baqoqa amadlelo ezinkomo nawezimbuzi emgodini aze abole, bese bewasakaza ensimini ngaphambi kokutshala. "
        "Uchaza ukuthi le ndlela ayibizi imali eningi, futhi isiza umhlabathi ukuthi ugcine amanzi isikhathi eside.",
        "Izikhulu zoMnyango wezoLimo zivakashele isigodi ngesonto eledlule ukuze zifundise abalimi ukukhetha imbewu enhle. "
        "Zibakhombise uhlobo lommbila olukwazi ukumelana nesomiso, oluvuthwa ezinsukwini ezingamashumi ayisishiyagalolunye kuphela. "
        "Abanye abasha bathi bazoqala ngokuluzama engxenyeni encane yamasimu abo.",
        "Nokho abalimi bakhala ngokuntuleka kwemigwaqo emihle yokuthutha izitshalo zabo ziye ezimakethe. "
        "Uma imvula inkulu, izimoto azikwazi ukungena ezigodini eziningi, bese isivuno sibola ezinqolobaneni. "
        "Usihlalo wenhlangano yabalimi ucele umasipala ukuthi ulungise umgwaqo oxhumanisa izigodi nedolobha elikhulu.",
        "Abalimi bathi bazohlangana futhi ngenyanga ezayo ukuze baxoxe ngokuthengisa isivuno ndawonye. Bakholelwa ukuthi uma bedayisa ngokubambisana bazothola intengo engcono ezimakethe zasedolobheni. Abesifazane abalima imifino nabo bacelwe ukuthi bajoyine le nhlangano.",
    ]),
    ("ezempilo", "Umtholampilo uqala umkhankaso wokugoma izingane", [
        "Umtholampilo omkhulu wedolobha laseNewcastle uqale umkhankaso omusha wokugoma izingane ezincane ngoMsombuluko. "
        "Umkhankaso uzothatha amasonto amabili, futhi abasebenzi bezempilo bazohamba indlu ngendlu ukuze kungashiywa ngaphandle ingane. "
        "Odokotela bathi umgomo uvikela izingane ezifweni ezifana nesimungumungwane, uvendle kanye nokukhwehlela okunzima.",
        "Unesi ogama lakhe nguNkosazana Dlamini uthi omama abaningi bafike ngosuku lokuqala. "
        "Uchaza ukuthi phambilini abanye abazali bebesaba umjovo, kodwa manje sebeyaqonda ukubaluleka kwawo. "
        "Izinduna nabaholi bamasonto basize ekwazisweni komphakathi ngokukhuluma emihlanganweni nasezimakethe.",
        "Udokotela ophethe lo mkhankaso uthe umuthi wokugoma kufanele ugcinwe endaweni ebandayo ngaso sonke isikhathi. "
        "Ngakho-ke umtholampilo uthenge amafriji amasha asebenza ngamandla elanga ukuze asetshenziswe ezigodini ezingenawo ugesi. "
        "Uqhube wathi ingane engatholanga yonke imijovo yayo isengozini enkulu uma kuqubuka isifo.",
        "Ngaphandle kokugoma, abasebenzi bezempilo baphinde bakala isisindo sezingane futhi beluleke abazali ngokudla okunempilo. "
        "Bakhuthaze omama ukuthi bancelise izingane ubisi lwebele kuphela ezinyangeni eziyisithupha zokuqala. "
        "Abazali abaningi bathi bajabule ngendlela umsebenzi ohlelwe ngayo, futhi bafisa ukuthi uqhubeke minyaka yonke.",
        "Umtholampilo uthe abazali abangakwazanga ukufika ngalezi zinsuku bangaletha izingane zabo noma nini ngoLwesithathu. Amakhadi okugoma kufanele agcinwe kahle ngoba ayadingeka lapho ingane iqala isikole. Abaphethe lo mkhankaso bazokhipha umbiko wokugcina ekupheleni kwenyanga.",
    ]),
    ("ezomnotho", "Amanani okudla akhuphukile emakethe yaseWarwick", [
        "Abathengisi emakethe yaseWarwick eThekwini bathi amanani okudla akhuphuke kakhulu kule nyanga. "
        "Isaka lelayisi ebelidayiswa ngamarandi angamakhulu amathathu ngenyanga edlule manje selifinyelela kumarandi angamakhulu amane. "
        "Abathengi bathi abazi ukuthi bazozondla kanjani imindeni yabo uma amanani eqhubeka nokukhuphuka.",
        "Umthengisi wemifino uMnumzane Zulu uthi intengo kaphethiloli ephezulu iyona mbangela enkulu yale nkinga. "
        "Uchaza ukuthi imali yokuthutha impahla isuka emapulazini iye emakethe isiphindeke kabili, ngakho abathengisi kufanele bakhuphule amanani. "
        "Uthi naye akajabule ngalesi simo ngoba amakhasimende akhe ancipha kakhulu.",
        "Ochwepheshe bezomnotho bathi amanani angehla ngemuva kwesikhathi sokuvuna, lapho isivuno esisha sifika ezimakethe. "
        "Kodwa baxwayisa ngokuthi ukugcina ukudla ezinqolobaneni ukuze kudayiswe ngentengo ephezulu kwandisa ubunzima kubantu abampofu. "
        "Bacele uhulumeni ukuthi asize imindeni ehluphekayo ngemali yesibonelelo.",
        "Ngakolunye uhlangothi, owesifazane odayisa utamatisi no-anyanisi uthi impahla yakhe yehlile ngentengo kuleli sonto. "
        "Uthi lokhu kungenxa yokuthi yisikhathi sokuvunwa kwazo, kodwa azihlali isikhathi eside zingakaboli. "
        "Ucele ukuthi kwakhiwe izindawo zokugcina impahla ezibandayo emakethe ukuze abalimi bangalahlekelwa yinzuzo yabo.",
        "Abanye abathengi sebeqalile ukuthenga ngamaqembu ukuze bathole isaphulelo ezitolo ezinkulu. Omunye umama uthe yena nomakhelwane bakhe bahlanganisa imali njalo ngenyanga bathenge isaka elikhulu likafulawa. Uthi le ndlela ibasizile kakhulu kulezi zikhathi ezinzima.",
    ]),
    ("ezemfundo", "Isikole samabanga aphansi esisha sivula iminyango eMpumalanga", [
        "Kuvulwe isikole esisha samabanga aphansi endaweni yaseMpumalanga ngaseHammarsdale esizothatha abafundi abangaphezu kwamakhulu amane. "
        "Lesi sikole sinamakilasi ayishumi nambili, umtapo wolwazi, izindlu zangasese ezihlanzekile kanye nomthombo wamanzi. "
        "Abazali bathi ngaphambilini izingane zabo bezihamba amakhilomitha amahlanu ukufika esikoleni esiseduze.",
        "Uthishanhloko walesi sikole, uMnumzane Sibusiso Ngcobo, uthi sebeqashe othisha abayishumi nanhlanu. "
        "Uchaza ukuthi izingane zizofundiswa ngesiZulu eminyakeni yokuqala, bese kuqhutshekwa kancane kancane nesiNgisi. "
        "Uthi izingane ziqonda izifundo ngokushesha uma ziqala ukufundiswa ngolimi lwazo lwebele.",
        "Umama onezingane ezintathu uthi ujabule kakhulu ngoba amadodakazi akhe asekwazi ukufunda eduze nasekhaya. "
        "Uthi phambilini ubesaba ukubavumela ukuthi bahambe bodwa endleleni ende. "
        "Ikomidi labazali nothisha linqume ukuthi kuzolungiswa ukudla kwasemini ukuze kukhuthazwe izingane ukuthi zihlale ekilasini.",
        "ULungu loMkhandlu oPhethe wezeMfundo esifundazweni uthe uhulumeni uhlela ukwakha izikole ezifana nalesi kweminye imikhandlu eyisithupha. "
        "Ucele umphakathi ukuthi unakekele lezi zakhiwo futhi ubike noma yikuphi ukonakaliswa kwempahla. "
        "Uthembise nokuthi kuzolethwa izihlalo nezincwadi ngaphambi kokuqala kwethemu elisha.",
        "Izingane zokuqala zingene ekilasini ngoMsombuluko ziphethe izikhwama ezintsha futhi zigqoke izingubo zesikole ezihlanzekile. Abanye abazali bahlale ngaphandle kwesango isikhathi eside bebuka abantwana babo ngokuziqhenya. Uthishanhloko uthe umcimbi omkhulu wokuvulwa kwesikole uzoba ngenyanga ezayo.",
    ]),
    ("isimo-sezulu", "Isikhungo sesimo sezulu sibikezela imvula enkulu", [
        "Isikhungo sikazwelonke sesimo sezulu sikhiphe isibikezelo sokuthi kuzoba nemvula eningi ezifundazweni ezisempumalanga kulo nyaka. "
        "Lo mbiko uthi isikhathi semvula sizoqala maphakathi noMandulo kwezinye izindawo, futhi sizophela ngasekupheleni kukaNdasa. "
        "Nokho isikhungo sithi kungaba nesikhathi esifushane sesomiso ngoMasingana.",
        "Ochwepheshe besimo sezulu beluleka abalimi ukuthi balinde imvula ize ine kahle ngaphambi kokuthi batshale imbewu. "
        "Bathi uma betshala kusenesikhathi, imbewu ingafa uma imvula imisa amasonto amabili. "
        "Baphinde beluleka ukuthi kusetshenziswe imbewu evuthwa ngokushesha ezindaweni lapho imvula ingahlali khona isikhathi eside.",
        "Emadolobheni, isikhungo sixwayise ngezikhukhula, ikakhulukazi ezindaweni ezakhelene nemifula. "
        "Sithe ukuvaleka kwemisele ngenxa kadoti kungenye yezinto ezidala izikhukhula minyaka yonke. "
        "Abasebenzi bezinhlekelele bathi sebelungiselele izikebhe namatende uma kudingeka usizo.",
        "Ikhehla elithile esigodini saseNkandla lithi ezikhathini zakudala babeqonda isimo sezulu ngokubuka izinyoni nomoya. "
        "Lithi manje intsha ilalela izibikezelo emsakazweni, kodwa lisakholelwa ukuthi izimpawu zesintu ziyasiza. "
        "Lithemba ukuthi imvula izokwanela, ingonakalisi izindlu namasimu.",
        "Isikhungo sithe sizobuyekeza isibikezelo njalo emasontweni amabili, futhi imibiko izosakazwa eziteshini zomsakazo zendawo. Abantu bacelwe ukuthi balandele izexwayiso ezithunyelwa ngomakhalekhukhwini uma kunesiphepho. Abashayeli nabo baxwayisiwe ukuthi bangaweli amabhuloho uma imifula igcwele.",
    ]),
    ("ezemidlalo", "Iqembu lebhola ledolobha liwina indebe yesifundazwe", [
        "Iqembu lebhola lezinyawo lentsha yaseMadadeni liwine indebe yomqhudelwano wesifundazwe ngemuva kokunqoba izimbangi zalo ngamagoli amabili kwelilodwa. "
        "Umdlalo wamanqamu udlalelwe enkundleni yedolobha ngoMgqibelo phambi kwezinkulungwane zababukeli. "
        "Abalandeli bebecula futhi bebetshaya izimpempe ngisho ngaphambi kokuba umdlalo uqale.",
        "Umdlali wasemuva oneminyaka eyishumi nesikhombisa, uThabo Khumalo, nguye ofake womabili amagoli. "
        "Ufake elokuqala ngekhanda ngomzuzu wamashumi amabili, wabe esefaka elesibili ngaphambi nje kokuphela komdlalo. "
        "Umqeqeshi weqembu uthe lo mfana unekhono elikhulu, futhi unethemba lokuthi amaqembu amakhulu azomubona.",
        "Abadlali bathi bebezilolonga njalo ekuseni izinyanga ezintathu ngaphambi komqhudelwano. "
        "Bathi bahlupheka ngenxa yokuntuleka kwezicathulo ezinhle nezingubo zokudlala, kodwa abazange bapheleliswe amandla. "
        "Usomabhizinisi wendawo ubathembise ukubathengela izingubo ezintsha zokudlala njengesipho.",
        "Imeya yamukele iqembu ehhovisi layo futhi yalibonga ngomzamo omkhulu elikwenzile. "
        "Ithe ezemidlalo zisiza intsha ukuthi igweme izidakamizwa nokunye ukuziphatha okubi. "
        "Iphinde yamemezela ukuthi inkundla yedolobha izolungiswa ukuze imiqhudelwano ibanjelwe khona esikhathini esizayo.",
        "Iqembu manje selizomela isifundazwe emqhudelwaneni kazwelonke ozobanjelwa eGoli ngenyanga ezayo. Abazali babadlali bathi bazoqoqa imali ukuze basize ngezindleko zokuhamba nezokuhlala. Umqeqeshi uthe abadlali akufanele bakhohlwe izifundo zabo ngisho beqhubeka nokuzilolonga.",
    ]),
    ("amanzi", "Izakhamuzi zithola amanzi empompi ngemuva kweminyaka", [
        "Izakhamuzi zasesigcawini saseSobantu zijabule ngemuva kokuthi amanzi empompi eqale ukugeleza emizini yazo okokuqala eminyakeni emihlanu. "
        "Phambilini, abesifazane nezingane bebevuka ekuseni kakhulu beyokha amanzi emthonjeni okude. "
        "Abanye bebethenga amanzi kubantu abawathwala ngezinqola ngentengo ephezulu nsuku zonke.",
        "Umasipala uthe ulungise amapayipi abebephukile futhi wafaka nemishini emisha yokumpompa amanzi. "
        "Unjiniyela ohole lo msebenzi uthe kuthathe izinyanga eziyisishiyagalombili besebenza imini nobusuku. "
        "Uthe manje imizi engaphezu kwezinkulungwane ezimbili isithola amanzi ahlanzekile nsuku zonke.",
        "Owesifazane onendawo yokudlela uthi ukuthola amanzi empompi kuzonciphisa kakhulu izindleko zebhizinisi lakhe. "
        "Uthi phambilini ubesebenzisa cishe ingxenye yenzuzo yakhe ethenga amanzi okupheka nokugeza izitsha. "
        "Uthi nezingane zakhe azisephuzi ukufika esikoleni ngenxa yokukha amanzi.",
        "Abasebenzi bezempilo bathi amanzi ahlanzekile azosiza ukunciphisa izifo ezifana nohudo nekholera kule ndawo. "
        "Beluleke izakhamuzi ukuthi zimboze iziqukathi zamanzi futhi zigeze izandla ngensipho. "
        "Umasipala ucele umphakathi ukuthi ukhokhe izikweletu zamanzi ngesikhathi ukuze kube nemali yokunakekela amapayipi.",
        "Nokho abanye abahlali bakhala ngokuthi amanzi kwesinye isikhathi ayanqamuka ebusuku. Umasipala uchaze ukuthi lokhu kwenzeka lapho kugcwaliswa amathangi amakhulu, futhi inkinga izoxazululwa maduze. Uphinde wacela abantu ukuthi babike ngokushesha uma bebona ipayipi elivuzayo emgwaqweni.",
    ]),
    ("ubuchwepheshe", "Intsha ifunda ukulungisa omakhalekhukhwini", [
        "Isikhungo sokuqeqesha amakhono eMgungundlovu siqale ukufundisa abafana namantombazane ukulungisa omakhalekhukhwini namakhompyutha. "
        "Isifundo sithatha izinyanga eziyisithupha, futhi abafundi bafunda umsebenzi wezandla kanye nolwazi lwethiyori ngesikhathi esisodwa. "
        "Intsha engaphezu kwamashumi amahlanu ibhalisile eqenjini lokuqala.",
        "Omunye wabafundi, uNomvula Mthembu, uthi kudala efisa ukuvula isitolo sakhe sokulungisa omakhalekhukhwini. "
        "Uthi manje usekwazi ukushintsha isikrini, ukulungisa indawo yokushaja nokususa amagciwane kumshini. "
        "Unethemba lokuthi ngemuva kwesifundo uzothola imali mboleko yokuthenga amathuluzi.",
        "Uthisha obafundisayo uthi iningi lezingcingo ezilethwa ukuzolungiswa linenkinga yebhethri noma amanzi angene ngaphakathi. "
        "Uthi abantu abaningi balahla umakhalekhukhwini kanti ungalungiswa ngemali encane. "
        "Ubafundisa nokuthi kufanele bavikele imininingwane yamakhasimende futhi bangalokothi babheke izithombe noma imilayezo yabo.",
        "Umqondisi wesikhungo uthi ukuntuleka kwemisebenzi kungenye yezinkinga ezinkulu ezibhekene nentsha kule ndawo. "
        "Uthi amakhono ezandla anika intsha ithuba lokuzimela kunokuba ilinde imisebenzi kahulumeni. "
        "Isikhungo sihlela ukwengeza isifundo sokulungisa amaphaneli elanga ngonyaka ozayo.",
        "Abafundi abaphothula isifundo bazothola isitifiketi esamukelwa yizinkampani ezahlukene zobuchwepheshe. Abanye sebethole amathuba okufunda umsebenzi ezitolo zedolobha ngesikhathi samaholide. Isikhungo sithi sifisa ukuthi ingxenye yabafundi kulo nyaka kube ngamantombazane.",
    ]),
]
