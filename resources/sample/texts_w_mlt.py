"""Maltese (mlt_Latn) pages of the sample, written for langforge (CC-BY-4.0)."""

DOMAINS = ["ahbarijietmalta.com.mt", "gazzettaghawdxija.mt", "lehenilpoplu.mt"]
UI = {"nav": ["Paġna Ewlenija", "Aħbarijiet", "Politika", "Negozju", "Sport", "Saħħa", "Ikkuntattjana"],
      "cookie": "Dan is-sit juża l-cookies biex itejjeb is-servizzi tagħna.", "accept": "Naqbel",
      "footer": ["Dwarna", "Politika tal-Privatezza", "Irreklama Magħna"], "rights": "Id-drittijiet kollha riżervati",
      "related": "Aħbarijiet relatati", "popular": "L-aktar moqrija", "comments": "Kummenti tal-qarrejja",
      "comment_texts": ["Grazzi tal-informazzjoni.", "Finalment aħbar tajba!", "Il-gvern għandu jara din il-kwistjoni."],
      "search": "Fittex", "subscribe": "Abbona għall-aħbarijiet tagħna kuljum"}
ARTICLES = [
    ("agrikoltura", "Il-bdiewa taż-Żebbuġ iħejju l-għelieqi għax-xitwa", [
        "Il-bdiewa tal-inħawi taż-Żebbuġ bdew iħejju l-għelieqi tagħhom għall-ħarsa tax-xitwa, wara li waqgħet l-ewwel xita tas-sena. "
        "Ħafna minnhom qalu li x-xita waslet qabel ma kienu qed jistennew, u dan tahom ftit tama wara sajf sħun ħafna. "
        "Ġużeppi Camilleri, li ilu jaħdem ir-raba' għal tletin sena, qal li din is-sena se jiżra' patata, basal u fażola.",
        "Huwa spjega li l-prezz tad-demel kimiku żdied ħafna fil-ħwienet, għalhekk xi bdiewa qed jerġgħu lura għad-demel tal-annimali. "
        "Jiġbru d-demel tal-baqar u tal-mogħoż f'ħofra sakemm jitħallat sew, imbagħad ixerrduh fl-għalqa qabel jiżirgħu. "
        "Skont Camilleri, dan il-metodu ma jiswiex ħafna flus u jgħin lill-ħamrija żżomm l-ilma għal żmien itwal.",
        "Uffiċjali mid-dipartiment tal-agrikoltura żaru r-raħal il-ġimgħa li għaddiet biex jgħallmu lill-bdiewa kif jagħżlu żerriegħa tajba. "
        "Urewhom tip ġdid ta' tadam li jiflaħ għan-nixfa u li jagħti l-frott fi żmien qasir. "
        "Xi żgħażagħ qalu li se jippruvawh f'parti żgħira mill-għelieqi tagħhom qabel jużawh kullimkien.",
        "Madankollu l-bdiewa lmentaw dwar l-istat ħażin tat-toroq tar-raba', li jsiru tajn kull darba li tagħmel ix-xita. "
        "Meta t-triq tkun imblukkata, it-trakkijiet ma jistgħux jgħaddu u l-prodott jitħassar qabel ma jasal fis-suq. "
        "Il-president tal-għaqda tal-bdiewa appella lill-kunsill lokali biex isewwi t-triq li tgħaqqad l-għelieqi mat-triq prinċipali.",
        "Il-bdiewa qalu li se jiltaqgħu mill-ġdid ix-xahar id-dieħel biex jiddiskutu kif ibigħu l-prodott flimkien. Jemmnu li jekk jaħdmu id f'id jistgħu jiksbu prezz aħjar mingħand is-supermarkets il-kbar. In-nisa li jkabbru l-ħxejjex fil-ġonna tad-dar ġew mistiedna wkoll jingħaqdu mal-għaqda.",
    ]),
    ("sahha", "Iċ-ċentru tas-saħħa jniedi kampanja ta' tilqim għat-tfal", [
        "Iċ-ċentru tas-saħħa ta' Bormla nieda kampanja ġdida ta' tilqim għat-tfal żgħar nhar it-Tnejn filgħodu. "
        "Il-kampanja se ddum ġimagħtejn, u l-infermiera se jżuru wkoll id-djar tal-anzjani u tal-familji li ma jistgħux joħorġu. "
        "It-tobba qalu li t-tilqim jipproteġi lit-tfal minn mard bħall-ħosba, il-poljo u s-sogħla konvulsiva.",
        "Infermiera bl-isem ta' Marija Borg qalet li ħafna ommijiet ġew bit-tfal tagħhom fl-ewwel jum. "
        "Spjegat li xi ġenituri qabel kienu jibżgħu mill-injezzjoni, imma issa fehmu kemm hija importanti. "
        "Il-kappillan u l-għalliema tal-iskola primarja għenu biex ixerrdu l-aħbar fost il-familji tal-belt.",
        "It-tabib responsabbli mill-kampanja qal li l-vaċċini għandhom jinżammu dejjem f'temperatura baxxa. "
        "Għalhekk iċ-ċentru xtara friġġ ġdid u ġeneratur li jibda waħdu jekk tinqata' d-dawl. "
        "Huwa żied jgħid li tifel li ma jkunx ħa t-tilqim kollu jkun f'riskju akbar jekk jinfirex xi mard.",
        "Minbarra t-tilqim, l-infermiera qed iżinu t-tfal u jagħtu pariri lill-ġenituri dwar ikel tajjeb għas-saħħa. "
        "Ħeġġew lill-ommijiet biex ireddgħu lit-trabi tagħhom għall-ewwel sitt xhur jekk ikunu jistgħu. "
        "Ħafna ġenituri qalu li huma sodisfatti bil-mod kif ġiet organizzata l-kampanja u jixtiquha ssir kull sena.",
        "Iċ-ċentru qal li l-ġenituri li ma setgħux jiġu f'dawn il-ġranet jistgħu jġibu lit-tfal kull nhar ta' Erbgħa filgħodu. Il-karta tat-tilqim għandha tinżamm f'post sigur għax tintalab meta t-tifel jibda l-iskola. L-organizzaturi tal-kampanja se jippubblikaw rapport sħiħ fi tmiem ix-xahar.",
    ]),
    ("negozju", "Il-prezzijiet tal-ikel għolew fis-suq tal-Belt", [
        "Il-bejjiegħa fis-suq tal-Belt Valletta qalu li l-prezzijiet tal-ikel għolew b'mod qawwi f'dan ix-xahar. "
        "Kaxxa tomatiċi li x-xahar l-ieħor kienet tinbiegħ għal għaxar ewro issa qed tinbiegħ għal erbatax-il ewro. "
        "Ix-xerrejja qalu li ma jafux kif se jlaħħqu mal-ispejjeż tal-familja jekk il-prezzijiet jibqgħu jogħlew.",
        "Wieħed mill-bejjiegħa tal-ħaxix, Pawlu Vella, qal li l-kawża ewlenija hija l-prezz għoli tal-fjuwil u tat-trasport. "
        "Spjega li l-ispiża biex iġġib il-prodott mill-għelieqi sas-suq kważi rdoppjat, u għalhekk il-bejjiegħa kellhom jgħollu l-prezzijiet. "
        "Huwa qal li lanqas hu mhu kuntent bis-sitwazzjoni, għax il-klijenti tiegħu naqsu ħafna.",
        "Ekonomisti qalu li l-prezzijiet jistgħu jerġgħu jonqsu wara l-ħsad, meta jasal prodott frisk fis-suq. "
        "Iżda wissew li l-importazzjoni ta' ċerti prodotti se tibqa' għalja minħabba l-ispejjeż tal-vapuri. "
        "Appellaw lill-gvern biex jgħin lill-familji b'dħul baxx permezz ta' għajnuna diretta.",
        "Min-naħa l-oħra, mara li tbigħ il-ġobon tal-bżar u l-ħobż tal-Malti qalet li l-bejgħ tagħha żdied dan l-aħħar. "
        "Qalet li n-nies qed jagħżlu l-prodotti lokali għax huma friski u jgħinu lill-produtturi żgħar. "
        "Hija talbet li jinbnew postijiet kesħin fis-suq biex il-bdiewa ma jitilfux il-prodott tagħhom fis-sajf.",
        "Xi familji bdew jixtru flimkien fi gruppi biex jieħdu skont mill-ħwienet il-kbar. Omm waħda qalet li hi u l-ġirien tagħha jiġbru ftit flus kull xahar u jixtru l-affarijiet bl-ingrossa. Qalet li din is-sistema għenithom ħafna f'dawn iż-żminijiet diffiċli.",
    ]),
    ("edukazzjoni", "Skola primarja ġdida tiftaħ il-bibien tagħha f'Għawdex", [
        "Infetħet skola primarja ġdida fir-Rabat, Għawdex, li se tilqa' iktar minn erba' mitt student minn diversi rħula. "
        "L-iskola għandha tnax-il klassi, librerija, kamra tax-xjenza, ġnien żgħir u sala kbira għall-attivitajiet. "
        "Il-ġenituri qalu li qabel uliedhom kellhom jivvjaġġaw kuljum b'xarabank għal skola li tinsab fit-tarf l-ieħor tal-gżira.",
        "Il-kap tal-iskola, is-Sur Anton Grech, qal li diġà ġew impjegati ħmistax-il għalliem ġdid. "
        "Spjega li t-tfal se jitgħallmu bil-Malti u bl-Ingliż, u li se jingħata wkoll żmien għall-mużika u għall-isport. "
        "Skont il-kap, it-tfal jifhmu l-lezzjonijiet aħjar meta jitgħallmu fl-ilsien li jitkellmu d-dar.",
        "Omm ta' tliet itfal qalet li kuntenta ħafna għax issa wliedha jistgħu jimxu lejn l-iskola mingħajr ma jqumu kmieni ħafna. "
        "Qalet li qabel kienet tinkwieta meta t-tfal kienu joqogħdu jistennew ix-xarabank fil-bard tax-xitwa. "
        "Il-kumitat tal-ġenituri u l-għalliema ddeċieda li jorganizza klabb ta' wara l-iskola għal min jaħdem sa tard.",
        "Il-ministru tal-edukazzjoni qal li l-gvern qed jippjana li jibni skejjel simili f'żewġ lokalitajiet oħra. "
        "Huwa appella lill-komunità biex tieħu ħsieb il-bini u tirrapporta kull ħsara lill-awtoritajiet. "
        "Wiegħed ukoll li l-kompjuters u l-kotba kollha se jkunu lesti qabel jibda t-terminu l-ġdid.",
        "L-ewwel studenti daħlu fil-klassijiet nhar it-Tnejn b'boroż ġodda u uniformijiet nodfa. Xi ġenituri baqgħu barra l-bieb għal żmien twil iħarsu lejn uliedhom b'kburija. Il-kap tal-iskola qal li l-inawgurazzjoni uffiċjali se ssir ix-xahar id-dieħel fil-preżenza tal-ministru.",
    ]),
    ("temp", "Il-meteoroloġi jbassru xita qawwija għal tmiem il-ġimgħa", [
        "L-uffiċċju meteoroloġiku tal-ajruport ħareġ twissija li matul tmiem il-ġimgħa mistennija xita qawwija u riħ tal-majjistral. "
        "Skont it-tbassir, ix-xita se tibda s-Sibt filgħaxija u tkompli sal-Ħadd wara nofsinhar, b'possibbiltà ta' maltemp. "
        "Il-baħar se jkun qawwi ħafna, u s-sajjieda ġew avżati biex ma joħorġux bid-dgħajjes.",
        "Il-meteoroloġi wissew lis-sewwieqa biex joqogħdu attenti fit-toroq li jinfexxu bl-ilma, speċjalment fil-widien. "
        "Qalu li kull sena l-ilma jġorr miegħu it-tajn u l-ġebel u jimblokka l-mini taħt it-toroq. "
        "Il-protezzjoni ċivili qalet li għandha t-tagħmir lest biex tgħin lil min jinqabad fl-ilma.",
        "Fl-istess ħin, il-bdiewa laqgħu l-aħbar b'sodisfazzjon, għax il-ħamrija kienet niexfa wisq wara sajf twil. "
        "Qalu li x-xita se tgħin lill-ġibjuni jimtlew u lill-għelejjel il-ġodda jikbru. "
        "Iżda wissew ukoll li xita qawwija wisq f'daqqa waħda tista' tkaxkar il-ħamrija tal-ħitan tas-sejjieħ.",
        "Raġel anzjan mill-Għarb qal li fi żmienu kienu jbassru t-temp billi jħarsu lejn is-sema u l-għasafar. "
        "Qal li llum iż-żgħażagħ jiċċekkjaw it-temp fuq il-mowbajl, iżda hu għadu jemmen fis-sinjali l-antiki. "
        "Huwa xtaq li x-xita tkun biżżejjed, iżda li ma tagħmilx ħsara lid-djar u lill-għelieqi.",
        "L-uffiċċju qal li se jaġġorna t-tbassir kull tliet sigħat, u l-informazzjoni se tixxandar fuq ir-radju u fuq is-sit elettroniku tiegħu. Il-pubbliku ġie mħeġġeġ isegwi l-avviżi li jintbagħtu fuq il-mowbajl f'każ ta' maltempata. Is-sewwieqa ġew imfakkra wkoll biex ma jipparkjawx fil-widien matul ix-xita.",
    ]),
    ("sport", "It-tim tal-futbol tar-raħal jirbaħ it-tazza nazzjonali taż-żgħażagħ", [
        "It-tim taż-żgħażagħ tal-Mosta rebaħ it-tazza nazzjonali wara li għeleb lill-avversarji tiegħu b'żewġ goals għal wieħed. "
        "Il-logħba finali ntlagħbet fl-istadju ta' Ta' Qali nhar is-Sibt quddiem eluf ta' partitarji. "
        "Il-partitarji kienu qed ikantaw u jdoqqu t-tnabar saħansitra qabel ma bdiet il-logħba.",
        "L-attakkant ta' sbatax-il sena, Luke Azzopardi, skorja ż-żewġ goals tat-tim. "
        "Skorja l-ewwel wieħed b'daqqa ta' ras wara għoxrin minuta, u t-tieni wieħed ftit qabel it-tmiem tal-partita. "
        "Il-kowċ tat-tim qal li l-plejer għandu talent kbir u jittama li klabbs barranin jindunaw bih.",
        "Il-plejers qalu li kienu jitħarrġu kull filgħaxija għal tliet xhur qabel il-kompetizzjoni. "
        "Qalu li kellhom diffikultajiet minħabba n-nuqqas ta' grawnd tal-ħaxix naturali, iżda qatt ma qatgħu qalbhom. "
        "Negozjant lokali wiegħed li se jixtrilhom uniformijiet ġodda bħala rigal għar-rebħa.",
        "Is-sindku laqa' lit-tim fil-kunsill lokali u rringrazzjahom għall-isforz kbir li għamlu. "
        "Qal li l-isport jgħin lill-żgħażagħ jibqgħu 'l bogħod mid-droga u minn drawwiet ħżiena oħra. "
        "Ħabbar ukoll li l-grawnd tar-raħal se jiġi rranġat biex jintlagħbu hemm aktar logħbiet fil-futur.",
        "It-tim issa se jirrappreżenta lil Malta f'kompetizzjoni żgħira fl-Italja fis-sajf li ġej. Il-ġenituri tal-plejers qalu li se jorganizzaw ikla tal-fenek biex jiġbru l-flus għall-vjaġġ. Il-kowċ fakkar lill-plejers li l-istudji jibqgħu importanti daqs it-taħriġ.",
    ]),
    ("ambjent", "Residenti jnaddfu l-bajja qabel is-sajf", [
        "Aktar minn mitt voluntier inġabru nhar il-Ħadd filgħodu biex inaddfu l-bajja ta' Għajn Tuffieħa qabel ma jibda l-istaġun tal-għawm. "
        "Fi ftit sigħat ġabru iktar minn tliet mitt borża skart, fosthom fliexken tal-plastik, xbieki u bqija ta' ikel. "
        "L-organizzaturi qalu li ħafna mill-iskart iġibu l-mewġ mill-baħar wara l-maltempati tax-xitwa.",
        "Waħda mill-voluntiera, Sara Farrugia, qalet li ġiet mal-familja kollha għax trid turi lit-tfal kemm hu importanti li nieħdu ħsieb l-ambjent. "
        "Qalet li kienet sorpriża bil-kwantità ta' biċċiet żgħar tal-plastik imħallta mar-ramel. "
        "It-tfal kellhom kompitu speċjali li jagħżlu l-fliexken tal-ħġieġ minn dawk tal-plastik.",
        "Xjenzjat mill-università spjega li l-plastik jinqasam f'biċċiet żgħar ħafna li jispiċċaw fl-istonku tal-ħut u tal-fkieren. "
        "Qal li l-aħjar soluzzjoni hi li nnaqqsu l-użu tal-plastik ta' darba u nirriċiklaw dak li nużaw. "
        "Huwa faħħar lill-voluntiera u qal li l-bajja issa tidher differenti għal kollox.",
        "Il-kunsill lokali wiegħed li se jpoġġi aktar kontenituri għar-riċiklaġġ qrib il-bajja u fil-parkeġġ. "
        "Se jkun hemm ukoll tabelli li jfakkru lill-bagnanti biex jieħdu l-iskart magħhom id-dar. "
        "L-għaqda ambjentali li organizzat l-attività qalet li se terġa' tiltaqa' f'Settembru għal tindifa oħra.",
        "Il-voluntiera sabu wkoll xbieki qodma tas-sajd imwaħħla mal-blat, li kienu perikolużi għall-għasafar tal-baħar. Is-sajjieda tar-raħal offrew li jgħinu biex jarmu dawn ix-xbieki b'mod sigur fil-port. L-organizzaturi qalu li din id-darba ġabru aktar skart minn kull sena oħra.",
    ]),
    ("teknologija", "Korsijiet b'xejn għall-anzjani li jridu jitgħallmu l-kompjuter", [
        "Il-librerija pubblika ta' Ħal Qormi bdiet korsijiet b'xejn għall-anzjani li jixtiequ jitgħallmu jużaw il-kompjuter u l-mowbajl. "
        "Il-lezzjonijiet isiru darbtejn fil-ġimgħa filgħodu, u kull grupp għandu massimu ta' għaxar persuni. "
        "Diġà rreġistraw iktar minn sittin persuna, u hemm lista ta' stennija għall-kors li jmiss.",
        "Waħda mill-parteċipanti, Rita Zammit ta' tmenin sena, qalet li riedet titgħallem tagħmel sejħiet bil-vidjo man-neputijiet tagħha li jgħixu l-Awstralja. "
        "Qalet li fil-bidu kienet tibża' li tagħmel xi żball, iżda l-għalliem kien paċenzjuż ħafna. "
        "Issa tista' tibgħat ritratti u messaġġi lill-familja mingħajr l-għajnuna ta' ħadd.",
        "L-għalliem tal-kors spjega li jagħti attenzjoni kbira lis-sigurtà, għax ħafna anzjani jirċievu messaġġi foloz li jitolbu flus jew passwords. "
        "Jgħallimhom kif jagħrfu dawn il-messaġġi u biex qatt ma jagħtu d-dettalji tal-bank lil min ma jafux. "
        "Jgħallimhom ukoll kif iħallsu l-kontijiet online u kif jagħmlu appuntament għand it-tabib.",
        "Il-bibljotekarju qal li l-kors qed jgħin biex ineħħi s-solitudni li jħossu ħafna anzjani. "
        "Żied jgħid li l-parteċipanti saru ħbieb u issa jiltaqgħu għal kafè wara l-lezzjoni. "
        "Il-librerija qed tippjana kors ieħor għal dawk li jridu jitgħallmu jiktbu ittri u dokumenti fuq il-kompjuter.",
        "Fi tmiem il-kors, kull parteċipant jingħata ċertifikat u gwida stampata b'ittri kbar biex jirreferi għaliha d-dar. Xi wħud diġà bdew jgħallmu lil sħabhom fiċ-ċentru tal-anzjani tar-raħal. Il-librerija tittama li fis-sena d-dieħla tiftaħ korsijiet simili f'lokalitajiet oħra.",
    ]),
]
