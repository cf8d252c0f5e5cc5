"""English seed documents for the translation stage, written for langforge in the
style of educational web text. Some have a heading line, a bulleted list, numbers
or a URL, so that layout preservation through translation can be tested."""

SEED_DOCS = [
    ("How plants make food",
     "Photosynthesis\n\nPlants make their own food using sunlight, water and carbon dioxide. This process is called "
     "photosynthesis, and it takes place mainly in the leaves.\n\nInside each leaf cell are tiny green structures "
     "called chloroplasts. They contain chlorophyll, the pigment that captures light energy. The plant uses this "
     "energy to turn water and carbon dioxide into sugar, and it releases oxygen into the air.\n\nThe sugar is used "
     "for growth or stored as starch in roots, seeds and fruits. Almost every food chain on Earth begins with this "
     "simple but remarkable process."),
    ("Why we wash our hands",
     "Our hands touch many surfaces every day, and they can pick up germs that cause illness. Washing hands with soap "
     "and clean water is one of the cheapest ways to prevent disease.\n\nWash your hands:\n- before cooking or eating\n"
     "- after using the toilet\n- after caring for someone who is sick\n- after touching animals\n\nRub all parts of "
     "your hands, including between the fingers and under the nails, for at least 20 seconds. Then rinse and dry "
     "them with a clean cloth."),
    ("The water cycle",
     "Water on Earth is always moving. The sun heats water in oceans, lakes and rivers, and some of it turns into "
     "vapour. This is called evaporation.\n\nAs the vapour rises, it cools and forms tiny droplets that gather as "
     "clouds. When the droplets become heavy, they fall as rain. Some rain soaks into the ground and feeds wells and "
     "springs; the rest flows back into rivers and the sea.\n\nTrees also return water to the air through their leaves. "
     "This is one reason why cutting down forests can change rainfall in a region."),
    ("Understanding fractions",
     "A fraction describes a part of a whole. In the fraction 3/4, the bottom number (the denominator) tells us "
     "the whole is divided into 4 equal parts, and the top number (the numerator) tells us we have 3 of them.\n\n"
     "To add fractions with the same denominator, add the numerators: 1/5 + 2/5 = 3/5. If the denominators are "
     "different, first rewrite the fractions so they share a common denominator. For example, 1/2 + 1/3 becomes "
     "3/6 + 2/6, which equals 5/6.\n\nFractions appear everywhere in daily life, from sharing food to reading a map scale."),
    ("Malaria and how to prevent it",
     "Malaria is a disease caused by a parasite that is spread by the bite of infected female mosquitoes. Common "
     "signs include fever, chills, headache and tiredness.\n\nPrevention works best when several methods are used "
     "together:\n- sleep under an insecticide-treated net every night\n- remove standing water around the home\n"
     "- seek testing quickly when fever starts\n\nEarly treatment saves lives, especially for young children and "
     "pregnant women. More information is available from the World Health Organization at https://www.who.int/."),
    ("Composting at home",
     "Compost is decayed plant material that makes soil richer. Farmers and gardeners can make it from waste that "
     "would otherwise be thrown away.\n\nStart with a layer of dry material such as straw or dry leaves, then add "
     "green material such as vegetable peels and fresh grass. Add a little soil or manure, which contains the "
     "microbes that break everything down. Keep the heap moist but not wet, and turn it every two weeks.\n\nAfter "
     "about three months, the compost should be dark, crumbly and smell like fresh earth."),
    ("The first printing presses",
     "Before printing, books were copied by hand, which took months and made them very expensive. In the fifteenth "
     "century, printers in Europe began using movable metal type, building on earlier inventions from China and Korea.\n\n"
     "A printer arranged individual letters into lines, covered them with ink and pressed paper onto them. Hundreds "
     "of identical copies could now be made in the time it once took to copy one.\n\nCheaper books helped more "
     "people learn to read and allowed new ideas in science and religion to spread quickly."),
    ("What is a healthy diet?",
     "A healthy diet gives the body the energy and nutrients it needs. No single food can do this alone, so variety "
     "matters.\n\nA balanced plate usually includes:\n- starchy foods such as maize, rice or cassava\n- beans, "
     "lentils, fish, eggs or meat for protein\n- plenty of vegetables and fruit\n\nLimit sugary drinks, salty snacks "
     "and fried food. Drinking clean water instead of soda is a small change that makes a big difference over time."),
    ("How vaccines work",
     "Vaccines train the immune system to recognise a germ without causing the disease. They contain a weakened or "
     "inactive part of the germ, or instructions for making a harmless piece of it.\n\nWhen the body meets the "
     "vaccine, it produces antibodies and memory cells. If the real germ appears later, the immune system responds "
     "quickly and strongly.\n\nWhen most people in a community are vaccinated, it also protects those who cannot be "
     "vaccinated, such as newborn babies. This effect is called community immunity."),
    ("Measuring rainfall",
     "A rain gauge is a simple tool for measuring how much rain has fallen. You can make one from a straight-sided "
     "plastic bottle.\n\nCut off the top of the bottle, turn it upside down and place it inside the base like a funnel. "
     "Mark a scale in millimetres on the side with a ruler. Place the gauge in an open space away from trees and "
     "buildings.\n\nCheck it at the same time every day and write down the result. After a full season, your records "
     "will show which weeks were wettest and help you plan planting dates."),
    ("Why the sky is blue",
     "Sunlight looks white, but it is made of all the colours of the rainbow. When sunlight enters the atmosphere, it "
     "hits tiny molecules of gas.\n\nThese molecules scatter short wavelengths of light, such as blue, much more than "
     "long wavelengths, such as red. The scattered blue light reaches our eyes from every direction, so the whole sky "
     "looks blue.\n\nAt sunrise and sunset, light travels through more air before reaching us. Most of the blue is "
     "scattered away, leaving the warm reds and oranges we see."),
    ("Saving money in a group",
     "Many communities run savings groups where members meet every week and each puts in a small amount of money. "
     "The group keeps careful records and lends from the pool to members who need it.\n\nBorrowers repay the loan "
     "with a small fee, which is shared among all members at the end of the cycle, usually after 12 months.\n\nThese "
     "groups help people save regularly, handle emergencies and start small businesses without needing a bank account."),
    ("The solar system",
     "The solar system is made up of the Sun and everything that travels around it. There are eight planets: Mercury, "
     "Venus, Earth, Mars, Jupiter, Saturn, Uranus and Neptune.\n\nThe four inner planets are small and rocky. The four "
     "outer planets are giants made mostly of gas and ice. Between Mars and Jupiter lies a belt of rocky asteroids.\n\n"
     "Light from the Sun takes about 8 minutes to reach Earth, but more than 4 hours to reach Neptune."),
    ("Keeping chickens healthy",
     "Healthy chickens lay more eggs and grow faster. Good care starts with a clean, dry house that has fresh air but "
     "no cold draughts.\n\nGive the birds clean water every day and a feed that includes grain, greens and a source of "
     "protein. Vaccinate against Newcastle disease, which can kill a whole flock within days.\n\nSeparate any bird "
     "that looks sick and wash your hands after handling it. Keeping a simple notebook of eggs, feed and deaths helps "
     "you spot problems early."),
    ("How to read a nutrition label",
     "Packaged foods often carry a label that lists nutrients per serving. Start by checking the serving size, "
     "because all other numbers depend on it.\n\nLook at the amounts of sugar, salt and fat. As a rough guide, a food "
     "with more than 15 g of sugar per 100 g is high in sugar.\n\nThe ingredients list is ordered by weight, from most "
     "to least. If sugar appears near the start, the product contains a lot of it."),
    ("The history of the bicycle",
     "Early bicycles of the 1800s had no pedals; riders pushed the ground with their feet. Later designs added pedals "
     "to the front wheel, which grew very large to increase speed.\n\nThe safety bicycle, with two wheels of equal "
     "size and a chain driving the back wheel, appeared in the 1880s. Air-filled tyres soon made riding far more "
     "comfortable.\n\nToday bicycles are among the most efficient forms of transport ever invented, used by millions "
     "of people to reach work, school and markets."),
    ("Soil erosion and how to stop it",
     "Soil erosion happens when wind or water carries away the top layer of soil, which is the most fertile part. "
     "Steep slopes and bare fields are most at risk.\n\nFarmers can reduce erosion by:\n- planting along the contour "
     "of a slope\n- building terraces or stone lines\n- keeping the ground covered with crops or mulch\n- planting "
     "trees and grass strips\n\nProtecting soil today keeps farms productive for the next generation."),
    ("What is an ecosystem?",
     "An ecosystem is a community of living things together with the place where they live. A pond, a forest and a "
     "coral reef are all ecosystems.\n\nEvery organism has a role. Plants capture energy from the sun, animals eat "
     "plants or other animals, and decomposers such as fungi and bacteria recycle dead matter into nutrients.\n\n"
     "Removing one species can affect many others. When wolves returned to one famous park, for example, river banks "
     "recovered because deer stopped overgrazing young trees."),
    ("Percentages in everyday life",
     "Percent means per hundred. 25% is the same as 25 out of 100, or one quarter.\n\nTo find 10% of a number, divide "
     "it by 10. To find 5%, halve that result. So 15% of 2,000 is 200 + 100 = 300.\n\nShops use percentages for "
     "discounts, banks use them for interest, and farmers use them to compare harvests from one year to the next."),
    ("Clean drinking water",
     "Unsafe water can carry germs that cause diarrhoea, cholera and typhoid. Even water that looks clear may not be safe.\n\n"
     "Boiling water for at least one minute kills most germs. Where fuel is scarce, chlorine tablets or solar "
     "disinfection in clear bottles are good alternatives.\n\nStore treated water in a covered container with a tap, "
     "so that hands and cups do not touch it."),
    ("How bees help farmers",
     "Bees visit flowers to collect nectar and pollen. As they move from flower to flower, they carry pollen that "
     "fertilises the plants, which then produce fruits and seeds.\n\nCrops such as sunflower, beans, mango and coffee "
     "give bigger harvests when bees are nearby.\n\nFarmers can protect bees by spraying pesticides only in the evening, "
     "leaving some wild flowers at field edges and keeping hives close to their crops."),
    ("The invention of writing",
     "Writing began more than 5,000 years ago in several places, including Mesopotamia, Egypt and China. The first "
     "records were often lists of goods, taxes and trade.\n\nEarly writing used pictures for words. Over time, some "
     "signs came to stand for sounds, which made it possible to write any word in a language.\n\nAlphabets, with "
     "one letter for each sound, later made reading and writing easier to learn."),
    ("Electric circuits",
     "An electric circuit is a closed path that electricity can flow around. A simple circuit has a power source such "
     "as a battery, wires, and a device such as a bulb.\n\nIf the path is broken anywhere, the current stops and the bulb "
     "goes out. A switch works by opening and closing the path.\n\nIn a series circuit, components are connected one "
     "after another. In a parallel circuit, each has its own path, so one broken bulb does not turn off the others."),
    ("Caring for your teeth",
     "Tooth decay is caused by bacteria that feed on sugar and produce acid. The acid slowly dissolves the hard "
     "surface of the tooth.\n\nBrush twice a day with fluoride toothpaste, especially before bed. Limit sweets and "
     "sugary drinks between meals.\n\nVisit a dentist once a year if you can. Small holes are easy to fill, but "
     "untreated decay can cause pain, infection and tooth loss."),
    ("Reading a map",
     "A map is a drawing of an area seen from above. Most maps show north at the top, marked with an arrow.\n\n"
     "The scale tells you how distances on the map compare with real distances. On a map with a scale of 1:50,000, "
     "1 centimetre equals 500 metres on the ground.\n\nSymbols in the key, or legend, show features such as roads, "
     "rivers, schools and health centres."),
    ("Climate and weather",
     "Weather is the state of the air at a particular time and place: hot or cold, wet or dry, calm or windy. Climate "
     "is the average pattern of weather over many years.\n\nA single cold week does not change the climate. But when "
     "temperatures rise over decades, as they have since the 1950s, scientists describe it as climate change.\n\n"
     "Farmers notice climate change through shifting rainy seasons, longer droughts and stronger storms."),
    ("Starting a small business",
     "Before starting a business, ask three questions: what will I sell, who will buy it, and how much will it cost to "
     "make or buy?\n\nWrite a simple plan with your expected costs and prices. Keep your business money separate from "
     "household money, and record every sale and expense.\n\nStart small, listen to your customers and grow step by "
     "step. Many successful companies began as a single stall in a market."),
    ("Why sleep matters",
     "Sleep is not wasted time. While we sleep, the brain sorts memories and the body repairs muscles and tissues.\n\n"
     "Children need about 9 to 12 hours of sleep, and adults about 7 to 9. Too little sleep makes it harder to "
     "concentrate and weakens the immune system.\n\nA regular bedtime, a dark room and no screens in the last hour "
     "before sleep all help."),
    ("Trees and the climate",
     "Trees take in carbon dioxide from the air and store the carbon in their wood, roots and leaves. Forests are "
     "therefore important for slowing climate change.\n\nTrees also shade the ground, protect soil from heavy rain "
     "and provide fruit, fodder, medicine and timber.\n\nWhen planting trees, choose species that suit the local soil "
     "and rainfall, and care for the seedlings during their first dry season."),
    ("Multiplying large numbers",
     "To multiply large numbers by hand, break them into parts. For example, 24 x 13 can be split into 24 x 10 and "
     "24 x 3.\n\n24 x 10 = 240 and 24 x 3 = 72, so 24 x 13 = 240 + 72 = 312.\n\nThis method works because of the "
     "distributive property of multiplication. With practice, it becomes quick enough to use for market prices and "
     "measurements without a calculator."),
    ("The human heart",
     "The heart is a muscle about the size of a fist. It pumps blood through the body around 100,000 times a day.\n\n"
     "Blood carries oxygen from the lungs to every cell and brings carbon dioxide back to be breathed out.\n\n"
     "Regular exercise, less salt, no smoking and a healthy weight keep the heart strong. High blood pressure often "
     "has no symptoms, so it is worth having it checked."),
    ("Storing grain safely",
     "After harvest, grain must be dried well before storage. Grain that is too moist can grow mould, which produces "
     "poisons that are harmful to people and animals.\n\nGood storage practice:\n- dry grain until it cracks when "
     "bitten\n- clean the store before filling it\n- use airtight bags or metal silos\n- check regularly for insects\n\n"
     "Safe storage lets families eat well through the dry season and sell when prices are higher."),
]

