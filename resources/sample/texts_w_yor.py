"""Yoruba (yor_Latn) pages of the sample, written for langforge (CC-BY-4.0)."""

DOMAINS = ["iroyinibadan.com.ng", "alaroyeoni.ng", "ohunegbe.com"]
UI = {"nav": ["Ilé", "Ìròyìn", "Òṣèlú", "Ọrọ̀ Ajé", "Eré Ìdárayá", "Ìlera", "Kàn sí Wa"],
      "cookie": "Ojú òpó yìí ń lo kúkì láti mú iṣẹ́ wa dára sí i.", "accept": "Mo gbà",
      "footer": ["Nípa Wa", "Ìlànà Àṣírí", "Ìpolówó"], "rights": "Gbogbo ẹ̀tọ́ wà ní ìpamọ́",
      "related": "Ìròyìn tó jọmọ́", "popular": "Èyí tí a kà jù", "comments": "Èrò àwọn òǹkàwé",
      "comment_texts": ["Ẹ ṣé fún ìròyìn yìí.", "Ọlọ́run á ràn wá lọ́wọ́.", "Ìjọba gbọ́dọ̀ wo ọ̀rọ̀ yìí."],
      "search": "Wá", "subscribe": "Forúkọ sílẹ̀ láti máa gba ìròyìn lójoojúmọ́"}
