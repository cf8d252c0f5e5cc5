"""Kinyarwanda (kin_Latn) pages of the sample, written for langforge (CC-BY-4.0)."""

DOMAINS = ["amakurumashya.rw", "ijwiryamusanze.rw", "umuseke-online.rw"]
UI = {"nav": ["Ahabanza", "Amakuru", "Politiki", "Ubukungu", "Imikino", "Ubuzima", "Twandikire"],
      "cookie": "Uru rubuga rukoresha kuki kugira ngo tunoze serivisi zacu.", "accept": "Ndemeye",
      "footer": ["Abo turi bo", "Politiki y'ibanga", "Kwamamaza"], "rights": "Uburenganzira bwose bw'umwanditsi burubahirizwa",
      "related": "Inkuru bifitanye isano", "popular": "Izasomwe cyane", "comments": "Ibitekerezo by'abasomyi",
      "comment_texts": ["Murakoze kuri iyi nkuru.", "Ni byiza cyane, dukomeze.", "Leta nirebe iki kibazo."],
      "search": "Shakisha", "subscribe": "Iyandikishe ubone amakuru buri munsi"}
ARTICLES = [
    ("ubuhinzi", "Abahinzi bo mu Karere ka Musanze bitegura igihembwe cy'ihinga", [
        "Abahinzi bo mu mirenge itandukanye y'Akarere ka Musanze batangiye gutegura imirima yabo kugira ngo bitegure igihembwe cy'ihinga cy'uyu mwaka. "
        "Benshi muri bo bavuga ko imvura ya mbere yaguye mbere y'igihe bari biteze, kandi ibyo byabahaye icyizere. "
        "Mzee Habimana, umaze imyaka mirongo itatu ahinga, avuga ko uyu mwaka ashaka guhinga ibirayi n'ibishyimbo.",
        "Avuga ko igiciro cy'ifumbire mvaruganda cyazamutse cyane ku isoko, bityo abahinzi bamwe bakaba bakoresha ifumbire y'imborera. "
        "Bakusanya amase y'inka n'ay'ihene mu cyobo kugeza abore, hanyuma bakayakwirakwiza mu murima mbere yo gutera. "
        "Asobanura ko ubu buryo budahenze, kandi bufasha ubutaka kubika amazi igihe kirekire.",
        "Abakozi ba minisiteri y'ubuhinzi basuye umudugudu mu cyumweru gishize kugira ngo bigishe abahinzi uko bahitamo imbuto nziza. "
        "Baberetse ubwoko bushya bw'ibigori bwihanganira izuba, bukera mu minsi mirongo cyenda gusa. "
        "Urubyiruko rumwe ruvuga ko ruzabanza kubugerageza ku gice gito cy'imirima yarwo.",
        "Nyamara abahinzi binubira kubura imihanda myiza yo kugeza umusaruro wabo ku masoko. "
        "Iyo imvura ari nyinshi, imodoka ntizibasha kugera mu midugudu myinshi, maze umusaruro ukangirikira mu bubiko. "
        "Perezida wa koperative y'abahinzi yasabye ubuyobozi bw'akarere gusana umuhanda uhuza imidugudu n'isoko rikuru.",
        "Abahinzi bavuga ko bazongera guhura mu kwezi gutaha kugira ngo baganire ku buryo bagurisha umusaruro wabo hamwe. Bizera ko nibagurisha bishyize hamwe bazabona igiciro cyiza ku masoko yo mu mujyi. Abagore bahinga imboga na bo basabwe kwinjira muri koperative.",
    ]),
    ("ubuzima", "Ivuriro ryatangije gahunda yo gukingira abana", [
        "Ibitaro bikuru by'Akarere ka Huye byatangije ku wa Mbere gahunda nshya yo gukingira abana bato. "
        "Iyi gahunda izamara ibyumweru bibiri, kandi abajyanama b'ubuzima bazanyura mu ngo zose kugira ngo hatagira umwana usigara. "
        "Abaganga bavuga ko inkingo zirinda abana indwara nk'iseru, imbasa n'inkorora y'igihe kirekire.",
        "Umuforomokazi witwa Uwimana Claudine avuga ko ababyeyi benshi baje ku munsi wa mbere. "
        "Asobanura ko mbere ababyeyi bamwe batinyaga urushinge, ariko ubu basobanukiwe n'akamaro karwo. "
        "Abayobozi b'imidugudu n'abanyamadini bafashije mu gukangurira abaturage binyuze mu nama no mu masengesho.",
        "Umuganga uyobora iyi gahunda yavuze ko inkingo zigomba kubikwa ahantu hakonje buri gihe. "
        "Ni yo mpamvu ibitaro byaguze firigo nshya zikoresha imirasire y'izuba, zizakoreshwa mu bigo nderabuzima bidafite amashanyarazi. "
        "Yongeyeho ko umwana utarabonye inkingo zose aba afite ibyago byinshi igihe icyorezo cyadutse.",
        "Uretse gukingira, abakozi b'ubuzima banapima ibiro by'abana kandi bakagira inama ababyeyi ku mirire myiza. "
        "Bashishikarije ababyeyi konsa abana amashereka gusa mu mezi atandatu ya mbere. "
        "Ababyeyi benshi bavuga ko banyuzwe n'uko iki gikorwa cyateguwe, kandi bifuza ko cyakomeza buri mwaka.",
        "Ibitaro byatangaje ko ababyeyi batashoboye kuza muri iyi minsi bashobora kuzana abana babo ku wa Gatatu uwo ari wo wose. Ifishi y'inkingo igomba kubikwa neza kuko ikenerwa igihe umwana atangiye ishuri. Abahuzabikorwa b'iyi gahunda bazashyira ahagaragara raporo ya nyuma mu mpera z'ukwezi.",
    ]),
    ("ubukungu", "Ibiciro by'ibiribwa byazamutse ku isoko rya Kimironko", [
        "Abacuruzi bo ku isoko rya Kimironko mu Mujyi wa Kigali bavuga ko ibiciro by'ibiribwa byazamutse cyane muri uku kwezi. "
        "Umufuka w'umuceri wagurishwaga amafaranga ibihumbi mirongo itatu mu kwezi gushize ubu ugeze ku bihumbi mirongo ine. "
        "Abaguzi bavuga ko batazi uko bazagaburira imiryango yabo niba ibiciro bikomeje kuzamuka.",
        "Umucuruzi w'imboga witwa Nsengiyumva Eric avuga ko igiciro kiri hejuru cya lisansi ari cyo ntandaro nyamukuru. "
        "Asobanura ko amafaranga yo gutwara ibicuruzwa kuva mu mirima kugeza ku isoko yikubye kabiri, bityo abacuruzi bakaba bagomba kuzamura ibiciro. "
        "Avuga ko na we atishimiye iki kibazo kuko abakiriya be bagabanutse cyane.",
        "Impuguke mu by'ubukungu zivuga ko ibiciro bishobora kumanuka nyuma y'isarura, igihe umusaruro mushya uzaba ugeze ku masoko. "
        "Ariko ziburira ko guhunika ibiribwa ngo bizagurishwe ku giciro cyo hejuru byongera ingorane ku bakene. "
        "Zasabye leta gufasha imiryango itishoboye binyuze mu nkunga y'amafaranga.",
        "Ku rundi ruhande, umugore ucuruza inyanya n'ibitunguru avuga ko ibicuruzwa bye byagabanutse ku giciro muri iki cyumweru. "
        "Avuga ko ari igihe cy'isarura ryabyo, ariko ko bitamara igihe kirekire bitaraborera. "
        "Yasabye ko hubakwa ububiko bukonjesha ku isoko kugira ngo abahinzi badahomba inyungu yabo.",
        "Abaguzi bamwe batangiye kugurira hamwe mu matsinda kugira ngo babone igabanywa ry'ibiciro mu maduka manini. Umubyeyi umwe avuga ko we n'abaturanyi be bakusanya amafaranga buri kwezi bakagura umufuka munini w'ifu. Avuga ko ubu buryo bwabafashije cyane muri ibi bihe bikomeye.",
    ]),
    ("uburezi", "Ishuri ribanza rishya ryafunguye imiryango mu Karere ka Nyagatare", [
        "Hafunguwe ishuri ribanza rishya mu Karere ka Nyagatare rizakira abanyeshuri barenga magana ane. "
        "Iri shuri rifite ibyumba by'amashuri cumi na bibiri, isomero, ubwiherero busukuye n'ikigega cy'amazi y'imvura. "
        "Ababyeyi bavuga ko mbere abana babo bakoraga urugendo rw'ibirometero bitanu kugira ngo bagere ku ishuri ribegereye.",
        "Umuyobozi w'iri shuri, Bwana Mugisha Jean Claude, avuga ko bamaze guha akazi abarimu cumi na batanu. "
        "Asobanura ko abana bazigishwa mu Kinyarwanda mu myaka ya mbere, nyuma bagakomeza buhoro buhoro mu Cyongereza. "
        "Avuga ko abana bumva amasomo vuba iyo batangiye kwigishwa mu rurimi kavukire rwabo.",
        "Umubyeyi ufite abana batatu avuga ko yishimye cyane kuko abakobwa be ubu bashobora kwiga hafi y'urugo. "
        "Avuga ko mbere yatinyaga kubareka bakagenda bonyine mu nzira ndende. "
        "Komite y'ababyeyi n'abarimu yafashe icyemezo cyo gutegura ifunguro rya saa sita kugira ngo abana bashishikarire kuguma mu ishuri.",
        "Umuyobozi ushinzwe uburezi mu ntara yavuze ko leta iteganya kubaka amashuri nk'aya mu turere dutandatu. "
        "Yasabye abaturage kwita kuri izi nyubako no gutanga amakuru ku bwangizi ubwo ari bwo bwose. "
        "Yasezeranyije kandi ko intebe n'ibitabo bizagezwa ku ishuri mbere y'uko igihembwe gishya gitangira.",
        "Abanyeshuri ba mbere binjiye mu mashuri ku wa Mbere bafite ibikapu bishya kandi bambaye impuzankano zisukuye. Ababyeyi bamwe bagumye hanze y'irembo igihe kirekire bareba abana babo bishimye. Umuyobozi w'ishuri yavuze ko umuhango wo gutaha ishuri ku mugaragaro uzaba mu kwezi gutaha.",
    ]),
    ("iteganyagihe", "Ikigo cy'iteganyagihe cyatangaje imvura nyinshi", [
        "Ikigo cy'igihugu gishinzwe iteganyagihe cyatangaje ko muri uyu mwaka hazagwa imvura nyinshi mu ntara y'Amajyaruguru n'iy'Iburengerazuba. "
        "Iri tangazo rivuga ko igihembwe cy'imvura kizatangira hagati mu kwezi kwa Nzeri mu bice bimwe, kikarangira mu mpera z'Ukuboza. "
        "Icyakora ikigo kivuga ko hashobora kuba igihe gito cy'izuba ryinshi mu Gushyingo.",
        "Impuguke mu by'ikirere zigira inama abahinzi gutegereza ko imvura igwa neza mbere yo gutera imbuto. "
        "Zivuga ko iyo bateye kare cyane, imbuto zishobora gupfa iyo imvura ihagaze ibyumweru bibiri. "
        "Zinatanga inama yo gukoresha imbuto zera vuba mu bice imvura itamaramo igihe kirekire.",
        "Mu mijyi, ikigo cyaburiye abaturage ku bijyanye n'imyuzure, cyane cyane mu duce twegereye imigezi. "
        "Cyavuze ko gufunga imiyoboro y'amazi n'imyanda ari kimwe mu bitera imyuzure buri mwaka. "
        "Abakozi bashinzwe ibiza bavuga ko bamaze gutegura amato n'amahema mu gihe byaba bikenewe.",
        "Umusaza wo mu Murenge wa Kinigi avuga ko kera bamenyaga ikirere barebye inyoni n'umuyaga. "
        "Avuga ko ubu urubyiruko rwumva iteganyagihe kuri radiyo, ariko we akomeje kwizera ko ibimenyetso by'umuco bifite akamaro. "
        "Yifuza ko imvura yagwa mu rugero, ntisenye amazu kandi ntitware imyaka.",
        "Ikigo cyavuze ko kizajya kivugurura iteganyagihe buri byumweru bibiri, kandi amakuru azajya atangazwa kuri radiyo zikorera mu turere. Abaturage basabwe gukurikiza ubutumwa bw'imburi bwoherezwa kuri telefoni igihe hari imvura nyinshi. Abashoferi na bo basabwe kutambuka ibiraro igihe imigezi yuzuye.",
    ]),
    ("imikino", "Ikipe y'umupira w'amaguru y'akarere yegukanye igikombe cy'intara", [
        "Ikipe y'umupira w'amaguru y'urubyiruko yo mu Karere ka Rubavu yegukanye igikombe cy'irushanwa ry'intara nyuma yo gutsinda mukeba wayo ibitego bibiri kuri kimwe. "
        "Umukino wa nyuma wabereye kuri sitade y'akarere ku wa Gatandatu imbere y'abafana ibihumbi. "
        "Abafana baririmbaga kandi bavuza amafirimbi na mbere y'uko umukino utangira.",
        "Rutahizamu w'imyaka cumi n'irindwi, Niyonzima Patrick, ni we watsinze ibitego byombi. "
        "Yatsinze icya mbere n'umutwe ku munota wa makumyabiri, hanyuma atsinda icya kabiri habura akanya gato ngo umukino urangire. "
        "Umutoza w'ikipe yavuze ko uyu musore afite impano ikomeye, kandi yizeye ko amakipe akomeye azamubona.",
        "Abakinnyi bavuga ko bakoraga imyitozo buri gitondo mu gihe cy'amezi atatu mbere y'irushanwa. "
        "Bavuga ko bahuye n'ingorane zo kubura inkweto nziza n'imyambaro y'imikino, ariko ntibacike intege. "
        "Umucuruzi wo mu karere yabasezeranyije kubagurira imyambaro mishya nk'impano.",
        "Meya w'akarere yakiriye ikipe mu biro bye kandi ayishimira umuhate yagaragaje. "
        "Yavuze ko imikino ifasha urubyiruko kwirinda ibiyobyabwenge n'indi myitwarire mibi. "
        "Yanatangaje ko sitade y'akarere izavugururwa kugira ngo amarushanwa ajye ayiberamo mu gihe kizaza.",
        "Ikipe ubu izahagararira intara mu irushanwa ry'igihugu rizabera i Kigali mu kwezi gutaha. Ababyeyi b'abakinnyi bavuga ko bazakusanya inkunga yo gufasha mu mafaranga y'urugendo n'icumbi. Umutoza yibukije abakinnyi ko batagomba kwibagirwa amasomo yabo n'ubwo bakomeje imyitozo.",
    ]),
    ("amazi", "Abaturage babonye amazi meza nyuma y'imyaka myinshi", [
        "Abatuye mu Murenge wa Gikonko bishimiye ko amazi meza yatangiye kugera mu ngo zabo bwa mbere mu myaka itanu. "
        "Mbere, abagore n'abana babyukaga kare cyane bajya kuvoma ku isoko iri kure. "
        "Abandi bagaruraga amazi ku bantu bayatwara ku magare, ku giciro kiri hejuru buri munsi.",
        "Ikigo gishinzwe amazi cyavuze ko cyasannye imiyoboro yari yarangiritse kandi gishyiraho imashini nshya zisunika amazi. "
        "Injeniyeri wayoboye iyi mirimo yavuze ko byatwaye amezi umunani bakora amanywa n'ijoro. "
        "Yavuze ko ubu ingo zirenga ibihumbi bibiri zibona amazi meza buri munsi.",
        "Umugore ufite resitora avuga ko kubona amazi ya robine bizagabanya cyane amafaranga akoresha mu bucuruzi bwe. "
        "Asobanura ko mbere yakoreshaga hafi kimwe cya kabiri cy'inyungu ye agura amazi yo guteka no koza amasahani. "
        "Avuga kandi ko abana be batagikererwa ku ishuri kubera kuvoma.",
        "Abakozi b'ubuzima bavuga ko amazi meza azafasha kugabanya indwara nk'impiswi na kolera muri aka gace. "
        "Bagiriye inama abaturage gupfundikira ibikoresho bibikwamo amazi no gukaraba intoki bakoresheje isabune. "
        "Ikigo cy'amazi cyasabye abaturage kwishyura fagitire ku gihe kugira ngo haboneke amafaranga yo kwita ku miyoboro.",
        "Icyakora abaturage bamwe binubira ko rimwe na rimwe amazi abura nijoro. Ikigo cyasobanuye ko ibyo biba igihe bari kuzuza ibigega binini, kandi ko ikibazo kizakemuka vuba. Cyasabye kandi abaturage gutanga amakuru vuba igihe babonye umuyoboro uva ku muhanda.",
    ]),
    ("ikoranabuhanga", "Urubyiruko rwiga gukora telefoni zigendanwa", [
        "Ikigo cy'imyuga giherereye mu Karere ka Rusizi cyatangiye kwigisha abasore n'inkumi gukora telefoni zigendanwa na mudasobwa. "
        "Amasomo amara amezi atandatu, kandi abanyeshuri biga ibikorwa by'amaboko n'ubumenyi bw'ibanze icyarimwe. "
        "Urubyiruko rurenga mirongo itanu rwiyandikishije mu cyiciro cya mbere.",
        "Umwe mu banyeshuri, Mukamana Diane, avuga ko kuva kera yifuzaga gufungura iduka rye ryo gukora telefoni. "
        "Avuga ko ubu ashobora gusimbuza ikirahure cya telefoni, gukora aho bashyira umuriro no gukuramo virusi mu gikoresho. "
        "Yizeye ko nyuma y'amasomo azabona inguzanyo yo kugura ibikoresho.",
        "Umwarimu ubigisha avuga ko telefoni nyinshi bazanirwa zifite ikibazo cya batiri cyangwa amazi yinjiyemo. "
        "Avuga ko abantu benshi bajugunya telefoni kandi yakorwa ku mafaranga make. "
        "Abigisha kandi ko bagomba kurinda amakuru y'abakiriya, ntibigere bareba amafoto cyangwa ubutumwa bwabo.",
        "Umuyobozi w'ikigo avuga ko ubushomeri ari kimwe mu bibazo bikomeye urubyiruko rwo muri aka karere ruhura na byo. "
        "Avuga ko imyuga iha urubyiruko amahirwe yo kwihangira imirimo aho gutegereza akazi ka leta. "
        "Ikigo giteganya kongeramo amasomo yo gukora imirasire y'izuba mu mwaka utaha.",
        "Abarangiza amasomo bazahabwa impamyabumenyi yemewe n'ibigo bitandukanye by'ikoranabuhanga. Bamwe bamaze kubona amahirwe yo kwimenyereza umwuga mu maduka yo mu mujyi mu gihe cy'ibiruhuko. Ikigo cyifuza ko kimwe cya kabiri cy'abanyeshuri b'uyu mwaka baba ari abakobwa.",
    ]),
]
