"""Somali (som_Latn) pages of the sample, written for langforge (CC-BY-4.0)."""

DOMAINS = ["wararkahargeysa.com", "idaacadda-beledweyne.so", "hiiraanmaanta.net"]
UI = {"nav": ["Bogga Hore", "Wararka", "Siyaasadda", "Dhaqaalaha", "Ciyaaraha", "Caafimaadka", "Nala Soo Xiriir"],
      "cookie": "Boggan wuxuu isticmaalaa kukiyo si uu u horumariyo adeegyadayada.", "accept": "Waan ogolahay",
      "footer": ["Nagu Saabsan", "Siyaasadda Qarsoodiga", "Xayeysiis"], "rights": "Xuquuqda oo dhan way xifdisan tahay",
      "related": "Warar la xiriira", "popular": "Kuwa ugu akhriska badan", "comments": "Faallooyinka akhristayaasha",
      "comment_texts": ["Mahadsanid warkan wanaagsan.", "Ilaahay ha na caawiyo.", "Dowladdu arrintan ha eegto."],
      "search": "Raadi", "subscribe": "Isdiiwaangeli si aad u hesho wararka maalin kasta"}
ARTICLES = [
    ("beeraha", "Beeraleyda Afgooye oo u diyaar garoobaya xilliga roobka", [
        "Beeraleyda ku nool tuulooyinka degmada Afgooye ayaa bilaabay inay nadiifiyaan beerahooda si ay ugu diyaar garoobaan xilliga beerashada ee sannadkan. "
        "Qaar badan oo ka mid ah ayaa sheegay in roobkii ugu horreeyay uu da'ay waqti ka hor intii ay filayeen, taasina ay rajo siisay. "
        "Aw Cali Maxamed, oo soddon sano beeraha ka shaqeynayay, ayaa sheegay inuu doonayo inuu sannadkan beero galley iyo digir.",
        "Wuxuu sheegay in qiimaha bacriminta suuqa uu aad u kacay, sidaas darteed beeraleyda qaar ay isticmaalaan digada xoolaha. "
        "Waxay ku ururiyaan digada lo'da iyo riyaha god ilaa ay ka qudhunto, kadibna waxay ku firdhiyaan beerta ka hor beerashada. "
        "Wuxuu intaas ku daray in habkani uusan qaali ahayn, uuna ka caawiyo ciidda inay biyaha hayso muddo dheer.",
        "Saraakiil ka socday wasaaradda beeraha ayaa toddobaadkii hore booqday tuulada si ay beeraleyda u baraan sida loo doorto abuur wanaagsan. "
        "Waxay tuseen nooc galley ah oo u adkeysta abaarta, kaas oo bisla sagaashan maalmood gudahood. "
        "Dhallinyaro dhowr ah ayaa sheegay inay marka hore ku tijaabin doonaan qayb yar oo ka mid ah beerahooda.",
        "Hase yeeshee beeraleydu waxay ka cabanayaan la'aanta waddooyin wanaagsan oo ay ku gaarsiiyaan midhaha suuqyada. "
        "Marka roobku bato, gaadiidku ma geli karaan tuulooyin badan, midhuhuna waxay ku xumaadaan bakhaarada. "
        "Guddoomiyaha ururka beeraleyda ayaa ugu baaqay maamulka degmada inuu dayactiro waddada isku xirta tuulooyinka iyo magaalada.",
    ]),
    ("caafimaadka", "Isbitaalka oo bilaabay ololaha tallaalka carruurta", [
        "Isbitaalka guud ee magaalada Baydhabo ayaa maalintii Isniinta bilaabay olole cusub oo lagu tallaalayo carruurta yaryar. "
        "Ololahan wuxuu socon doonaa laba toddobaad, shaqaalaha caafimaadkuna waxay mari doonaan guri guri si aan ilmo looga tagin. "
        "Dhakhaatiirta ayaa sheegay in tallaalku carruurta ka ilaaliyo cudurrada sida jadeecada, dabaysha iyo xiiq-dheerta.",
        "Kalkaaliso caafimaad oo lagu magacaabo Faadumo Xasan ayaa sheegtay in hooyooyin badan ay yimaadeen maalintii ugu horreysay. "
        "Waxay sheegtay in waalidiinta qaar ay hore uga baqi jireen irbadda, balse hadda ay fahmeen muhiimadda ay leedahay. "
        "Odayaasha xaafadaha iyo culimada ayaa ka qayb qaatay wacyigelinta bulshada iyagoo ka hadlay masaajidda iyo suuqyada.",
        "Dhakhtarka hoggaaminaya ololaha ayaa sheegay in daawada tallaalka had iyo jeer lagu hayo meel qabow. "
        "Sidaas darteed isbitaalku wuxuu iibsaday qaboojiyeyaal cusub oo ku shaqeeya tamarta qorraxda si loogu isticmaalo tuulooyinka aan korontada lahayn. "
        "Wuxuu intaas ku daray in ilmaha aan qaadan tallaallada oo dhan uu khatar ugu jiro haddii cudur faafo.",
        "Tallaalka ka sokow, shaqaalaha caafimaadku waxay sidoo kale miisaamaan carruurta, waxayna waalidiinta kala talinayaan nafaqada. "
        "Waxay hooyooyinka ku boorriyeen inay ilmaha siiyaan naasnuujin keliya lixda bilood ee ugu horreeya. "
        "Waalidiin badan ayaa sheegay inay ku qanacsan yihiin sida hawsha loo abaabulay, waxayna rajeynayaan in sannad walba la sii wado.",
    ]),
    ("dhaqaalaha", "Qiimaha cuntada oo kor u kacay suuqa Bakaaraha", [
        "Ganacsatada suuqa Bakaaraha ee Muqdisho ayaa sheegay in qiimaha cuntada uu si weyn kor ugu kacay bishan. "
        "Jawaanka bariiska oo bishii hore lagu iibinayay labaatan iyo shan doollar ayaa hadda gaaray soddon doollar. "
        "Dadka wax iibsanaya ayaa sheegay inaysan garanayn sida ay u quudin doonaan qoysaskooda haddii qiimuhu sii kordho.",
        "Ganacsade khudaarta iibiya oo lagu magacaabo Axmed Cabdi ayaa sheegay in qiimaha shidaalka oo sarreeya uu yahay sababta ugu weyn. "
        "Wuxuu sheegay in kharashka gaadiidka laga keeno beeraha ilaa suuqa uu labanlaabmay, sidaas darteed ganacsatadu ay qiimaha kordhiyaan. "
        "Wuxuu intaas ku daray inuusan isaguna ku faraxsanayn xaaladda maxaa yeelay macaamiishiisii way yaraadeen.",
        "Khubarada dhaqaalaha ayaa sheegay in qiimuhu hoos u dhici karo goosashada kadib, marka midho cusub ay suuqa yimaadaan. "
        "Hase yeeshee waxay ka digeen in cuntada bakhaarada lagu kaydiyo si qaali loogu iibiyo ay dadka saboolka ah dhibaato ku kordhiso. "
        "Waxay dowladda ka codsadeen inay taageerto qoysaska danyarta ah.",
        "Dhinaca kale, haweeney iibisa yaanyada iyo basasha ayaa sheegtay in badeecadeedu ay toddobaadkan jabnayd. "
        "Waxay sheegtay in sababtu tahay inay hadda tahay xilligii goosashada, balse aysan muddo dheer sii jirin iyagoo aan xumaan. "
        "Waxay codsatay in suuqa laga dhiso meelo qabow oo lagu kaydiyo badeecadda si beeraleydu aysan u khasaarin.",
    ]),
    ("waxbarashada", "Dugsi hoose oo cusub oo laga furay Beledweyne", [
        "Dugsi hoose oo cusub ayaa laga furay magaalada Beledweyne, kaas oo qaadi doona in ka badan afar boqol oo arday. "
        "Dugsigu wuxuu leeyahay laba iyo toban fasal, maktabad, musqulo nadiif ah iyo ceel biyo. "
        "Waalidiinta ayaa sheegay in carruurtoodu ay hore u socon jireen shan kiiloomitir si ay u gaaraan dugsiga ugu dhow.",
        "Maamulaha dugsiga, Macallin Yuusuf Cismaan, ayaa sheegay in ay hore u shaqaaleysiiyeen shan iyo toban macallin. "
        "Wuxuu sharraxay in carruurta sannadaha hore lagu bari doono af Soomaali, kadibna si tartiib ah loogu bilaabi doono Ingiriisiga. "
        "Wuxuu sheegay in carruurtu ay casharrada si dhakhso ah u fahmaan marka lagu baro afka hooyo.",
        "Hooyo saddex carruur ah leh ayaa sheegtay inay aad ugu faraxsan tahay in gabdhaheedu ay hadda wax ku baran karaan meel u dhow guriga. "
        "Waxay sheegtay inay hore uga baqi jirtay inay kaligood maraan waddo dheer. "
        "Guddiga waalidiinta iyo macallimiinta ayaa go'aansaday in la diyaariyo qado si carruurta loogu dhiirrigeliyo inay fasalka joogaan.",
        "Wasiirka waxbarashada ee gobolka ayaa sheegay in dowladdu ay qorsheyneyso inay dugsiyo la mid ah ka dhisto lix degmo oo kale. "
        "Wuxuu bulshada ka codsaday inay ilaaliyaan dhismayaasha, ayna soo sheegaan wixii burbur ah. "
        "Wuxuu sidoo kale ballanqaaday in kuraasta iyo buugaagta la keeni doono ka hor inta aan la bilaabin sannad dugsiyeedka cusub.",
    ]),
    ("cimilada", "Hay'adda saadaasha hawada oo sheegtay roob badan", [
        "Hay'adda qaranka ee saadaasha hawada ayaa soo saartay warbixin sheegaysa in sannadkan roob badan uu ka da'i doono gobollada koonfureed. "
        "Warbixintu waxay sheegtay in xilliga Gu'gu uu ka bilaaban doono bartamaha bisha Abriil meelaha qaar, uuna dhammaan doono dabayaaqada Juun. "
        "Si kastaba ha ahaatee hay'addu waxay sheegtay in muddo gaaban oo engegan ay dhici karto.",
        "Khubarada cimilada ayaa beeraleyda kula taliyay inay sugaan ilaa roobku si fiican u da'o ka hor intaysan abuurin. "
        "Waxay sheegeen in haddii goor hore la beero, abuurku dhiman karo haddii roobku laba toddobaad joogsado. "
        "Waxay sidoo kale ku taliyeen in la isticmaalo abuur dhakhso u bisla meelaha uusan roobku muddo dheer ku sii jirin.",
        "Magaalooyinka gudahooda, hay'addu waxay ka digtay fatahaadaha, gaar ahaan xaafadaha u dhow webiyada. "
        "Waxay sheegtay in xirnaanshaha biyo-mareennada oo qashin ku jira ay ka mid tahay waxyaabaha keena fatahaadaha sannad walba. "
        "Shaqaalaha gurmadka degdegga ah ayaa sheegay inay diyaariyeen doonyo iyo teendhooyin haddii loo baahdo.",
        "Oday ku nool tuulada Jalalaqsi ayaa sheegay in waagii hore ay cimilada ku garan jireen fiirinta shimbiraha iyo dabaysha. "
        "Wuxuu sheegay in dhallinyarada maanta ay dhageystaan saadaasha raadiyaha, balse uu weli aaminsan yahay in calaamadaha dhaqanku ay faa'iido leeyihiin. "
        "Wuxuu rajeynayaa in roobku uu noqdo mid ku filan oo aan burburin guryaha iyo beeraha.",
    ]),
    ("ciyaaraha", "Kooxda kubadda cagta ee magaalada oo ku guuleysatay koobka gobolka", [
        "Kooxda kubadda cagta dhallinyarada ee magaalada Gaalkacyo ayaa ku guuleysatay koobka tartanka gobolka kadib markii ay ka adkaatay kooxdii ay la ciyaareysay laba iyo kow. "
        "Ciyaarta finalka ayaa lagu ciyaaray garoonka magaalada maalintii Sabtida iyadoo ay daawanayeen kumanaan taageerayaal ah. "
        "Taageerayaasha ayaa heesayay oo foodhi afuufayay xitaa ka hor intaan ciyaartu bilaabmin.",
        "Weeraryahan toddoba iyo toban jir ah oo lagu magacaabo Cabdiraxmaan Nuur ayaa dhaliyay labada gool. "
        "Goolka koowaad wuxuu ku dhaliyay madax daqiiqaddii labaatanaad, kan labaadna wuxuu dhaliyay wax yar ka hor dhammaadka ciyaarta. "
        "Tababaraha kooxda ayaa sheegay in wiilku uu leeyahay hibo weyn, uuna rajeynayo in kooxaha waaweyni ay arki doonaan.",
        "Ciyaartoyda ayaa sheegay inay subax walba tababar sameynayeen muddo saddex bilood ah ka hor tartanka. "
        "Waxay sheegeen inay ku dhibaateysnaayeen la'aanta kabo wanaagsan iyo dhar ciyaareed, balse aysan niyad jabin. "
        "Ganacsade reer magaalo ah ayaa u ballanqaaday inuu hadiyad ahaan ugu iibiyo dhar ciyaareed cusub.",
        "Duqa magaalada ayaa xafiiskiisa ku soo dhoweeyay kooxda wuxuuna ku ammaanay dadaalka ay sameeyeen. "
        "Wuxuu sheegay in ciyaaraha ay dhallinyarada ka caawiyaan inay ka fogaadaan daroogada iyo dabeecadaha xun. "
        "Wuxuu sidoo kale ku dhawaaqay in garoonka magaalada la dayactiri doono si tartamo loogu qabto mustaqbalka.",
    ]),
    ("biyaha", "Dadka xaafadda oo helay biyo tuubo sannado kadib", [
        "Dadka deggan xaafadda Shacab ee Hargeysa ayaa farxad muujiyay kadib markii biyo tuubo ay markii ugu horreysay shan sano gudahood gurayahooda soo gaareen. "
        "Waagii hore, haweenka iyo carruurta waxay kici jireen waaberiga si ay biyo uga soo dhaamiyaan ceel fog. "
        "Qaar kalena waxay biyaha ka iibsan jireen dameeraha biyaha ku qaada iyagoo qiime sare ku bixinaya maalin kasta.",
        "Hay'adda biyaha ee magaalada ayaa sheegtay inay dayactirtay tuubooyinkii jabnaa, kuna rakibtay mashiinno cusub oo biyaha riixa. "
        "Injineerka hoggaaminayay hawsha ayaa sheegay in shaqadu ay qaadatay sideed bilood oo habeen iyo maalin ah. "
        "Wuxuu sheegay in hadda in ka badan laba kun oo guri ay maalin walba helaan biyo nadiif ah.",
        "Haweeney makhaayad leh ayaa sheegtay in helitaanka biyaha tuubada ay si weyn u yareyn doonto kharashka ganacsigeeda. "
        "Waxay sheegtay inay hore ugu bixin jirtay ku dhowaad kala badh faa'iidadeeda iibsashada biyaha karinta iyo weelasha. "
        "Waxay sidoo kale sheegtay in carruurteedu aysan hadda ka daahin dugsiga sababo la xiriira dhaamista biyaha.",
        "Shaqaalaha caafimaadka ayaa sheegay in biyaha nadiifka ahi ay gacan ka geysan doonaan yareynta cudurrada sida shubanka iyo daacuunka. "
        "Waxay dadka kula taliyeen inay daboolaan weelasha biyaha, ayna gacmaha ku dhaqaan saabuun. "
        "Hay'adda biyaha ayaa bulshada ka codsatay inay biilasha biyaha waqtigeeda bixiyaan si loo helo lacag lagu dayactiro tuubooyinka.",
    ]),
    ("tiknoolajiyada", "Dhallinyaro oo baranaya dayactirka taleefannada gacanta", [
        "Xarun xirfadeed oo ku taal magaalada Boosaaso ayaa bilowday inay wiilal iyo gabdho dhallinyaro ah u barto dayactirka taleefannada gacanta iyo kombiyuutarrada. "
        "Koorsadu waxay qaadataa lix bilood, ardayduna waxay isla mar ahaantaana bartaan shaqada gacanta iyo aqoonta aasaasiga ah. "
        "In ka badan konton dhallinyaro ah ayaa iska diiwaangeliyay kooxda koowaad.",
        "Mid ka mid ah ardayda, Hodan Jaamac, ayaa sheegtay inay muddo dheer rabtay inay furato dukaan dayactir taleefan oo iyada u gaar ah. "
        "Waxay sheegtay inay hadda beddeli karto shaashadda, dayactiri karto meesha dabka laga qabsado, kana saari karto fayrasyada qalabka. "
        "Waxay rajeyneysaa inay koorsada kadib hesho deyn ay ku iibsato qalabka shaqada.",
        "Macallinka wax bara ayaa sheegay in inta badan taleefannada loo keeno dayactirka ay leeyihiin dhibaato baytari ama biyo gudaha u galay. "
        "Wuxuu sheegay in dad badan ay tuuraan taleefanka iyadoo lacag yar lagu hagaajin karo. "
        "Wuxuu ardayda sidoo kale baraa inay ilaaliyaan xogta macaamiisha oo aysan waligood eegin sawirradooda ama fariimahooda.",
        "Agaasimaha xarunta ayaa sheegay in shaqo la'aantu ay ka mid tahay dhibaatooyinka ugu waaweyn ee dhallinyarada gobolka haysta. "
        "Wuxuu sheegay in xirfadaha gacantu ay dhallinyarada siiyaan fursad ay ku tiirsanaadaan naftooda halkii ay sugi lahaayeen shaqo dowladeed. "
        "Xaruntu waxay qorsheyneysaa inay sannadka soo socda ku darto koorsada dayactirka looxyada tamarta qorraxda.",
    ]),
]
