"""Hausa (hau_Latn) pages of the sample, written for langforge (CC-BY-4.0)."""

DOMAINS = ["labarunkano.com.ng", "muryarzaria.ng", "jaridarmaradi.ne"]
UI = {"nav": ["Gida", "Labarai", "Siyasa", "Tattalin Arziki", "Wasanni", "Lafiya", "Tuntuɓe Mu"],
      "cookie": "Wannan shafi yana amfani da kukis domin inganta ayyukanmu.", "accept": "Na yarda",
      "footer": ["Game da Mu", "Manufar Sirri", "Talla"], "rights": "Dukkan haƙƙoƙi a kiyaye suke",
      "related": "Labarai masu alaƙa", "popular": "Waɗanda aka fi karantawa", "comments": "Ra'ayoyin masu karatu",
      "comment_texts": ["Mun gode da wannan labari.", "Allah ya kiyaye mu baki ɗaya.",
                        "Gwamnati ta duba wannan batu."],
      "search": "Nema", "subscribe": "Yi rajista domin samun labarai kowace rana"}
ARTICLES = [
    ("noma", "Manoma a Kano sun fara shirin noman damina", [
        "Manoma a ƙauyukan jihar Kano sun fara share gonakinsu domin shirin noman damina na bana. "
        "Mutane da dama sun ce ruwan sama na farko ya zo da wuri fiye da yadda suka zata, kuma hakan ya ba su ƙwarin gwiwa. "
        "Malam Sani Abdullahi, wanda ya shafe shekaru talatin yana noma, ya ce yana son ya shuka masara da gyaɗa a wannan shekara.",
        "A cewarsa, farashin takin zamani ya yi tsada sosai a kasuwa, don haka wasu manoma suna amfani da taki na gargajiya. "
        "Suna tattara kashin shanu da na awaki a cikin rami har ya ruɓe, sannan su watsa shi a gona kafin shuka. "
        "Ya ce wannan hanya ba ta da tsada, kuma tana taimaka wa ƙasa ta riƙe ruwa na tsawon lokaci.",
        "Jami'an ma'aikatar noma sun ziyarci ƙauyen a makon da ya gabata domin koya wa manoma yadda za su zaɓi iri mai kyau. "
        "Sun nuna musu irin masara da ke jure fari, wanda ke nuna amfani cikin kwanaki casa'in kacal. "
        "Wasu matasa sun ce za su gwada wannan iri a wani ɓangare na gonakinsu kafin su yi amfani da shi baki ɗaya.",
        "Duk da haka, manoma sun koka game da rashin hanyoyi masu kyau da za su kai amfanin gona zuwa kasuwa. "
        "Idan damina ta yi ƙarfi, motoci ba sa iya shiga ƙauyuka da yawa, kuma kaya suna lalacewa a rumbu. "
        "Shugaban ƙungiyar manoma ya yi kira ga ƙaramar hukuma ta gyara titin da ya haɗa ƙauyukan da babbar kasuwa.",
    ]),
    ("lafiya", "Asibiti ya ƙaddamar da allurar rigakafi ga yara", [
        "Babban asibitin garin Zariya ya ƙaddamar da sabon shirin allurar rigakafi ga yara ƙanana a ranar Litinin. "
        "Shirin zai ɗauki tsawon makonni biyu, kuma za a bi gida-gida domin kada a bar kowane yaro a baya. "
        "Likitoci sun ce rigakafin yana kare yara daga cututtuka kamar kyanda, shan inna da tari mai zafi.",
        "Wata ma'aikaciyar jinya mai suna Hajiya Zainab Musa ta ce iyaye mata sun fito da yawa a ranar farko. "
        "Ta bayyana cewa a da wasu iyaye suna jin tsoron allurar, amma yanzu sun fahimci muhimmancinta. "
        "Masu unguwanni da limamai sun taimaka wajen wayar da kan jama'a ta hanyar yin magana a masallatai da kasuwanni.",
        "Likitan da ke kula da shirin ya ce ana buƙatar a ajiye maganin rigakafin a cikin sanyi kodayaushe. "
        "Saboda haka asibitin ya sayi sababbin firji masu amfani da hasken rana domin ƙauyukan da ba su da wutar lantarki. "
        "Ya ƙara da cewa yaron da bai sami dukkan alluransa ba yana cikin haɗari idan annoba ta ɓarke.",
        "Bayan rigakafi, ma'aikatan lafiya suna kuma auna nauyin yara tare da ba wa iyaye shawara game da abinci mai gina jiki. "
        "Sun shawarci mata su shayar da jarirai nono zalla har tsawon watanni shida na farko. "
        "Iyaye da dama sun ce sun gamsu da yadda aka tsara aikin, kuma suna fatan za a ci gaba da shi kowace shekara.",
    ]),
    ("kasuwa", "Farashin kayan abinci ya tashi a kasuwar Dawanau", [
        "'Yan kasuwa a babbar kasuwar hatsi ta Dawanau sun ce farashin kayan abinci ya ƙaru a cikin watan nan. "
        "Buhun shinkafa da ake sayarwa a kan kuɗi dubu hamsin a watan jiya yanzu ya kai dubu sittin. "
        "Masu saye sun ce ba su san yadda za su ciyar da iyalansu ba idan farashin ya ci gaba da hauhawa.",
        "Wani dillalin wake mai suna Alhaji Bello ya ce tsadar man fetur ce babban dalilin wannan matsala. "
        "A cewarsa, kuɗin mota daga gonaki zuwa kasuwa ya ninka sau biyu, kuma dole ne 'yan kasuwa su ƙara kuɗin kaya. "
        "Ya ce shi ma ba ya jin daɗin halin da ake ciki, domin abokan cinikinsa sun ragu sosai.",
        "Masana tattalin arziki sun ce farashin zai iya sauka bayan girbi, lokacin da sabon hatsi zai shigo kasuwa. "
        "Sai dai sun yi gargaɗi cewa ajiye hatsi a rumbu domin a sayar da shi da tsada yana ƙara wa talakawa wahala. "
        "Sun roƙi gwamnati ta buɗe rumbunan ajiya na ƙasa domin a rage matsin da jama'a ke fuskanta.",
        "A nata ɓangaren, wata mai sayar da kayan miya ta ce tumatur da albasa sun yi arha a wannan makon. "
        "Ta ce ana samun su da yawa saboda lokacin girbinsu ne, amma ba sa daɗewa ba tare da sun lalace ba. "
        "Ta yi kira da a gina wuraren ajiya masu sanyi a kasuwar domin manoma su daina asarar amfanin gonakinsu.",
    ]),
    ("ilimi", "Sabuwar makarantar firamare ta buɗe ƙofofinta a Dutsinma", [
        "An buɗe sabuwar makarantar firamare a garin Dutsinma wadda za ta ɗauki ɗalibai fiye da ɗari huɗu. "
        "Makarantar tana da azuzuwa goma sha biyu, ɗakin karatu, bandakuna masu tsabta da rijiyar burtsatse. "
        "Iyayen yara sun ce a da 'ya'yansu suna tafiya nisan kilomita biyar kafin su isa makaranta mafi kusa.",
        "Shugaban makarantar, Malam Ibrahim Yusuf, ya ce an riga an ɗauki malamai goma sha biyar. "
        "Ya bayyana cewa za a koyar da yara da Hausa a shekarun farko, sannan a ci gaba da Turanci a hankali. "
        "A cewarsa, yara suna fahimtar darussa da sauri idan aka fara koya musu da harshen da suka taso da shi.",
        "Wata uwa mai 'ya'ya uku ta ce ta fi jin daɗi yanzu da 'ya'yanta mata ke iya zuwa makaranta a kusa. "
        "Ta ce a baya tana jin tsoron barin su suna tafiya su kaɗai a kan hanya mai nisa. "
        "Kwamitin iyaye da malamai ya yanke shawarar samar da abinci na rana domin ƙarfafa yara su zauna a aji.",
        "Kwamishinan ilimi na jihar ya ce gwamnati tana shirin gina irin wannan makaranta a wasu ƙananan hukumomi shida. "
        "Ya roƙi al'umma su kula da gine-ginen kuma su kai rahoton duk wata ɓarna ga hukuma. "
        "Ya kuma yi alƙawarin cewa za a samar da kujeru da littattafai kafin fara sabon zangon karatu.",
    ]),
    ("yanayi", "Hukumar yanayi ta yi hasashen ruwan sama mai yawa", [
        "Hukumar kula da yanayi ta ƙasa ta fitar da hasashen cewa za a samu ruwan sama mai yawa a jihohin arewa a wannan shekara. "
        "Rahoton ya ce damina za ta fara a tsakiyar watan Mayu a wasu yankuna, kuma za ta ƙare a ƙarshen watan Satumba. "
        "Sai dai hukumar ta ce za a iya samun ɗan gajeren lokaci na fari a cikin watan Yuli.",
        "Masana yanayi sun shawarci manoma su jira ruwan sama ya tsaya sosai kafin su shuka iri. "
        "Sun ce idan aka shuka da wuri, iri na iya mutuwa idan ruwa ya ɗauke na tsawon makonni biyu. "
        "Haka kuma sun ba da shawarar a yi amfani da irin da ke nuna amfani da wuri a yankunan da ruwan ba ya daɗewa.",
        "A garuruwa, hukumar ta yi gargaɗi game da ambaliyar ruwa, musamman a unguwannin da ke kusa da koguna. "
        "Ta ce toshe magudanan ruwa da shara yana daga cikin abubuwan da ke haddasa ambaliya a kowace shekara. "
        "Jami'an hukumar agajin gaggawa sun ce sun shirya jiragen ruwa da tantuna idan bukata ta taso.",
        "Wani dattijo a ƙauyen Gidan Kwano ya ce a zamanin da suna gane yanayi ta hanyar kallon tsuntsaye da iska. "
        "Ya ce yanzu matasa suna sauraron hasashen rediyo, amma har yanzu yana ganin alamomin gargajiya suna da amfani. "
        "Ya yi fatan ruwan zai zo daidai gwargwado, ba tare da ya lalata gidaje da gonaki ba.",
    ]),
    ("wasanni", "Ƙungiyar ƙwallon ƙafa ta garin ta lashe kofin jiha", [
        "Ƙungiyar ƙwallon ƙafa ta matasan garin Funtua ta lashe kofin gasar jiha bayan ta doke abokiyar hamayyarta da ci biyu da ɗaya. "
        "An buga wasan ƙarshe a filin wasa na birnin a ranar Asabar a gaban dubban 'yan kallo. "
        "Magoya baya sun yi ta rera waƙoƙi da busa usur tun kafin a fara wasan.",
        "Ɗan wasan gaba mai shekaru goma sha bakwai, Abubakar Lawal, ne ya zura ƙwallaye biyu a raga. "
        "Ya ci na farko da kai a minti na ashirin, sannan ya ci na biyu daf da tashi daga wasa. "
        "Kocin ƙungiyar ya ce yaron yana da hazaka sosai, kuma yana fatan manyan ƙungiyoyi za su lura da shi.",
        "'Yan wasan sun bayyana cewa sun yi atisaye kowace safiya har tsawon watanni uku kafin gasar. "
        "Sun ce sun sha wahala saboda rashin takalma masu kyau da kayan wasa, amma ba su yi ƙasa a gwiwa ba. "
        "Wani ɗan kasuwa na garin ya yi musu alƙawarin sayen sababbin kayan wasa a matsayin kyauta.",
        "Shugaban ƙaramar hukuma ya karɓi tawagar a fadarsa kuma ya yaba musu da irin ƙoƙarin da suka yi. "
        "Ya ce wasanni suna taimaka wa matasa su guji shaye-shaye da sauran ɗabi'u marasa kyau. "
        "Ya kuma sanar da cewa za a gyara filin wasan garin domin a riƙa shirya gasa a can nan gaba.",
    ]),
    ("ruwa", "Mazauna unguwa sun sami ruwan famfo bayan shekaru", [
        "Mazauna unguwar Tudun Wada sun yi murna bayan da ruwan famfo ya fara gudana a gidajensu a karon farko cikin shekaru biyar. "
        "A baya, mata da yara suna tashi tun asuba domin su ɗebo ruwa daga rijiya mai nisa. "
        "Wasu kuma suna sayen ruwa daga masu kura a kan farashi mai tsada kowace rana.",
        "Hukumar samar da ruwa ta jihar ta ce ta gyara bututun da suka lalace tare da sanya sababbin injunan tura ruwa. "
        "Injiniyan da ya jagoranci aikin ya ce an ɗauki watanni takwas ana aiki ba dare ba rana. "
        "Ya ce yanzu gidaje fiye da dubu biyu suna samun ruwa mai tsabta a kowace rana.",
        "Wata mai gidan abinci ta ce samun ruwan famfo zai rage mata kashe kuɗi sosai a kasuwancinta. "
        "Ta ce a da tana kashe kusan rabin ribar da take samu wajen sayen ruwa na dafa abinci da wanke kwanoni. "
        "Ta kuma ce yanzu 'ya'yanta ba sa makara zuwa makaranta saboda ɗebo ruwa.",
        "Jami'an lafiya sun ce ruwa mai tsabta zai taimaka wajen rage cututtuka kamar gudawa da kwalara a unguwar. "
        "Sun shawarci mazauna su riƙa rufe tukwanen ajiyar ruwa kuma su wanke hannayensu da sabulu. "
        "Hukumar ruwa ta roƙi jama'a su biya kuɗin ruwa a kan lokaci domin a samu damar kula da bututun.",
    ]),
    ("fasaha", "Matasa suna koyon gyaran wayoyin hannu a cibiyar koyon sana'a", [
        "Wata cibiyar koyon sana'a a birnin Katsina ta fara koya wa matasa maza da mata gyaran wayoyin hannu da kwamfuta. "
        "Kwas ɗin yana ɗaukar tsawon watanni shida, kuma ɗalibai suna koyon aikin hannu da na ka'ida a lokaci guda. "
        "Fiye da matasa hamsin ne suka yi rajista a rukunin farko.",
        "Ɗaya daga cikin ɗaliban, Fatima Shehu, ta ce ta daɗe tana son ta buɗe shagon gyaran waya nata. "
        "Ta ce yanzu ta iya canza allon waya, gyara caji da kuma cire ƙwayoyin cuta daga na'ura. "
        "Tana fatan bayan kammala karatun za ta sami bashin da zai ba ta damar sayen kayan aiki.",
        "Malamin da ke koyarwa ya ce yawancin wayoyin da ake kawowa gyara suna da matsalar batir ko ruwan da ya shiga ciki. "
        "Ya ce mutane da yawa suna jefar da waya alhali za a iya gyara ta da ɗan kuɗi kaɗan. "
        "Ya kuma koya wa ɗalibai yadda za su kare bayanan masu waya kuma kada su taɓa duba hotuna ko saƙonninsu.",
        "Daraktan cibiyar ya ce rashin aikin yi yana daga cikin manyan matsalolin da matasa ke fuskanta a yankin. "
        "A cewarsa, sana'ar hannu tana bai wa matasa damar dogaro da kansu maimakon jiran aikin gwamnati. "
        "Cibiyar tana shirin ƙara kwas na gyaran na'urorin hasken rana a shekara mai zuwa.",
    ]),
]
