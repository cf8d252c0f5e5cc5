"""Igbo (ibo_Latn) pages of the sample, written for langforge (CC-BY-4.0)."""

DOMAINS = ["akukoenugu.com.ng", "olunduonitsha.ng", "ozioma-news.ng"]
UI = {"nav": ["Ụlọ", "Akụkọ", "Ndọrọ Ndọrọ", "Akụ na Ụba", "Egwuregwu", "Ahụike", "Kpọtụrụ Anyị"],
      "cookie": "Ebe nrụọrụ weebụ a na-eji kuki iji meziwanye ọrụ anyị.", "accept": "Ekwenyere m",
      "footer": ["Maka Anyị", "Iwu Nzuzo", "Mgbasa Ozi"], "rights": "Ikike niile echekwara",
      "related": "Akụkọ ndị yiri ya", "popular": "Ndị a gụrụ karịa", "comments": "Echiche ndị na-agụ",
      "comment_texts": ["Daalụ maka akụkọ a.", "Chineke ga-enyere anyị aka.", "Gọọmentị kwesịrị ilele okwu a."],
      "search": "Chọọ", "subscribe": "Debanye aha ka ị na-enweta akụkọ kwa ụbọchị"}
ARTICLES = [
    ("oru-ugbo", "Ndị ọrụ ugbo na Nsukka na-akwado maka oge udu mmiri", [
        "Ndị ọrụ ugbo nọ n'obodo dị iche iche gburugburu Nsukka amalitela ihicha ubi ha iji kwadebe maka oge ịkọ ihe n'afọ a. "
        "Ọtụtụ n'ime ha kwuru na mmiri ozuzo mbụ zoro tupu oge ha tụrụ anya ya, nke a nyekwara ha olileanya. "
        "Nna Okafor, onye rụrụ ọrụ ugbo ruo afọ iri atọ, kwuru na ya chọrọ ịkọ ji na ọka n'afọ a.",
        "O kwuru na ọnụahịa fatịlaịza adịla oke ọnụ n'ahịa, ya mere ụfọdụ ndị ọrụ ugbo ji nsị anụmanụ eme ihe. "
        "Ha na-achịkọta nsị ehi na nke ewu n'ime olulu ruo mgbe ọ rere ure, ha emesịa gbasaa ya n'ubi tupu ha akụọ ihe. "
        "Ọ kọwara na ụzọ a adịghị ọnụ, na ọ na-enyekwa ala aka ijide mmiri ogologo oge.",
        "Ndị ọrụ ngalaba na-ahụ maka ọrụ ugbo gara obodo ahụ n'izu gara aga iji kuziere ndị ọrụ ugbo otu ha ga-esi họrọ mkpụrụ dị mma. "
        "Ha gosiri ha ụdị ọka ọhụrụ nke na-anagide ụkọ mmiri, nke na-amị mkpụrụ n'ime ụbọchị iri itoolu. "
        "Ụfọdụ ndị ntorobịa kwuru na ha ga-ebu ụzọ nwalee ya n'otu akụkụ dị nta nke ubi ha.",
        "Otú ọ dị, ndị ọrụ ugbo na-eme mkpesa maka enweghị ezigbo okporo ụzọ ha ga-eji bute ihe ubi ha n'ahịa. "
        "Mgbe mmiri zoro nke ukwuu, ụgbọ ala anaghị enwe ike ịbanye n'ọtụtụ obodo, ihe ha kọrọ na-emebikwa n'ọba. "
        "Onye isi otu ndị ọrụ ugbo rịọrọ ọchịchị ime obodo ka ha rụzie okporo ụzọ jikọrọ obodo ndị ahụ na nnukwu ahịa.",
    ]),
    ("ahuike", "Ụlọ ọgwụ amalitela ịgba ụmụaka ọgwụ mgbochi", [
        "Nnukwu ụlọ ọgwụ dị n'obodo Owerri amalitela mgbasa ọhụrụ iji gbaa ụmụaka nta ọgwụ mgbochi ọrịa na Mọnde. "
        "Mmemme a ga-ewe izu abụọ, ndị ọrụ ahụike ga-agakwa n'ụlọ n'ụlọ ka a ghara ịhapụ nwatakịrị ọ bụla. "
        "Ndị dọkịta kwuru na ọgwụ mgbochi na-echebe ụmụaka pụọ n'ọrịa dịka akpata, ọrịa ngwọrọ na ụkwara ogologo.",
        "Otu nọọsụ aha ya bụ Nneka Eze kwuru na ọtụtụ nne bịara n'ụbọchị mbụ. "
        "Ọ kọwara na na mbụ, ụfọdụ nne na nna na-atụ egwu ịgba ọgwụ, mana ugbu a ha aghọtala uru ya. "
        "Ndị isi obodo na ndị ụkọchukwu nyere aka n'ịkọrọ ndị mmadụ ozi a na chọọchị na n'ahịa.",
        "Dọkịta na-eduzi mmemme a kwuru na a ga-edebe ọgwụ mgbochi n'ebe oyi mgbe niile. "
        "N'ihi ya, ụlọ ọgwụ ahụ zụtara friji ọhụrụ na-eji ike anyanwụ arụ ọrụ maka obodo ndị na-enweghị ọkụ eletrik. "
        "O kwukwara na nwatakịrị na-anatabeghị ọgwụ mgbochi ya niile nọ n'ihe ize ndụ ma ọ bụrụ na ọrịa efe efe bilie.",
        "Na mgbakwunye na ọgwụ mgbochi, ndị ọrụ ahụike na-atụkwa ibu ụmụaka ma na-adụ nne na nna ọdụ maka nri na-edozi ahụ. "
        "Ha gbara ndị nne ume ka ha nye ụmụ ha ara naanị ọnwa isii mbụ. "
        "Ọtụtụ nne na nna kwuru na obi dị ha ụtọ maka otu e si hazie ọrụ a, na ha chọrọ ka ọ na-eme kwa afọ.",
    ]),
    ("ahia", "Ọnụahịa nri arịgoola n'ahịa Ogbete", [
        "Ndị na-ere ahịa n'ahịa Ogbete dị n'Enugu kwuru na ọnụahịa nri arịgoola nke ukwuu n'ọnwa a. "
        "Akpa osikapa e rere puku naịra iri ise n'ọnwa gara aga eruola puku naịra iri isii ugbu a. "
        "Ndị na-azụ ahịa kwuru na ha amaghị otu ha ga-esi nye ezinụlọ ha nri ma ọ bụrụ na ọnụahịa ka na-arị elu.",
        "Otu onye na-ere agwa aha ya bụ Maazị Chukwuma kwuru na ọnụ mmanụ ụgbọ ala dị elu bụ isi ihe kpatara nsogbu a. "
        "Ọ kọwara na ego e ji ebute ngwaahịa site n'ugbo gaa n'ahịa amụbaala okpukpu abụọ, ya mere ndị ahịa ji bulie ọnụahịa. "
        "O kwuru na obi adịghị ya onwe ya mma n'ọnọdụ a, n'ihi na ndị ahịa ya ebelatala nke ukwuu.",
        "Ndị ọkachamara n'akụ na ụba kwuru na ọnụahịa nwere ike ịdalata mgbe owuwe ihe ubi gasịrị, mgbe ihe ọhụrụ ga-abata n'ahịa. "
        "Mana ha dọrọ aka ná ntị na ichekọ nri n'ọba ka e nwee ike ire ya oke ọnụ na-etinye ndị ogbenye n'ahụhụ karịa. "
        "Ha rịọrọ gọọmentị ka o nyere ezinụlọ ndị na-adịghị ike aka site n'enyemaka ego.",
        "N'aka nke ọzọ, otu nwanyị na-ere tomato na yabasị kwuru na ọnụahịa ngwa ya dalatara n'izu a. "
        "O kwuru na ọ bụ n'ihi na ọ bụ oge owuwe ha, mana ha anaghị anọ ogologo oge tupu ha erere ure. "
        "Ọ rịọrọ ka e wuo ebe nchekwa oyi n'ahịa ahụ ka ndị ọrụ ugbo ghara ịtụfu uru ha.",
    ]),
    ("agumakwukwo", "Ụlọ akwụkwọ praịmarị ọhụrụ emeghere ọnụ ụzọ ya n'Awka", [
        "E meghere ụlọ akwụkwọ praịmarị ọhụrụ n'obodo Awka nke ga-anabata ụmụ akwụkwọ karịrị narị anọ. "
        "Ụlọ akwụkwọ a nwere klaasị iri na abụọ, ọba akwụkwọ, ụlọ mposi dị ọcha na olulu mmiri. "
        "Ndị nne na nna kwuru na na mbụ, ụmụ ha na-eje ije kilomita ise tupu ha eruo ụlọ akwụkwọ kacha nso.",
        "Onye isi ụlọ akwụkwọ ahụ, Maazị Emeka Nwosu, kwuru na e weelarị ndị nkuzi iri na ise n'ọrụ. "
        "Ọ kọwara na a ga-eji asụsụ Igbo kuziere ụmụaka n'afọ mbụ, tupu e jiri nwayọọ nwayọọ bido Bekee. "
        "O kwuru na ụmụaka na-aghọta ihe ọmụmụ ọsịsọ ma a bido kuziere ha n'asụsụ nne ha.",
        "Otu nne nwere ụmụ atọ kwuru na obi dị ya ụtọ nke ukwuu n'ihi na ụmụ ya nwanyị nwere ike ịgụ akwụkwọ nso n'ụlọ ugbu a. "
        "O kwuru na na mbụ, ọ na-atụ egwu ịhapụ ha ka ha jee naanị ha n'ụzọ dị anya. "
        "Otu ndị nne na nna na ndị nkuzi kpebiri ịkwado nri ehihie iji gbaa ụmụaka ume ịnọ na klaasị.",
        "Kọmishọna na-ahụ maka agụmakwụkwọ na steeti ahụ kwuru na gọọmentị na-eme atụmatụ iwu ụlọ akwụkwọ ndị yiri ya n'ime obodo isii ọzọ. "
        "Ọ rịọrọ ndị obodo ka ha lekọta ụlọ ndị a ma kọọ akụkọ mmebi ọ bụla. "
        "O kwekwara nkwa na a ga-ebute oche na akwụkwọ tupu oge akwụkwọ ọhụrụ amalite.",
    ]),
    ("ihu-igwe", "Ụlọ ọrụ ihu igwe buru amụma mmiri ozuzo buru ibu", [
        "Ụlọ ọrụ mba na-ahụ maka ihu igwe ebupụtala amụma na a ga-enwe mmiri ozuzo buru ibu na steeti ndịda ọwụwa anyanwụ n'afọ a. "
        "Akụkọ ahụ kwuru na oge udu mmiri ga-amalite n'etiti ọnwa Maachị n'ebe ụfọdụ, ma kwụsị na njedebe ọnwa Ọktoba. "
        "Otú ọ dị, ụlọ ọrụ ahụ kwuru na a nwere ike inwe obere oge ụkọ mmiri n'ọnwa Ọgọstụ.",
        "Ndị ọkachamara n'ihe gbasara ihu igwe dụrụ ndị ọrụ ugbo ọdụ ka ha chere ruo mgbe mmiri zoro nke ọma tupu ha akụọ mkpụrụ. "
        "Ha kwuru na ọ bụrụ na a kụọ ya n'oge, mkpụrụ nwere ike ịnwụ ma ọ bụrụ na mmiri kwụsịrị izu abụọ. "
        "Ha dụkwara ọdụ ka e jiri mkpụrụ na-amị ngwa ngwa n'ebe mmiri anaghị anọ ogologo oge.",
        "N'obodo mepere emepe, ụlọ ọrụ ahụ dọrọ aka ná ntị gbasara idei mmiri, karịsịa n'ebe dị nso n'osimiri. "
        "O kwuru na mkpọchi ọwa mmiri site na ahịhịa na unyi so n'ihe na-akpata idei mmiri kwa afọ. "
        "Ndị ọrụ na-ahụ maka ọdachi kwuru na ha akwadola ụgbọ mmiri na ụlọ ikwu ma ọ dị mkpa.",
        "Otu agadi nwoke n'obodo Umuahia kwuru na n'oge gboo, ha na-ama ihu igwe site n'ile nnụnụ na ifufe anya. "
        "O kwuru na ndị ntorobịa taa na-ege amụma na redio, mana ya ka kwenyere na akara ndị ochie bara uru. "
        "Ọ tụrụ anya na mmiri ga-ezu, ma ọ gaghị emebi ụlọ na ubi.",
    ]),
    ("egwuregwu", "Otu egwuregwu bọọlụ obodo meriri iko steeti", [
        "Otu egwuregwu bọọlụ ụmụ okorobịa nke obodo Nnewi meriri iko asọmpi steeti mgbe ha meriri ndị mmegide ha ọnụ abụọ na otu. "
        "A gbara egwuregwu ikpeazụ n'ama egwuregwu obodo ahụ na Satọdee n'ihu ọtụtụ puku ndị na-ekiri. "
        "Ndị na-akwado ha na-abụ abụ ma na-afụ opi tupu egwuregwu amalite.",
        "Onye ọkpụ bọọlụ dị afọ iri na asaa, Chinedu Obi, bụ onye tinyere ọnụ abụọ ahụ. "
        "O ji isi tinye nke mbụ na nkeji nke iri abụọ, ma tinye nke abụọ obere oge tupu egwuregwu akwụsị. "
        "Onye nkuzi otu ahụ kwuru na nwata a nwere onyinye pụrụ iche, na ọ tụrụ anya na nnukwu otu ga-ahụ ya.",
        "Ndị egwuregwu kwuru na ha na-emega ahụ kwa ụtụtụ ruo ọnwa atọ tupu asọmpi ahụ. "
        "Ha kwuru na ha tara ahụhụ n'ihi enweghị akpụkpọ ụkwụ dị mma na uwe egwuregwu, mana ha adaghị mbà. "
        "Otu onye ọchụnta ego n'obodo ahụ kwere nkwa ịzụrụ ha uwe egwuregwu ọhụrụ dịka onyinye.",
        "Onye isi ọchịchị ime obodo nabatara ndị otu ahụ n'ọfịs ya ma too ha maka mgbalị ha. "
        "O kwuru na egwuregwu na-enyere ndị ntorobịa aka izere ọgwụ ike na omume ọjọọ ndị ọzọ. "
        "Ọ kọsakwara na a ga-arụzi ama egwuregwu obodo ka e nwee ike ime asọmpi n'ebe ahụ n'ọdịnihu.",
    ]),
    ("mmiri", "Ndị bi n'obodo nwetara mmiri pọmpụ mgbe ọtụtụ afọ gasịrị", [
        "Ọṅụ juru ndị bi na mpaghara Ogui obi mgbe mmiri pọmpụ malitere ịsọ n'ụlọ ha na nke mbụ n'ime afọ ise. "
        "Na mbụ, ụmụ nwanyị na ụmụaka na-eteta n'isi ụtụtụ iji gaa kụrụ mmiri n'olulu dị anya. "
        "Ndị ọzọ na-azụta mmiri n'aka ndị ji ụgbọ ala na-ebu ya, n'ọnụahịa dị elu kwa ụbọchị.",
        "Ụlọ ọrụ na-ahụ maka mmiri na steeti ahụ kwuru na ha rụziri ọkpọkọ ndị mebiri emebi ma tinye igwe ọhụrụ na-agbapụta mmiri. "
        "Onye injinia duziri ọrụ ahụ kwuru na o were ọnwa asatọ ha ji rụọ ọrụ ehihie na abalị. "
        "O kwuru na ugbu a, ụlọ karịrị puku abụọ na-enweta mmiri dị ọcha kwa ụbọchị.",
        "Otu nwanyị nwere ụlọ nri kwuru na inweta mmiri pọmpụ ga-ebelata ego ọ na-emefu n'azụmahịa ya nke ukwuu. "
        "O kwuru na na mbụ, ọ na-eji ihe dị ka ọkara uru ya azụta mmiri e ji esi nri na-asa efere. "
        "O kwukwara na ụmụ ya anaghịzi abịa ụlọ akwụkwọ n'oge gafere n'ihi ịkụ mmiri.",
        "Ndị ọrụ ahụike kwuru na mmiri dị ọcha ga-enyere aka belata ọrịa dịka afọ ọsịsa na kọlera na mpaghara ahụ. "
        "Ha dụrụ ndị bi ebe ahụ ọdụ ka ha na-ekpuchi ite mmiri ma na-eji ncha akwọ aka ha. "
        "Ụlọ ọrụ mmiri ahụ rịọrọ ndị mmadụ ka ha na-akwụ ụgwọ mmiri n'oge ka e nwee ego iji lekọta ọkpọkọ.",
    ]),
    ("teknuzu", "Ndị ntorobịa na-amụ ọrụ ndozi ekwentị", [
        "Otu ebe ọzụzụ aka ọrụ dị n'Aba amalitela ịkụziri ụmụ okorobịa na ụmụ agbọghọ ka e si edozi ekwentị na kọmputa. "
        "Ọzụzụ a na-ewe ọnwa isii, ụmụ akwụkwọ na-amụkwa ọrụ aka na ihe ọmụmụ ntọala n'otu oge. "
        "Ndị ntorobịa karịrị iri ise debanyere aha n'otu mbụ.",
        "Otu n'ime ụmụ akwụkwọ ahụ, Adaeze Okeke, kwuru na o teela ọ chọrọ imepe ụlọ ahịa ndozi ekwentị nke ya. "
        "O kwuru na ugbu a ọ maara ka e si agbanwe enyo ekwentị, dozie ebe a na-etinye chaja ma wepụ nje n'ime ngwaọrụ. "
        "Ọ tụrụ anya na mgbe ọzụzụ gasịrị, ọ ga-enweta mbinye ego iji zụta ngwa ọrụ.",
        "Onye nkuzi na-akụziri ha kwuru na ọtụtụ ekwentị a na-ebute maka ndozi nwere nsogbu batrị ma ọ bụ mmiri batara n'ime ya. "
        "O kwuru na ọtụtụ mmadụ na-atụfu ekwentị ma e nwere ike iji obere ego dozie ya. "
        "Ọ na-akụzikwara ha ka ha chebe ozi ndị ahịa ha, ghara ilele foto ma ọ bụ ozi ha.",
        "Onye isi ebe ọzụzụ ahụ kwuru na enweghị ọrụ bụ otu n'ime nsogbu kacha ukwuu ndị ntorobịa nọ na mpaghara ahụ na-eche ihu. "
        "O kwuru na aka ọrụ na-enye ndị ntorobịa ohere ịkwụ n'onwe ha kama ichere ọrụ gọọmentị. "
        "Ebe ọzụzụ ahụ na-eme atụmatụ itinye ọzụzụ ndozi ngwa ike anyanwụ n'afọ na-abịa.",
    ]),
]