# Closing paragraphs, kept apart so that each document above stays readable on its own.
_CLOSINGS = {
    "Why we wash our hands": "Teach children to wash their hands by making it a habit at the same times every day. A simple tap made from a hanging container makes this easy where there is no piped water.",
    "Malaria and how to prevent it": "Communities can also work together by clearing bushes near houses and draining puddles after the rains, because mosquitoes need still water to breed.",
    "Composting at home": "A small compost heap can turn a family's kitchen waste into enough fertiliser for a vegetable garden, saving money and improving the harvest.",
    "The first printing presses": "Printing also changed how people thought about language, because printed books helped to fix common spellings and grammar across large regions.",
    "What is a healthy diet?": "Eating together as a family, at regular times, also helps children develop good habits. Small portions of many different foods are better than large portions of one.",
    "How vaccines work": "Vaccines are tested carefully before they are approved, and their safety is monitored for as long as they are in use. Side effects are usually mild, such as a sore arm.",
    "Why the sky is blue": "The same effect explains why distant mountains often look slightly blue. Scientists call it Rayleigh scattering, after the physicist who first described it in detail.",
    "Saving money in a group": "Trust is the most important ingredient. Good groups agree on clear rules at the start, elect their leaders openly and count the money in front of everyone at each meeting.",
    "The solar system": "Earth is the only planet we know that has liquid water on its surface and supports life. Scientists keep searching for signs of life on other planets and moons.",
    "Keeping chickens healthy": "Local breeds are often hardier than imported ones. They need less care, find some of their own food and resist many common diseases.",
    "How to read a nutrition label": "Comparing labels on two similar products is a quick way to choose the healthier one. Over time, these small choices add up to a better diet.",
    "The history of the bicycle": "In many countries, a bicycle can carry goods weighing as much as the rider, making it a useful tool for farmers and traders.",
    "Soil erosion and how to stop it": "Erosion is slow at first and easy to ignore, but a field can lose several centimetres of its best soil in just a few heavy storms. Acting early costs much less than repairing damage later.",
    "What is an ecosystem?": "Humans are part of ecosystems too. The food we eat, the water we drink and the air we breathe all depend on healthy natural systems.",
    "Percentages in everyday life": "Percentages also make comparisons fair. A school where 45 of 60 pupils passed (75%) did better than one where 50 of 80 passed (62.5%), even though the second school had more passes.\n\nPractise by working out discounts the next time you visit a market.",
    "Clean drinking water": "Wells should be covered and placed away from toilets and animal pens. Testing water from a new well before using it is always a good idea.\n\nWhen in doubt, treat the water. The small cost of fuel or tablets is far lower than the cost of illness.",
    "How bees help farmers": "Beekeeping can also be a business in its own right. Honey and beeswax sell well in local markets, and modern hives make harvesting easier without harming the colony.\n\nA single healthy hive can produce 10 to 20 kilograms of honey a year.",
    "The invention of writing": "Writing allowed laws, stories and knowledge to be kept for future generations. Many of the oldest texts we have are poems, letters and records of harvests.\n\nToday, more than 80% of adults in the world can read and write.",
    "Electric circuits": "Always switch off the power before touching wires, and never overload a socket with too many devices.",
    "Caring for your teeth": "Children's first teeth matter too, because they hold space for adult teeth. Healthy teeth make it easier to eat, speak clearly and smile with confidence.\n\nChanging your toothbrush every three months keeps it effective.",
    "Reading a map": "Contour lines join points of the same height. When they are close together, the ground is steep; when they are far apart, it is gentle.\n\nLearning to read maps helps with travel, farming and planning in emergencies.",
    "Climate and weather": "Keeping simple records of rain and temperature on a farm helps people see these changes for themselves. Local knowledge and scientific data work best together.",
    "Starting a small business": "Finally, treat customers with respect and deliver what you promise. In a small community, a good reputation is often the best advertisement a business can have.",
    "Why sleep matters": "Caffeine in tea, coffee and some soft drinks can stay in the body for hours, so avoid it in the evening.\n\nIf you often feel tired even after a full night's sleep, talk to a health worker.",
    "Trees and the climate": "Many communities now run tree nurseries where seedlings are raised and sold. This creates jobs and supplies schools, farms and towns with young trees.\n\nA single mature tree can provide shade for a whole family compound.",
    "Multiplying large numbers": "Another check is to estimate first: 24 x 13 is close to 25 x 13, which is 325, so an answer of 312 makes sense.",
    "The human heart": "When the heart beats, you can feel the pulse at your wrist or neck. A resting adult's heart usually beats between 60 and 100 times a minute.\n\nLearning basic first aid can help save a life when someone's heart stops.",
    "Storing grain safely": "Losses after harvest can reach 20% or more when storage is poor. Reducing these losses is one of the cheapest ways to increase the food a family has.",
}
SEED_DOCS = [(title, f"{text}\n\n{_CLOSINGS[title]}" if title in _CLOSINGS else text)
             for title, text in SEED_DOCS]
