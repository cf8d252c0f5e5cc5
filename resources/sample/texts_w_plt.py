"""Malagasy (plt_Latn) pages of the sample, written for langforge (CC-BY-4.0)."""

DOMAINS = ["vaovaoantsirabe.mg", "gazetyfianarantsoa.mg", "feonitoamasina.mg"]
UI = {"nav": ["Fandraisana", "Vaovao", "Politika", "Toekarena", "Fanatanjahantena", "Fahasalamana", "Mifandraisa aminay"],
      "cookie": "Mampiasa cookies ity tranonkala ity mba hanatsarana ny tolotray.", "accept": "Ekeko",
      "footer": ["Momba anay", "Fiarovana ny tsiambaratelo", "Dokam-barotra"], "rights": "Zo rehetra voatokana",
      "related": "Vaovao mifandraika", "popular": "Be mpamaky indrindra", "comments": "Hevitry ny mpamaky",
      "comment_texts": ["Misaotra tamin'ity vaovao ity.", "Tena vaovao tsara izany!", "Tokony hijery izany ny fanjakana."],
      "search": "Hikaroka", "subscribe": "Misoratra anarana hahazoana vaovao isan'andro"}
ARTICLES = [
    ("fambolena", "Manomana ny tanimbary ireo tantsaha any Antsirabe", [
        "Nanomboka nanomana ny tanimbariny ireo tantsaha any amin'ny faritra manodidina an'Antsirabe, satria efa nilatsaka ny orana voalohany. "
        "Maro amin'izy ireo no nilaza fa tonga aloha kokoa noho ny nandrasana ilay orana, ka nanome fanantenana azy ireo. "
        "Rakoto Jean, izay efa telopolo taona niasa tany, dia nanambara fa hamboly vary sy katsaka izy amin'ity taona ity.",
        "Hoy izy, lafo be ankehitriny ny zezika simika eny an-tsena, ka misy tantsaha maro mampiasa zezi-pahitra. "
        "Angonin'izy ireo ao anaty lavaka ny tain'omby sy ny tain'osy mandra-pahalovany, vao aparitaka eny an-tsaha alohan'ny hamafazana. "
        "Nohazavainy fa tsy mitaky vola be io fomba io, ary manampy ny tany hitahiry rano mandritra ny fotoana maharitra.",
        "Nitsidika ny tanàna ny herinandro lasa ireo mpiasan'ny minisiteran'ny fambolena mba hampianatra ny fisafidianana voa tsara. "
        "Nasehony ireo tantsaha karazam-bary vaovao mahazaka haintany, ary vokatra ao anatin'ny telo volana monja. "
        "Tanora vitsivitsy no nanambara fa hanandrana azy amin'ny ampahany kely amin'ny taniny aloha izy ireo.",
        "Na izany aza, mitaraina ireo mpamboly noho ny tsy fisian'ny lalana tsara hitondrana ny vokatra any an-tsena. "
        "Raha mafy ny orana dia tsy afaka miditra any amin'ireo vohitra maro ny fiara, ka simba ao an-tranom-bary ny entana. "
        "Nangataka tamin'ny kaominina ny filohan'ny fikambanan'ny tantsaha mba hanamboatra ny làlana mampitohy ireo tanàna amin'ny tsena lehibe.",
    ]),
    ("fahasalamana", "Nanomboka ny fanaovana vakisiny ho an'ny ankizy ny hopitaly", [
        "Nanomboka fanentanana vaovao hanaovana vakisiny ho an'ny zaza madinika ny hopitaly lehiben'i Fianarantsoa ny alatsinainy teo. "
        "Roa herinandro no haharetan'ity hetsika ity, ary hitety trano tsirairay ireo mpiasan'ny fahasalamana mba tsy hisy ankizy tavela. "
        "Nambaran'ireo dokotera fa miaro ny ankizy amin'ny kitrotro, ny paralizy ary ny kohaka lava ny vakisiny.",
        "Nilaza ny mpitsabo mpanampy iray antsoina hoe Rasoa Hanta fa reny maro no tonga tamin'ny andro voalohany. "
        "Nohazavainy fa nisy ray aman-dreny natahotra ny tsindrona taloha, nefa efa takany izao ny maha-zava-dehibe azy. "
        "Nanampy tamin'ny fanentanana ny mponina ireo filohan'ny fokontany sy ireo mpitondra fivavahana, tany am-piangonana sy tany an-tsena.",
        "Nambaran'ny dokotera mitantana ny hetsika fa tsy maintsy tehirizina amin'ny toerana mangatsiaka foana ny fanafody. "
        "Noho izany dia nividy vata fampangatsiahana vaovao mandeha amin'ny herin'ny masoandro ny hopitaly, ho an'ireo vohitra tsy misy jiro. "
        "Nampiany fa ao anatin'ny loza lehibe ny zaza tsy nahazo ny vakisiny rehetra raha misy areti-mifindra mipoaka.",
        "Ankoatra ny vakisiny, mandanja ny ankizy ihany koa ireo mpiasa ary manoro hevitra ny ray aman-dreny momba ny sakafo mahasalama. "
        "Nampirisihany ireo reny mba hampinono ny zanany mandritra ny enim-bolana voalohany. "
        "Ray aman-dreny maro no nilaza fa afa-po amin'ny fomba nikarakarana ny asa, ka maniry ny hanohizana izany isan-taona.",
    ]),
    ("toekarena", "Niakatra ny vidin'ny sakafo eny amin'ny tsenan'Analakely", [
        "Nilaza ireo mpivarotra eny amin'ny tsenan'Analakely fa niakatra be ny vidin'ny entana fihinana tao anatin'ity volana ity. "
        "Ny gony vary izay namidy iray hetsy ariary ny volana lasa dia efa mihoatra ny iray hetsy sy roa alina ankehitriny. "
        "Nanambara ireo mpividy fa tsy fantany intsony izay hamelomany ny ankohonany raha mbola miakatra ihany ny vidiny.",
        "Nambaran'ny mpivarotra tsaramaso iray, Randria Paul, fa ny fiakaran'ny vidin'ny solika no antony voalohany. "
        "Nohazavainy fa efa avo roa heny ny saran'ny fitaterana entana avy any ambanivohitra mankany an-tsena, ka voatery mampiakatra ny vidiny ny mpivarotra. "
        "Tsy faly koa izy amin'izao toe-javatra izao, satria nihena be ireo mpanjifany.",
        "Nilaza ireo manam-pahaizana momba ny toekarena fa mety hidina ny vidiny aorian'ny fijinjana, rehefa tonga eny an-tsena ny vokatra vaovao. "
        "Saingy nampitandrina izy ireo fa manampy fahasahiranana ho an'ny sahirana ny fanangonana vary an-trano mba hamidy lafo. "
        "Nangataka tamin'ny fanjakana izy ireo mba hamoaka vary avy amin'ny tahiry nasionaly hanamaivanana ny vahoaka.",
        "Etsy andaniny, nilaza ny vehivavy mpivarotra voatabia sy tongolo iray fa nihena ny vidin'ny entany tamin'ity herinandro ity. "
        "Hoy izy, fotoam-pijinjana azy ireo izao, nefa tsy maharitra ela ireo legioma ireo fa lo haingana. "
        "Nangataka izy mba hananganana trano fitehirizana mangatsiaka eny an-tsena mba tsy ho very vola intsony ireo mpamboly.",
    ]),
    ("fanabeazana", "Nosokafana ny sekoly fanabeazana fototra vaovao any Ambositra", [
        "Nosokafana tany Ambositra ny sekoly fanabeazana fototra vaovao iray izay handray mpianatra maherin'ny efajato. "
        "Manana efitra fianarana roa ambin'ny folo, tranomboky, kabone madio ary lavaka fantsakana ity sekoly ity. "
        "Nilaza ireo ray aman-dreny fa nandeha dimy kilaometatra ny zanany taloha vao tonga tany amin'ny sekoly akaiky indrindra.",
        "Nambaran'ny talen'ny sekoly, Andriamanana Lova, fa efa mpampianatra dimy ambin'ny folo no voaray hiasa. "
        "Nohazavainy fa amin'ny teny malagasy no hampianarana ny ankizy amin'ireo taona voalohany, vao ampidirina tsikelikely ny teny frantsay. "
        "Hoy izy, mahazo haingana kokoa ny lesona ny ankizy rehefa ampianarina amin'ny fitenin-dreniny.",
        "Reny iray manan-janaka telo no nilaza fa faly be izy satria afaka mianatra eo akaiky ny trano ankehitriny ireo zanany vavy. "
        "Natahotra izy taloha ny hamela azy ireo handeha irery amin'ny lalana lavitra. "
        "Nanapa-kevitra ny fikambanan'ny ray aman-dreny sy mpampianatra fa hanome sakafo antoandro mba hamporisihana ny ankizy hijanona ao an-dakilasy.",
        "Nambaran'ny tale rezionalin'ny fanabeazana fa mikasa ny hanorina sekoly toy izany any amin'ny distrika enina hafa ny fanjakana. "
        "Nangataka ny vahoaka izy mba hikarakara ireo trano ireo ary hitatitra izay fahasimbana rehetra hitany. "
        "Nampanantena ihany koa izy fa ho tonga alohan'ny fidiran'ny taom-pianarana vaovao ny seza sy ny boky.",
    ]),
    ("toetrandro", "Maminavina orana be ny sampan-draharaha misahana ny toetrandro", [
        "Namoaka vinavina ny sampan-draharaha nasionaly misahana ny toetrandro fa hisy orana be any amin'ny faritra afovoany amin'ity taona ity. "
        "Voalazan'ny tatitra fa hanomboka amin'ny tapaky ny volana novambra ny fotoanan'ny orana any amin'ny toerana sasany, ary hifarana amin'ny faran'ny volana martsa. "
        "Na izany aza, mety hisy fotoana fohy maina kely amin'ny volana janoary hoy ny sampan-draharaha.",
        "Nanoro hevitra ireo mpamboly ireo manam-pahaizana momba ny toetrandro mba hiandry ny fitsaharan'ny orana tsara vao mamafy. "
        "Hoy izy ireo, raha mamafy aloha loatra dia mety ho faty ny voa raha mijanona roa herinandro ny orana. "
        "Nanoro hevitra ihany koa izy ireo ny hampiasana voa mamoa haingana any amin'ireo faritra tsy dia maharitra ny orana.",
        "Any an-tanàn-dehibe, nampitandrina momba ny tondra-drano ny sampan-draharaha, indrindra fa any amin'ireo fokontany akaikin'ny renirano. "
        "Nambarany fa anisan'ny mahatonga tondra-drano isan-taona ny fahatsentsenan'ny lakandrano noho ny fako. "
        "Nilaza ireo mpiasan'ny sampana misahana ny loza fa efa nanomana lakana sy lay izy ireo raha ilaina.",
        "Lehilahy zokiolona iray ao amin'ny vohitr'i Betafo no nitantara fa fahiny dia fantatra tamin'ny fijerena ny vorona sy ny rivotra ny toetrandro. "
        "Hoy izy, mihaino ny vinavina amin'ny radio ny tanora ankehitriny, nefa mbola mino izy fa ilaina ireo famantarana nentim-paharazana. "
        "Manantena izy fa ho ampy ny orana nefa tsy hanimba trano sy tanimboly.",
    ]),
    ("fanatanjahantena", "Nandresy tamin'ny amboara isam-paritra ny ekipa baolina kitra", [
        "Nahazo ny amboara tamin'ny fifaninanana isam-paritra ny ekipan'ny tanora avy any Toamasina rehefa nandresy ny mpifanandrina taminy tamin'ny isa roa noho iray. "
        "Natao tao amin'ny kianja malalaky ny tanàna ny sabotsy teo ny lalao famaranana, teo anatrehan'ny mpijery an'arivony. "
        "Nihira sy nitsoka kiloloka ireo mpankafy na dia mbola tsy nanomboka aza ny lalao.",
        "Ilay mpilalao fito ambin'ny folo taona, Rabe Tiana, no nampiditra ireo baolina roa. "
        "Nampiditra ny voalohany tamin'ny loha izy tamin'ny minitra faharoapolo, ary ny faharoa kosa fotoana fohy talohan'ny fiafaran'ny lalao. "
        "Nilaza ny mpanazatra ny ekipa fa manana talenta lehibe io zatovo io, ary manantena izy fa ho hitan'ireo klioba lehibe.",
        "Nilaza ireo mpilalao fa nanao fanazaran-tena isa-maraina nandritra ny telo volana izy ireo talohan'ny fifaninanana. "
        "Nijaly izy ireo noho ny tsy fananana kiraro tsara sy akanjo fanaovana fanatanjahantena, nefa tsy kivy. "
        "Nisy mpandraharaha iray tao an-tanàna nampanantena hividy akanjo vaovao ho azy ireo ho fanomezana.",
        "Noraisin'ny ben'ny tanàna tao amin'ny biraony ny ekipa ary nankasitraka azy ireo noho ny ezaka nataony. "
        "Hoy izy, manampy ny tanora hialana amin'ny zava-mahadomelina sy ny fitondran-tena ratsy ny fanatanjahantena. "
        "Nambarany ihany koa fa hohamboarina ny kianjan'ny tanàna mba hahafahana manao fifaninanana any amin'ny ho avy.",
    ]),
    ("rano", "Nahazo rano fantsakana ireo mponina taorian'ny taona maro", [
        "Faly ireo mponin'ny fokontany Ambohimanarina rehefa nikoriana tao an-tranony ny rano fantsakana voalohany tao anatin'ny dimy taona. "
        "Taloha, nifoha maraina be ireo vehivavy sy ankizy mba hanovo rano tany amin'ny loharano lavitra. "
        "Ny sasany kosa nividy rano tamin'ireo mpitondra sarety isan'andro, tamin'ny vidiny lafo.",
        "Nambaran'ny orinasa mpamatsy rano fa namboariny ireo fantsona efa simba ary nametrahany milina vaovao mpanosika rano. "
        "Nilaza ny injeniera nitarika ny asa fa valo volana no nisasarana andro aman'alina. "
        "Hoy izy, trano maherin'ny roa arivo izao no mahazo rano madio isan'andro.",
        "Vehivavy iray manana hotely kely no nilaza fa hampihena be ny fandaniany ny fahazoana rano avy amin'ny paompy. "
        "Nohazavainy fa efa ho ny antsasaky ny tombom-barotra azony no nividianany rano fandrahoan-tsakafo sy fanasana vilia taloha. "
        "Nilaza koa izy fa tsy tara intsony any am-pianarana ny zanany noho ny fantsakana.",
        "Nambaran'ireo mpiasan'ny fahasalamana fa hanampy amin'ny fampihenana ny aretina toy ny fivalanana sy ny kolera ny rano madio. "
        "Nanoro hevitra ny mponina izy ireo mba hanarona ny fitoeran-drano sy hanasa tanana amin'ny savony. "
        "Nangataka ny mponina ny orinasa mba handoa ara-potoana ny faktiora mba hisy vola hikarakarana ireo fantsona.",
    ]),
    ("teknolojia", "Mianatra manamboatra finday ny tanora", [
        "Nanomboka nampianatra tovolahy sy tovovavy hanamboatra finday sy solosaina ny ivon-toerana fampianarana asa tanana iray any Mahajanga. "
        "Enim-bolana no haharetan'ny fiofanana, ary mianatra ny asa tanana sy ny fahalalana fototra miaraka ireo mpianatra. "
        "Tanora maherin'ny dimampolo no efa nisoratra anarana ho an'ny andiany voalohany.",
        "Anisan'ireo mpianatra i Rasoanaivo Fara, izay efa ela no naniry hanokatra fivarotana fanamboarana finday ho azy manokana. "
        "Hoy izy, efa mahay manolo efijery sy manamboatra ny toerana fampidirana herinaratra ary manala viriosy ao anaty fitaovana izy ankehitriny. "
        "Manantena izy fa hahazo findramam-bola hividianana fitaovana aorian'ny fiofanana.",
        "Nilaza ny mpampianatra fa ny ankamaroan'ny finday entina amboarina dia manana olana amin'ny bateria na nidiran-drano. "
        "Hoy izy, olona maro no manary finday nefa azo amboarina amin'ny vola kely monja. "
        "Ampianariny koa ny mpianatra ny fiarovana ny tsiambaratelon'ny mpanjifa, ka tsy tokony hijery sary na hafatra mihitsy izy ireo.",
        "Nambaran'ny talen'ny ivon-toerana fa anisan'ny olana lehibe indrindra atrehin'ny tanora eto amin'ny faritra ny tsy fananana asa. "
        "Hoy izy, manome fahafahana ny tanora hiantoka ny tenany ny asa tanana, fa tsy hiandry asam-panjakana fotsiny. "
        "Mikasa ny hanampy fiofanana momba ny fanamboarana takelaka mpamokatra herinaratra avy amin'ny masoandro amin'ny taona ho avy ny ivon-toerana.",
    ]),
]