ARTICLES = [
    ("ogbin", "Àwọn àgbẹ̀ ní Ọ̀yọ́ ń múra sílẹ̀ fún àsìkò òjò", [
        "Àwọn àgbẹ̀ ní ìgbèríko ìpínlẹ̀ Ọ̀yọ́ ti bẹ̀rẹ̀ sí í ro oko wọn láti múra sílẹ̀ fún àsìkò òjò ọdún yìí. "
        "Ọ̀pọ̀ nínú wọn sọ pé òjò àkọ́kọ́ rọ̀ ní kùtùkùtù ju bí wọ́n ṣe rò lọ, èyí sì fún wọn ní ìrètí. "
        "Bàbá Ṣàngódèyí, tí ó ti ń ṣe iṣẹ́ àgbẹ̀ fún ọgbọ̀n ọdún, sọ pé òun fẹ́ gbin àgbàdo àti ẹ̀wà lọ́dún yìí.",
        "Ó ní owó ajílẹ̀ ti wọ́n gan-an ní ọjà, nítorí náà àwọn àgbẹ̀ kan ń lo ìgbẹ́ ẹran dípò rẹ̀. "
        "Wọ́n máa ń kó ìgbẹ́ ewúrẹ́ àti ti màlúù jọ sínú kòtò títí tí yóò fi jẹrà, kí wọ́n tó dà á sínú oko. "
        "Ó ṣàlàyé pé ọ̀nà yìí kò wọ́n, ó sì ń ran ilẹ̀ lọ́wọ́ láti di omi mú fún ìgbà pípẹ́.",
        "Àwọn òṣìṣẹ́ ilé iṣẹ́ ètò ọ̀gbìn ṣe àbẹ̀wò sí abúlé náà ní ọ̀sẹ̀ tó kọjá láti kọ́ àwọn àgbẹ̀ bí wọ́n ṣe lè yan irúgbìn tó dára. "
        "Wọ́n fi irú àgbàdo kan hàn wọ́n tí ó lè fara da ọ̀dá, tí ó sì máa ń gbó láàrin ọjọ́ àádọ́rùn-ún péré. "
        "Àwọn ọ̀dọ́ kan sọ pé àwọn yóò kọ́kọ́ dán an wò ní apá kan oko wọn.",
        "Ṣùgbọ́n àwọn àgbẹ̀ ráhùn nípa àìsí ọ̀nà tó dára tí wọ́n lè gbà kó èso oko lọ sí ọjà. "
        "Tí òjò bá pọ̀ jù, ọkọ̀ kò lè wọ inú abúlé, ohun ọ̀gbìn sì máa ń bàjẹ́ sínú àká. "
        "Alága ẹgbẹ́ àwọn àgbẹ̀ rọ ìjọba ìbílẹ̀ láti tún ojú ọ̀nà tó so abúlé náà mọ́ ọjà ńlá ṣe.",
    ]),
    ("ilera", "Ilé ìwòsàn bẹ̀rẹ̀ àjẹsára fún àwọn ọmọdé", [
        "Ilé ìwòsàn ńlá ìlú Ògbómọ̀ṣọ́ ti bẹ̀rẹ̀ ètò àjẹsára tuntun fún àwọn ọmọ kékeré ní ọjọ́ Ajé. "
        "Ètò náà yóò gba ọ̀sẹ̀ méjì, àwọn òṣìṣẹ́ ìlera yóò sì lọ láti ilé dé ilé kí wọ́n má bàa fi ọmọ kankan sílẹ̀. "
        "Àwọn dókítà sọ pé àjẹsára ń dáàbò bo àwọn ọmọdé lọ́wọ́ àrùn bíi ààrùn ẹ̀tẹ̀, rọpárọsẹ̀ àti ikọ́ líle.",
        "Nọ́ọ̀sì kan tí orúkọ rẹ̀ ń jẹ́ Ìyá Àdùkẹ́ sọ pé ọ̀pọ̀ ìyá ló jáde ní ọjọ́ àkọ́kọ́. "
        "Ó ní tẹ́lẹ̀ rí, àwọn òbí kan máa ń bẹ̀rù abẹ́rẹ́, ṣùgbọ́n ní báyìí wọ́n ti mọ ìwúlò rẹ̀. "
        "Àwọn olórí àdúgbò àti àwọn aṣáájú ẹ̀sìn ràn wọ́n lọ́wọ́ láti polongo ètò náà ní mọ́sálásí, ní ṣọ́ọ̀ṣì àti ní ọjà.",
        "Dókítà tó ń darí ètò náà ṣàlàyé pé a gbọ́dọ̀ tọ́jú oògùn àjẹsára sínú òtútù nígbà gbogbo. "
        "Fún ìdí èyí, ilé ìwòsàn ra fìríìjì tuntun tí ń lo agbára oòrùn fún àwọn abúlé tí kò ní iná mànàmáná. "
        "Ó fi kún un pé ọmọ tí kò gba gbogbo abẹ́rẹ́ rẹ̀ wà nínú ewu tí àjàkálẹ̀ àrùn bá bẹ́ sílẹ̀.",
        "Yàtọ̀ sí àjẹsára, àwọn òṣìṣẹ́ ìlera tún ń wọn ìwúwo àwọn ọmọdé, wọ́n sì ń gba àwọn òbí nímọ̀ràn nípa oúnjẹ aṣaralóore. "
        "Wọ́n rọ àwọn ìyá láti fún ọmọ ní ọmú nìkan fún oṣù mẹ́fà àkọ́kọ́. "
        "Ọ̀pọ̀ òbí sọ pé inú wọn dùn sí bí wọ́n ṣe ṣètò iṣẹ́ náà, wọ́n sì ń retí pé yóò máa wáyé lọ́dọọdún.",
    ]),
    ("oja", "Iye owó oúnjẹ gbé pẹ́ẹ́lí ní ọjà Bódìjà", [
        "Àwọn oníṣòwò ní ọjà Bódìjà ní ìlú Ìbàdàn sọ pé iye owó oúnjẹ ti lọ sókè ní oṣù yìí. "
        "Àpò ìrẹsì tí wọ́n ń tà ní ẹgbẹ̀rún lọ́nà àádọ́ta náírà ní oṣù tó kọjá ti di ẹgbẹ̀rún lọ́nà ọgọ́ta báyìí. "
        "Àwọn tó ń rajà sọ pé àwọn kò mọ bí àwọn ṣe máa bọ́ ìdílé wọn tí owó bá ń gòkè bẹ́ẹ̀.",
        "Oníṣòwò ẹ̀wà kan, Alhaji Ràhímì, sọ pé owó epo bẹ́tìrólù tó ga ló fa ìṣòro náà jùlọ. "
        "Ó ní owó ọkọ̀ láti oko dé ọjà ti di ìlọ́po méjì, àwọn oníṣòwò sì gbọ́dọ̀ fi kún owó ọjà wọn. "
        "Ó fi kún un pé inú òun náà kò dùn, nítorí àwọn oníbàárà òun ti dín kù gan-an.",
        "Àwọn onímọ̀ ọrọ̀ ajé sọ pé owó lè wálẹ̀ lẹ́yìn ìkórè, nígbà tí irè oko tuntun bá dé ọjà. "
        "Ṣùgbọ́n wọ́n kìlọ̀ pé kíkó oúnjẹ pamọ́ sínú àká kí wọ́n lè tà á lówó gíga ń fi kún ìyà àwọn tálákà. "
        "Wọ́n rọ ìjọba láti ṣí àwọn àká ìpamọ́ oúnjẹ ti orílẹ̀-èdè sílẹ̀ kí ara lè rọ àwọn aráàlú díẹ̀.",
        "Ní tirẹ̀, ìyá kan tó ń ta ata àti tòmátì sọ pé owó ọjà rẹ̀ ti wálẹ̀ ní ọ̀sẹ̀ yìí. "
        "Ó ní ìdí ni pé àsìkò ìkórè wọn ni, ṣùgbọ́n wọn kì í pẹ́ tí wọ́n fi ń bàjẹ́. "
        "Ó bẹ̀bẹ̀ pé kí wọ́n kọ́ ilé ìtọ́jú tútù sínú ọjà náà kí àwọn àgbẹ̀ má bàa máa pàdánù èrè wọn.",
    ]),
    ("eko", "Ilé ẹ̀kọ́ alákọ̀ọ́bẹ̀rẹ̀ tuntun ṣí sílẹ̀ ní Ìwó", [
        "Wọ́n ti ṣí ilé ẹ̀kọ́ alákọ̀ọ́bẹ̀rẹ̀ tuntun kan sílẹ̀ ní ìlú Ìwó tí yóò gba akẹ́kọ̀ọ́ tó ju irínwó lọ. "
        "Ilé ẹ̀kọ́ náà ní yàrá ìkẹ́kọ̀ọ́ méjìlá, ibi ìkàwé, ilé ìgbọ̀nsẹ̀ tó mọ́ àti kànga oníhò jíjìn. "
        "Àwọn òbí sọ pé tẹ́lẹ̀ rí, àwọn ọmọ wọn máa ń rìn tó kìlómítà márùn-ún kí wọ́n tó dé ilé ẹ̀kọ́ tó sún mọ́ wọn jù.",
        "Olùkọ́ àgbà ilé ẹ̀kọ́ náà, Ọ̀gbẹ́ni Adéwálé Ògúnjọbí, sọ pé wọ́n ti gba olùkọ́ mẹ́ẹ̀ẹ́dógún síṣẹ́. "
        "Ó ṣàlàyé pé èdè Yorùbá ni wọ́n máa fi kọ́ àwọn ọmọ ní ọdún àkọ́kọ́, kí wọ́n tó máa lo èdè Gẹ̀ẹ́sì díẹ̀díẹ̀. "
        "Ó ní àwọn ọmọdé máa ń tètè ní òye ẹ̀kọ́ tí wọ́n bá fi èdè abínibí wọn kọ́ wọn.",
        "Ìyá kan tó bí ọmọ mẹ́ta sọ pé inú òun dùn nítorí pé àwọn ọmọbìnrin òun lè lọ sí ilé ẹ̀kọ́ nítòsí báyìí. "
        "Ó ní ẹ̀rù máa ń bà òun tẹ́lẹ̀ láti jẹ́ kí wọ́n dá rìn ní ọ̀nà jíjìn. "
        "Ẹgbẹ́ àwọn òbí àti olùkọ́ ti pinnu láti máa pèsè oúnjẹ ọ̀sán kí àwọn ọmọ lè máa wà nínú kíláàsì.",
        "Kọmíṣọ́nnà fún ètò ẹ̀kọ́ ní ìpínlẹ̀ náà sọ pé ìjọba ń gbèrò láti kọ́ irú ilé ẹ̀kọ́ bẹ́ẹ̀ ní ìjọba ìbílẹ̀ mẹ́fà mìíràn. "
        "Ó rọ àwọn aráàlú láti máa tọ́jú àwọn ilé náà, kí wọ́n sì máa fi ẹjọ́ ẹnikẹ́ni tó bá ba nǹkan jẹ́ sùn. "
        "Ó tún ṣèlérí pé wọn yóò pèsè àga àti ìwé kí sáà ẹ̀kọ́ tuntun tó bẹ̀rẹ̀.",
    ]),
    ("oju-ojo", "Àjọ ojú ọjọ́ sọ àsọtẹ́lẹ̀ òjò púpọ̀", [
        "Àjọ tó ń rí sí ọ̀rọ̀ ojú ọjọ́ ní orílẹ̀-èdè yìí ti kéde pé òjò púpọ̀ yóò rọ̀ ní ìpínlẹ̀ ìwọ̀ oòrùn lọ́dún yìí. "
        "Ìròyìn náà sọ pé àsìkò òjò yóò bẹ̀rẹ̀ ní ìbẹ̀rẹ̀ oṣù Kẹrin ní àwọn agbègbè kan, yóò sì parí ní oṣù Kẹwàá. "
        "Síbẹ̀, àjọ náà sọ pé ọ̀dá kékeré lè wáyé fún ìgbà díẹ̀ ní oṣù Ògún.",
        "Àwọn onímọ̀ nípa ojú ọjọ́ gba àwọn àgbẹ̀ nímọ̀ràn láti dúró kí òjò tó rọ̀ dáadáa kí wọ́n tó gbin irúgbìn. "
        "Wọ́n ní tí wọ́n bá gbìn ní kùtùkùtù, irúgbìn lè kú tí òjò bá dá fún ọ̀sẹ̀ méjì. "
        "Wọ́n tún gbà wọ́n níyànjú láti lo irúgbìn tó máa ń tètè gbó ní àwọn agbègbè tí òjò kì í pẹ́.",
        "Ní àwọn ìlú ńlá, àjọ náà kìlọ̀ nípa àkúnya omi, pàápàá ní àwọn àdúgbò tó wà lẹ́bàá odò. "
        "Ó ní dídí àwọn ojú àgbàrá pẹ̀lú pàǹtí wà lára ohun tó ń fa àkúnya omi lọ́dọọdún. "
        "Àwọn òṣìṣẹ́ àjọ pàjáwìrì sọ pé àwọn ti ṣètò ọkọ̀ ojú omi àti àgọ́ fún ìgbà tí ìṣòro bá dé.",
        "Bàbá àgbàlagbà kan ní abúlé Olórunṣògo sọ pé láyé àtijọ́, wọ́n máa ń mọ ojú ọjọ́ nípa wíwo àwọn ẹyẹ àti afẹ́fẹ́. "
        "Ó ní àwọn ọ̀dọ́ òde òní ń gbọ́ àsọtẹ́lẹ̀ lórí rédíò, ṣùgbọ́n òun ṣì gbà pé àmì ìbílẹ̀ wúlò. "
        "Ó gbàdúrà pé kí òjò rọ̀ níwọ̀nba, kí ó má ba ilé àti oko jẹ́.",
    ]),
    ("idaraya", "Ẹgbẹ́ agbábọ́ọ̀lù ìlú gba ife ẹ̀yẹ ìpínlẹ̀", [
        "Ẹgbẹ́ agbábọ́ọ̀lù àwọn ọ̀dọ́ ìlú Ẹdẹ ti gba ife ẹ̀yẹ ìdíje ìpínlẹ̀ lẹ́yìn tí wọ́n borí alátakò wọn pẹ̀lú àmì ayò méjì sí ẹyọ kan. "
        "Wọ́n gbá ìdíje àṣekágbá náà ní pápá ìṣeré ìlú ní ọjọ́ Àbámẹ́ta níwájú ẹgbẹẹgbẹ̀rún òǹwòran. "
        "Àwọn olólùfẹ́ ẹgbẹ́ náà ń kọrin, wọ́n sì ń fọn fèrè kí ìdíje tó bẹ̀rẹ̀.",
        "Agbábọ́ọ̀lù iwájú ọlọ́dún mẹ́tàdínlógún, Túndé Àkàndé, ló gbá góòlù méjèèjì wọlé. "
        "Ó fi orí gbá àkọ́kọ́ wọlé ní ìṣẹ́jú ogún, ó sì gbá èkejì wọlé nígbà tí ìdíje ku díẹ̀ kó parí. "
        "Olùkọ́ni ẹgbẹ́ náà sọ pé ọmọ náà ní ẹ̀bùn gidi, ó sì ń retí pé àwọn ẹgbẹ́ ńlá yóò ṣàkíyèsí rẹ̀.",
        "Àwọn agbábọ́ọ̀lù náà sọ pé àwọn ń ṣe ìdánrawò ní àràárọ̀ fún oṣù mẹ́ta kí ìdíje tó bẹ̀rẹ̀. "
        "Wọ́n ní ìyà jẹ àwọn nítorí àìsí bàtà tó dára àti aṣọ ìṣeré, ṣùgbọ́n àwọn kò jẹ́ kí ó dá àwọn dúró. "
        "Oníṣòwò kan nílùú ti ṣèlérí láti ra aṣọ ìṣeré tuntun fún wọn gẹ́gẹ́ bí ẹ̀bùn.",
        "Alága ìjọba ìbílẹ̀ gba àwọn agbábọ́ọ̀lù náà lálejò ní ọ́fíìsì rẹ̀, ó sì gbóríyìn fún wọn. "
        "Ó ní eré ìdárayá ń ran àwọn ọ̀dọ́ lọ́wọ́ láti yàgò fún oògùn olóró àti ìwà burúkú mìíràn. "
        "Ó tún kéde pé wọn yóò tún pápá ìṣeré ìlú ṣe kí wọ́n lè máa ṣe ìdíje níbẹ̀ lọ́jọ́ iwájú.",
    ]),
    ("omi", "Àwọn olùgbé àdúgbò rí omi ẹ̀rọ lẹ́yìn ọ̀pọ̀ ọdún", [
        "Inú àwọn olùgbé àdúgbò Ọjà Ọba dùn nígbà tí omi ẹ̀rọ bẹ̀rẹ̀ sí í ṣàn nínú ilé wọn fún ìgbà àkọ́kọ́ láàrin ọdún márùn-ún. "
        "Tẹ́lẹ̀ rí, àwọn obìnrin àti ọmọdé máa ń jí láti òwúrọ̀ kùtùkùtù láti pọn omi láti kànga tó jìnnà. "
        "Àwọn mìíràn máa ń ra omi lọ́wọ́ àwọn tó ń ta omi lórí kẹ̀kẹ́ ní owó gíga lójoojúmọ́.",
        "Àjọ tó ń pèsè omi fún ìpínlẹ̀ náà sọ pé òun ti tún àwọn páìpù tó bàjẹ́ ṣe, ó sì ti ra ẹ̀rọ tuntun tí ń fa omi. "
        "Onímọ̀ ẹ̀rọ tó darí iṣẹ́ náà sọ pé wọ́n fi oṣù mẹ́jọ ṣiṣẹ́ tọ̀sán tòru. "
        "Ó ní báyìí, ilé tó ju ẹgbẹ̀rún méjì lọ ló ń rí omi tó mọ́ lójoojúmọ́.",
        "Obìnrin kan tó ní ilé oúnjẹ sọ pé omi ẹ̀rọ yóò dín owó tí òun ń ná kù gan-an. "
        "Ó ní tẹ́lẹ̀, ìdajì èrè òun ló ń lọ sórí rírà omi fún sísè àti fífọ àwo. "
        "Ó tún sọ pé àwọn ọmọ òun kì í pẹ́ dé ilé ẹ̀kọ́ mọ́ nítorí pípọn omi.",
        "Àwọn òṣìṣẹ́ ìlera sọ pé omi tó mọ́ yóò ràn wọ́n lọ́wọ́ láti dín àrùn bíi ìgbẹ́ gbuuru àti onígbáméjì kù ní àdúgbò náà. "
        "Wọ́n gba àwọn olùgbé nímọ̀ràn láti máa bo ìkòkò omi, kí wọ́n sì máa fi ọṣẹ fọ ọwọ́ wọn. "
        "Àjọ omi náà bẹ àwọn aráàlú pé kí wọ́n máa san owó omi lásìkò kí wọ́n lè máa tọ́jú àwọn páìpù.",
    ]),
    ("imo-ero", "Àwọn ọ̀dọ́ ń kọ́ iṣẹ́ títún fóònù ṣe", [
        "Ibùdó ìkọ́ṣẹ́ kan ní ìlú Òṣogbo ti bẹ̀rẹ̀ sí í kọ́ àwọn ọ̀dọ́kùnrin àti ọ̀dọ́bìnrin bí wọ́n ṣe ń tún fóònù àti kọ̀ǹpútà ṣe. "
        "Ẹ̀kọ́ náà máa ń gba oṣù mẹ́fà, àwọn akẹ́kọ̀ọ́ sì ń kọ́ iṣẹ́ ọwọ́ àti ìmọ̀ ìpìlẹ̀ pọ̀. "
        "Ọ̀dọ́ tó ju àádọ́ta lọ ló forúkọ sílẹ̀ fún ìpele àkọ́kọ́.",
        "Ọ̀kan lára àwọn akẹ́kọ̀ọ́ náà, Bọ́láńlé Adébáyọ̀, sọ pé ó ti pẹ́ tí òun ti fẹ́ ṣí ṣọ́ọ̀bù títún fóònù ṣe ti ara òun. "
        "Ó ní òun ti mọ bí a ṣe ń pààrọ̀ ojú fóònù, bí a ṣe ń tún ibi ìgbaná ṣe àti bí a ṣe ń yọ kòkòrò àìrí kúrò nínú ẹ̀rọ. "
        "Ó ń retí pé lẹ́yìn ẹ̀kọ́ náà, òun yóò rí owó yá láti ra irinṣẹ́.",
        "Olùkọ́ tó ń kọ́ wọn sọ pé ọ̀pọ̀ fóònù tí wọ́n ń mú wá ló ní ìṣòro bátìrì tàbí omi tó wọ inú rẹ̀. "
        "Ó ní ọ̀pọ̀ èèyàn máa ń da fóònù nù, bẹ́ẹ̀ sì rèé, owó díẹ̀ ló máa ná láti tún un ṣe. "
        "Ó tún kọ́ àwọn akẹ́kọ̀ọ́ bí wọ́n ṣe lè dáàbò bo àṣírí àwọn oníbàárà, kí wọ́n má sì yẹ fọ́tò tàbí ọ̀rọ̀ wọn wò.",
        "Olùdarí ibùdó náà sọ pé àìríṣẹ́ṣe wà lára ìṣòro ńlá tó ń kojú àwọn ọ̀dọ́ ní agbègbè náà. "
        "Ó ní iṣẹ́ ọwọ́ ń jẹ́ kí àwọn ọ̀dọ́ dá dúró láìretí iṣẹ́ ìjọba. "
        "Ibùdó náà ń gbèrò láti fi ẹ̀kọ́ títún ẹ̀rọ agbára oòrùn ṣe kún un lọ́dún tó ń bọ̀.",
    ]),
]
