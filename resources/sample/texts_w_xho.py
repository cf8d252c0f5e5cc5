"""Xhosa (xho_Latn) pages of the sample, written for langforge (CC-BY-4.0)."""

DOMAINS = ["iindabazasekapa.co.za", "isigidimi-online.co.za", "umthunywa-news.co.za"]
UI = {"nav": ["Ikhaya", "Iindaba", "Ezopolitiko", "Uqoqosho", "Ezemidlalo", "Ezempilo", "Qhagamshelana Nathi"],
      "cookie": "Le webhusayithi isebenzisa iikhukhi ukuphucula iinkonzo zethu.", "accept": "Ndiyavuma",
      "footer": ["Malunga Nathi", "Umgaqo-nkqubo Wemfihlo", "Bhengeza Nathi"], "rights": "Onke amalungelo agciniwe",
      "related": "Iindaba ezinxulumeneyo", "popular": "Ezifundwa kakhulu", "comments": "Izimvo zabafundi",
      "comment_texts": ["Enkosi ngale ndaba.", "Le yinto entle kakhulu.", "Urhulumente makajonge lo mba."],
      "search": "Khangela", "subscribe": "Bhalisa ukuze ufumane iindaba yonke imihla"}
ARTICLES = [
    ("ezolimo", "Abalimi baseNgqeleni balungiselela ixesha lemvula", [
        "Abalimi bezilali zaseNgqeleni sele beqalile ukulungisa amasimi abo ukuze balungele ixesha lokutyala kulo nyaka. "
        "Uninzi lwabo luthi imvula yokuqala ine ngaphambi kwexesha ebebelilindele, kwaye oku kubanike ithemba elikhulu. "
        "UTata Mbeki, osele eneminyaka engamashumi amathathu elima, uthi ufuna ukutyala umbona neembotyi kulo nyaka.",
        "Uthi ixabiso lomgquba wasezivenkileni liphezulu kakhulu, ngoko ke abanye abalimi basebenzisa ubulongwe beenkomo neebhokhwe. "
        "Babuqokelela emngxunyeni de bubole, emva koko babuchithe ebhomeni phambi kokuba batyale. "
        "Uchaza ukuba le ndlela ayibizi mali ininzi, kwaye inceda umhlaba ukuba ugcine amanzi ixesha elide.",
        "Amagosa eSebe lezoLimo atyelele ilali kwiveki ephelileyo ukuze afundise abalimi indlela yokukhetha imbewu elungileyo. "
        "Ababonise uhlobo lombona olunokumelana nembalela, oluvuthwa kwiintsuku ezingamashumi alithoba kuphela. "
        "Abanye abantu abatsha bathi baza kuluzama kwinxalenye encinci yamasimi abo kuqala.",
        "Kodwa abalimi bakhalaza ngokunqongophala kweendlela ezilungileyo zokuthutha isivuno sabo ukuya ezimarikeni. "
        "Xa imvula inkulu, iimoto azikwazi ukungena kwiilali ezininzi, yaye isivuno sibolela koovimba. "
        "Usihlalo wombutho wabalimi ucele umasipala ukuba alungise indlela edibanisa iilali nedolophu enkulu.",
        "Abalimi bathi baza kudibana kwakhona kwinyanga ezayo ukuze baxoxe ngokuthengisa isivuno kunye. Bakholelwa ukuba xa bethengisa ngokusebenzisana baza kufumana ixabiso elingcono kwiimarike zasedolophini. Abafazi abalima imifuno nabo bacelwe ukuba bajoyine lo mbutho.",
    ]),
    ("ezempilo", "Ikliniki iqalisa iphulo lokugonya abantwana", [
        "Ikliniki enkulu yedolophu yaseMthatha iqalise iphulo elitsha lokugonya abantwana abancinci ngoMvulo. "
        "Eli phulo liza kuthatha iiveki ezimbini, kwaye abasebenzi bezempilo baza kuhamba indlu ngendlu ukuze kungashiywa mntwana. "
        "Oogqirha bathi ukugonya kukhusela abantwana kwizifo ezifana nemasisi, ipoliyo kunye nokhohlokhohlo.",
        "Umongikazi ogama lakhe linguNkosazana Ndlovu uthi oomama abaninzi beze ngosuku lokuqala. "
        "Uchaza ukuba ngaphambili abanye abazali bebesoyika isitofu, kodwa ngoku sele beqonda ukubaluleka kwaso. "
        "Iinkosi neenkokeli zeecawa zincede ekwaziseni uluntu ngokuthetha ezintlanganisweni nasezimarikeni.",
        "Ugqirha ophethe eli phulo uthe amayeza okugonya kufuneka agcinwe kwindawo ebandayo ngalo lonke ixesha. "
        "Ngenxa yoko ikliniki ithenge iifriji ezintsha ezisebenza ngamandla elanga ukuze zisetyenziswe kwiilali ezingenawo umbane. "
        "Wongeze ngelithi umntwana ongafumananga zonke izitofu zakhe usemngciphekweni omkhulu xa kuqhambuka isifo.",
        "Ngaphandle kokugonya, abasebenzi bezempilo bakwalinganisa ubunzima babantwana baze bacebise abazali ngokutya okunesondlo. "
        "Bakhuthaze oomama ukuba bancancise iintsana ubisi lwebele kuphela kwiinyanga ezintandathu zokuqala. "
        "Abazali abaninzi bathi bonwabile yindlela umsebenzi olungiselelwe ngayo, kwaye banqwenela ukuba uqhubeke minyaka le.",
        "Ikliniki ithe abazali abangakwazanga ukufika ngezi ntsuku bangabazisa abantwana babo nangawuphi na uLwesithathu. Amakhadi okugonya kufuneka agcinwe kakuhle kuba ayafuneka xa umntwana eqala isikolo. Abaphethe eli phulo baza kukhupha ingxelo yokugqibela ekupheleni kwenyanga.",
    ]),
    ("uqoqosho", "Amaxabiso okutya anyukile kwimarike yaseKhayelitsha", [
        "Abarhwebi kwimarike yaseKhayelitsha bathi amaxabiso okutya anyuke kakhulu kule nyanga. "
        "Ingxowa yerayisi ebithengiswa ngeerandi ezingamakhulu amathathu kwinyanga ephelileyo ngoku ifikelela kwiirandi ezingamakhulu amane. "
        "Abathengi bathi abazi ukuba baza kuzondla njani iintsapho zabo ukuba amaxabiso aqhubeka esenyuka.",
        "Umthengisi wemifuno uMnumzana Sityana uthi ixabiso eliphezulu lepetroli lelona nobangela wale ngxaki. "
        "Uchaza ukuba imali yokuthutha impahla ukusuka kwiifama ukuya emarikeni iphindwe kabini, ngoko ke abarhwebi kufuneka benyuse amaxabiso. "
        "Uthi naye akonwabanga yile meko kuba abathengi bakhe behle kakhulu.",
        "Iingcali zoqoqosho zithi amaxabiso anokuhla emva kwexesha lokuvuna, xa isivuno esitsha sifika ezimarikeni. "
        "Kodwa zilumkisa ukuba ukugcina ukutya koovimba ukuze kuthengiswe ngexabiso eliphezulu kwandisa ubunzima kubantu abahluphekayo. "
        "Zicele urhulumente ukuba ancede iintsapho ezisokolayo ngezibonelelo zemali.",
        "Kwelinye icala, umfazi othengisa iitumato namatswele uthi impahla yakhe yehle ngexabiso kule veki. "
        "Uthi oku kungenxa yokuba lixesha lokuvunwa kwazo, kodwa azihlali ixesha elide zingaboli. "
        "Ucele ukuba kwakhiwe iindawo zokugcina ezibandayo emarikeni ukuze abalimi bangalahlekelwa yingeniso yabo.",
        "Abanye abathengi sele beqalile ukuthenga ngamaqela ukuze bafumane isaphulelo kwiivenkile ezinkulu. Omnye umama uthe yena nabamelwane bakhe baqokelela imali rhoqo ngenyanga bathenge ingxowa enkulu yomgubo. Uthi le ndlela ibancede kakhulu kula maxesha anzima.",
    ]),
    ("imfundo", "Isikolo samabanga aphantsi esitsha sivula iingcango eLibode", [
        "Kuvulwe isikolo esitsha samabanga aphantsi eLibode esiza kwamkela abafundi abangaphezu kwamakhulu amane. "
        "Esi sikolo sinamagumbi okufundela alishumi elinesibini, ithala leencwadi, izindlu zangasese ezicocekileyo kunye nequla lamanzi. "
        "Abazali bathi ngaphambili abantwana babo bebehamba iikhilomitha ezintlanu ukuya kwesona sikolo sikufutshane.",
        "Inqununu yesi sikolo, uMnumzana Lwazi Mqhayi, ithi sele beqeshe ootitshala abalishumi elinesihlanu. "
        "Ichaza ukuba abantwana baza kufundiswa ngesiXhosa kwiminyaka yokuqala, baze baqhubeke kancinci kancinci nesiNgesi. "
        "Ithi abantwana baziqonda ngokukhawuleza izifundo xa beqala ukufundiswa ngolwimi lwabo lweenkobe.",
        "Umama oneentwana ezintathu uthi wonwabe kakhulu kuba iintombi zakhe ngoku ziyakwazi ukufunda kufutshane nekhaya. "
        "Uthi ngaphambili ebesoyika ukuzivumela ukuba zihambe zodwa kwindlela ende. "
        "Ikomiti yabazali nootitshala igqibe ekubeni kuza kulungiswa ukutya kwasemini ukuze kukhuthazwe abantwana bahlale eklasini.",
        "ILungu leSigqeba elijongene nemfundo kwiphondo lithe urhulumente uceba ukwakha izikolo ezifana nesi kwimimandla emithandathu. "
        "Licele uluntu ukuba lukhathalele ezi zakhiwo kwaye luxele nawuphi na umonakalo. "
        "Lithembise nokuba kuza kuziswa izitulo neencwadi phambi kokuqala kwekota entsha.",
        "Abantwana bokuqala bangene eklasini ngoMvulo bephethe iibhegi ezintsha kwaye benxibe iimpahla zesikolo ezicocekileyo. Abanye abazali bahlale ngaphandle kwesango ixesha elide bejonge abantwana babo ngebhongo. Inqununu ithe umsitho omkhulu wokuvulwa kwesikolo uza kubakho kwinyanga ezayo.",
    ]),
    ("imozulu", "Iziko lemozulu liqikelela imvula eninzi", [
        "Iziko lesizwe lemozulu likhuphe uqikelelo lokuba kuza kubakho imvula eninzi kumaphondo asempuma kulo nyaka. "
        "Le ngxelo ithi ixesha lemvula liza kuqala phakathi kuSeptemba kwezinye iindawo, kwaye liza kuphela ekupheleni kukaMatshi. "
        "Nangona kunjalo iziko lithi kunokubakho ixesha elifutshane lembalela ngoJanuwari.",
        "Iingcali zemozulu zicebisa abalimi ukuba balinde de imvula ine kakuhle phambi kokuba batyale imbewu. "
        "Zithi xa betyala kwangethuba, imbewu inokufa ukuba imvula iyeka iiveki ezimbini. "
        "Zikwacebisa ukuba kusetyenziswe imbewu evuthwa ngokukhawuleza kwiindawo apho imvula ingahlali ixesha elide.",
        "Ezidolophini, iziko lilumkise ngezikhukhula, ngakumbi kwiindawo ezikufutshane nemilambo. "
        "Lithe ukuvaleka kwemisele ngenxa yenkunkuma yenye yezinto ezibangela izikhukhula minyaka le. "
        "Abasebenzi bentlekele bathi sele belungiselele izikhephe neententi xa kufuneka uncedo.",
        "Ixhego elithile kwilali yaseQumbu lithi kumaxesha amandulo babeyiqonda imozulu ngokujonga iintaka nomoya. "
        "Lithi ngoku ulutsha lumamela uqikelelo kunomathotholo, kodwa lisakholelwa ukuba imiqondiso yemveli iyanceda. "
        "Linethemba lokuba imvula iza kwanela, ingonakalisi izindlu namasimi.",
        "Iziko lithe liza kuhlaziya uqikelelo emva kweeveki ezimbini, yaye iingxelo ziza kusasazwa kwizikhululo zikanomathotholo zasekuhlaleni. Abantu bacelwe ukuba balandele izilumkiso ezithunyelwa ngeeselfowuni xa kukho uqhwithela. Abaqhubi nabo balunyukisiwe ukuba bangaweli iibhulorho xa imilambo izele.",
    ]),
    ("ezemidlalo", "Iqela lebhola ekhatywayo ledolophu liphumelele indebe yephondo", [
        "Iqela lebhola ekhatywayo lolutsha lwaseDutywa liphumelele indebe yokhuphiswano lwephondo emva kokoyisa imbangi yalo ngamanqaku amabini kwelinye. "
        "Umdlalo wamagqibela kankqoyi udlalelwe kwibala ledolophu ngoMgqibelo phambi kwamawaka ababukeli. "
        "Abalandeli bebecula kwaye bevuthela iimpempe kwangaphambi kokuba umdlalo uqale.",
        "Umdlali oneminyaka elishumi elinesixhenxe, uSipho Jonas, nguye ofake omabini amanqaku. "
        "Ufake elokuqala ngentloko ngomzuzu wamashumi amabini, waza wafaka elesibini kanye ngaphambi kokuphela komdlalo. "
        "Umqeqeshi weqela uthe le nkwenkwe inesiphiwo esikhulu, kwaye unethemba lokuba amaqela amakhulu aza kuyibona.",
        "Abadlali bathi bebeziqhelanisa rhoqo kusasa iinyanga ezintathu phambi kokhuphiswano. "
        "Bathi basokola ngenxa yokunqongophala kwezihlangu ezilungileyo kunye nempahla yokudlala, kodwa abazange bancame. "
        "Usomashishini wasekuhlaleni ubathembise ngokubathengela impahla entsha yokudlala njengesipho.",
        "Usodolophu wamkele iqela kwiofisi yakhe kwaye walibulela ngomzamo omkhulu elibonakalisileyo. "
        "Uthe imidlalo inceda ulutsha ukuba luphephe iziyobisi nokunye ukuziphatha okubi. "
        "Ukwabhengeze ukuba ibala ledolophu liza kulungiswa ukuze ukhuphiswano lubanjelwe apho kwixesha elizayo.",
        "Iqela ngoku liza kumela iphondo kukhuphiswano lwesizwe oluza kubanjelwa eRhawutini kwinyanga ezayo. Abazali babadlali bathi baza kuqokelela imali ukuze bancedise ngeendleko zokuhamba nezokuhlala. Umqeqeshi uthe abadlali mabangazilibali izifundo zabo nangona beqhubeka nokuziqhelanisa.",
    ]),
    ("amanzi", "Abahlali bafumana amanzi ompompo emva kweminyaka", [
        "Abahlali baseZwide eGqeberha bavuyile emva kokuba amanzi ompompo eqale ukuhamba kumakhaya abo okokuqala kwiminyaka emihlanu. "
        "Ngaphambili, abafazi nabantwana bebevuka kusasa kakhulu besiya kukha amanzi kumthombo okude. "
        "Abanye bebethenga amanzi kubantu abawathwala ngeenqwelo ngexabiso eliphezulu yonke imihla.",
        "Umasipala uthe ulungise imibhobho ebiqhekekile waza wafaka oomatshini abatsha bokumpompa amanzi. "
        "Injineli ekhokele lo msebenzi ithe kuthathe iinyanga ezisibhozo besebenza emini nasebusuku. "
        "Ithe ngoku amakhaya angaphezu kwamawaka amabini afumana amanzi acocekileyo yonke imihla.",
        "Umfazi onendawo yokutyela uthi ukufumana amanzi ompompo kuza kunciphisa kakhulu iindleko zeshishini lakhe. "
        "Uthi ngaphambili ebesebenzisa phantse isiqingatha senzuzo yakhe ethenga amanzi okupheka nokuhlamba izitya. "
        "Uthi nabantwana bakhe abasafiki emva kwexesha esikolweni ngenxa yokukha amanzi.",
        "Abasebenzi bezempilo bathi amanzi acocekileyo aza kunceda ukunciphisa izifo ezifana norhudo nekholera kule ndawo. "
        "Bacebise abahlali ukuba bagqume izitya zamanzi kwaye bahlambe izandla ngesepha. "
        "Umasipala ucele uluntu ukuba luhlawule amatyala amanzi ngexesha ukuze kubekho imali yokukhathalela imibhobho.",
        "Nangona kunjalo abanye abahlali bakhalaza ngelithi amanzi ngamanye amaxesha ayanqamka ebusuku. Umasipala ucacisile ukuba oku kwenzeka xa kuzaliswa amatanki amakhulu, kwaye ingxaki iza kusonjululwa kungekudala. Ukwacele abantu ukuba baxele ngokukhawuleza xa bebona umbhobho ovuzayo esitratweni.",
    ]),
    ("itekhnoloji", "Ulutsha lufunda ukulungisa iiselfowuni", [
        "Iziko loqeqesho lwezakhono eMonti liqalise ukufundisa amakhwenkwe namantombazana ukulungisa iiselfowuni neekhompyutha. "
        "Isifundo sithatha iinyanga ezintandathu, kwaye abafundi bafunda umsebenzi wezandla kunye nethiyori ngexesha elinye. "
        "Ulutsha olungaphezu kwamashumi amahlanu lubhalisile kwiqela lokuqala.",
        "Omnye wabafundi, uNoluthando Gqirana, uthi kudala enqwenela ukuvula ivenkile yakhe yokulungisa iiselfowuni. "
        "Uthi ngoku uyakwazi ukutshintsha isikrini, ukulungisa indawo yokutshaja nokususa iintsholongwane kumatshini. "
        "Unethemba lokuba emva kwesifundo uza kufumana imali-mboleko yokuthenga izixhobo.",
        "Utitshala obafundisayo uthi uninzi lweefowuni eziziswa ukuze zilungiswe lunengxaki yebhetri okanye amanzi angene ngaphakathi. "
        "Uthi abantu abaninzi bayayilahla iselfowuni kanti ingalungiswa ngemali encinci. "
        "Ubafundisa nokuba kufuneka bakhusele iinkcukacha zabathengi kwaye bangaze bajonge imifanekiso okanye imiyalezo yabo.",
        "Umlawuli weziko uthi ukunqongophala kwemisebenzi yenye yeengxaki ezinkulu ezijongene nolutsha kulo mmandla. "
        "Uthi izakhono zezandla zinika ulutsha ithuba lokuzimela endaweni yokulinda imisebenzi karhulumente. "
        "Iziko liceba ukongeza isifundo sokulungisa iiphaneli zelanga kunyaka ozayo.",
        "Abafundi abagqiba isifundo baza kufumana isatifikethi esamkelwa ziinkampani ezahlukeneyo zetekhnoloji. Abanye sele befumene amathuba okufunda umsebenzi kwiivenkile zasedolophini ngexesha leeholide. Iziko lithi linqwenela ukuba isiqingatha sabafundi kulo nyaka sibe ngamantombazana.",
    ]),
]
