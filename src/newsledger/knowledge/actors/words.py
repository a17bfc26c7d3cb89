"""Word lists the actor knowledge base is built from: sector names, demonyms, first names,
country names and capitals, and the words that tell a dictionary entry's kind."""

from __future__ import annotations

__all__ = [
    "AGENT_CODES",
    "CAPITAL_STOP",
    "COUNTRY_NAMES",
    "DEMONYMS",
    "EXTRA_CAPITALS",
    "FEMALE_FIRST_NAMES",
    "MALE_FIRST_NAMES",
    "NOT_PERSON_WORDS",
    "SECTOR_NAMES",
    "demonym_plurals",
    "word_set",
]

SECTOR_NAMES: dict[str, str] = {
    "GOV": "government",
    "MIL": "military",
    "COP": "police",
    "REB": "rebels",
    "INS": "insurgents",
    "OPP": "opposition",
    "MED": "media",
    "CVL": "civilians",
    "LEG": "legislature",
    "JUD": "judiciary",
    "BUS": "business",
    "EDU": "academia",
    "REL": "clergy",
    "LAB": "labour",
    "REF": "refugees",
    "SPY": "intelligence services",
    "HRI": "rights groups",
    "ELI": "elites",
    "PTY": "parties",
    "UAF": "armed group",  # CAMEO's unidentified armed force ("gunmen", an unclaimed bombing)
    "CRM": "criminals",
    "NGO": "non-governmental organisations",
}

# Demonyms (adjective and singular noun); plurals ("Iranians") are generated.
_DEMONYM_TABLE = """
AFG Afghan|ALB Albanian|DZA Algerian|USA American|AND Andorran|AGO Angolan|ARG Argentine,Argentinian
ARM Armenian|AUS Australian|AUT Austrian|AZE Azerbaijani,Azeri|BHS Bahamian|BHR Bahraini
BGD Bangladeshi|BRB Barbadian|BLR Belarusian,Belarussian|BEL Belgian|BLZ Belizean|BEN Beninese
BTN Bhutanese|BOL Bolivian|BIH Bosnian|BWA Botswanan,Motswana|BRA Brazilian|GBR British,Briton,English,Scottish,Welsh
BRN Bruneian|BGR Bulgarian|BFA Burkinabe|MMR Burmese|BDI Burundian|KHM Cambodian|CMR Cameroonian
CAN Canadian|CPV Cape Verdean|CAF Central African|TCD Chadian|CHL Chilean|CHN Chinese|COL Colombian
COM Comoran|COD Congolese|CRI Costa Rican|CIV Ivorian|HRV Croatian,Croat|CUB Cuban|CYP Cypriot
CZE Czech|DNK Danish,Dane|DJI Djiboutian|DOM Dominican|NLD Dutch|TLS Timorese|ECU Ecuadorian
EGY Egyptian|SLV Salvadoran|GNQ Equatorial Guinean|ERI Eritrean|EST Estonian|SWZ Swazi|ETH Ethiopian
FJI Fijian|FIN Finnish,Finn|FRA French|GAB Gabonese|GMB Gambian|GEO Georgian|DEU German|GHA Ghanaian
GRC Greek|GRD Grenadian|GTM Guatemalan|GIN Guinean|GNB Bissau-Guinean|GUY Guyanese|HTI Haitian
HND Honduran|HUN Hungarian|ISL Icelandic,Icelander|IND Indian|IDN Indonesian|IRN Iranian,Persian
IRQ Iraqi|IRL Irish|ISR Israeli|ITA Italian|JAM Jamaican|JPN Japanese|JOR Jordanian|KAZ Kazakh,Kazakhstani
KEN Kenyan|KIR I-Kiribati|PRK North Korean|KOR South Korean|XKX Kosovar,Kosovan|KWT Kuwaiti
KGZ Kyrgyz|LAO Laotian,Lao|LVA Latvian|LBN Lebanese|LSO Basotho|LBR Liberian|LBY Libyan
LIE Liechtensteiner|LTU Lithuanian|LUX Luxembourgish|MKD Macedonian,North Macedonian|MDG Malagasy
MWI Malawian|MYS Malaysian|MDV Maldivian|MLI Malian|MLT Maltese|MHL Marshallese|MRT Mauritanian
MUS Mauritian|MEX Mexican|FSM Micronesian|MDA Moldovan|MCO Monegasque|MNG Mongolian|MNE Montenegrin
MAR Moroccan|MOZ Mozambican|NAM Namibian|NRU Nauruan|NPL Nepali,Nepalese|NZL New Zealander
NIC Nicaraguan|NER Nigerien|NGA Nigerian|NOR Norwegian|OMN Omani|PAK Pakistani|PLW Palauan
PSE Palestinian|PAN Panamanian|PNG Papua New Guinean|PRY Paraguayan|PER Peruvian|PHL Filipino,Philippine
POL Polish,Pole|PRT Portuguese|QAT Qatari|ROU Romanian|RUS Russian|RWA Rwandan|WSM Samoan
SMR Sammarinese|STP Santomean|SAU Saudi,Saudi Arabian|SEN Senegalese|SRB Serbian,Serb|SYC Seychellois
SLE Sierra Leonean|SGP Singaporean|SVK Slovak|SVN Slovenian,Slovene|SLB Solomon Islander|SOM Somali,Somalian
ZAF South African|SSD South Sudanese|ESP Spanish,Spaniard|LKA Sri Lankan|SDN Sudanese|SUR Surinamese
SWE Swedish,Swede|CHE Swiss|SYR Syrian|TWN Taiwanese|TJK Tajik|TZA Tanzanian|THA Thai|TGO Togolese
TON Tongan|TTO Trinidadian|TUN Tunisian|TUR Turkish,Turk|TKM Turkmen|TUV Tuvaluan|UGA Ugandan
UKR Ukrainian|ARE Emirati|URY Uruguayan|UZB Uzbek|VUT Ni-Vanuatu|VEN Venezuelan|VNM Vietnamese
YEM Yemeni|ZMB Zambian|ZWE Zimbabwean|USA U.S.-based|YUG Yugoslav
"""

DEMONYMS: dict[str, str] = {
    name.strip(): cell.strip()[:3]
    for cell in _DEMONYM_TABLE.replace("\n", "|").split("|")
    if cell.strip()
    for name in cell.strip()[4:].split(",")
}


def demonym_plurals(name: str) -> list[str]:
    if name.endswith(("ese", "ss", "sh", "ch", "i", "Swiss", "s")) and not name.endswith("i"):
        return []
    if name.endswith("man"):
        return [name[:-3] + "men"]
    return [name + "s"]


# Common first names of women and men in international news (for he/she resolution); a first
# name outside both lists leaves the gender open, and the article's pronouns then decide it.
def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


FEMALE_FIRST_NAMES = word_set(
    """
    Angela Hillary Condoleezza Madeleine Nancy Kamala Ursula Christine Theresa Margaret Maryam
    Jacinda Julia Golda Indira Benazir Aung Yulia Tsai Michelle Melania Jill Laura Marine Giorgia
    Sanna Mette Kaja Annalena Liz Elizabeth Mary Anne Ann Anna Maria Marie Sarah Susan Samantha Nikki
    Linda Karen Patricia Barbara Jennifer Jessica Emily Emma Olivia Sophia Catherine Katherine Kate
    Victoria Helen Helena Elena Irina Olga Natalia Tatiana Svetlana Valentina Yekaterina Fatima Aisha
    Zainab Leila Layla Shirin Narges Nasrin Masih Zahra Farah Malala Rania Noor Huda Ilhan Alexandria
    Rashida Ayanna Nadia Sahar Roya Azadeh Mahsa Soheila Marzieh Masoumeh Fatemeh Dilma Cristina
    Benita Ellen Joyce Graca Winnie Ngozi Amina Sheila Hina Sushma Nirmala Mamata Sonia Priyanka
    Yingluck Corazon Gloria Imelda Leni Megawati Retno Federica Hanna Tzipi Ayelet Miri Carla Ruth
    Roberta Antonia Beatrix Juliana Silvia Marta Lucia Paola Rosa Carmen Isabel Dolores Loretta
    Debbie Deborah Dianne Diane Elise Kirsten Amy Tammy Tulsi Kellyanne Sarah Huma Hope Ivanka
    Chelsea Megyn Donna Janet Nikki Susana Kelly Katie Jane Joan Judith Judy Lisa Lori Martha
    Melissa Michele Nicole Pamela Rebecca Sandra Sharon Stephanie Teresa Valerie Virginia Wendy
    Betsy Carly Condi Hillary Elaine Gina Jeanne Kamala Madeline Marsha Maxine Mazie Patty Tina
    """
)
MALE_FIRST_NAMES = word_set(
    """
    Mohammad Mohammed Muhammad Ahmad Ahmed Ali Hassan Hossein Hussein Javad Abdul Abdullah Omar
    Osama Bashar Recep Vladimir Sergey Sergei Dmitry Joe Joseph Donald Barack George Bill John James
    Michael Mike Antony Anthony Benjamin Emmanuel Boris Xi Narendra Imran Nawaz Ashraf Hamid
    Zalmay Abdulghani Ebrahim Qasem Qassem Mahmoud Mahmud Ismail Yahya Khalid Khaled Salman
    Mohamed Abdel Abdelaziz Nicolas Jair Luiz Andres Gustavo Justin Olaf Rishi Keir Tony Gordon David
    Jacques Francois Charles Pedro Carlos Juan Jose Luis Miguel Hugo Fidel Raul Evo Daniel Yasser
    Ariel Ehud Shimon Yitzhak Naftali Yair Saddam Nouri Haider Mustafa Masoud Massoud Jalal
    Nechirvan Ayman Hafez Rafik Saad Michel Najib Nabih Walid Moqtada Hadi Zabihollah Zabiullah
    Zabihullah Sirajuddin Hibatullah Haibatullah Amrullah Gulbuddin Hamdullah Volodymyr Petro
    Viktor Alexander Alexei Aleksandr Alexey Yevgeny Ramzan Mikhail Nikolai Ivan Colin Kofi Tom
    Harry Dick Dennis Paul Richard Robert Peter Stephen Steven Mark Thomas Henry Edward William
    """
)


COUNTRY_NAMES: dict[str, str] = {
    "U.S.": "USA", "US": "USA", "U.S.A.": "USA", "USA": "USA", "America": "USA", "United States": "USA",
    "United States of America": "USA", "UK": "GBR", "U.K.": "GBR", "Britain": "GBR",
    "Great Britain": "GBR", "United Kingdom": "GBR", "England": "GBR", "Russia": "RUS",
    "Iran": "IRN", "Islamic Republic of Iran": "IRN", "Islamic Republic": "IRN", "Syria": "SYR",
    "North Korea": "PRK", "South Korea": "KOR", "Korea": "KOR", "Vietnam": "VNM", "Laos": "LAO",
    "Palestine": "PSE", "Palestinian territories": "PSE", "Gaza": "PSE", "West Bank": "PSE",
    "Taiwan": "TWN", "Tanzania": "TZA", "Venezuela": "VEN", "Bolivia": "BOL", "Moldova": "MDA",
    "Czech Republic": "CZE", "Ivory Coast": "CIV", "Burma": "MMR", "Myanmar": "MMR", "Turkey": "TUR",
    "Türkiye": "TUR", "Congo": "COD", "DR Congo": "COD", "DRC": "COD", "UAE": "ARE", "Holland": "NLD",
    "Vatican": "VAT", "Kosovo": "XKX",
    # states gone before pycountry's list, under CAMEO's own codes (the Phoenix files lack them)
    "Yugoslavia": "YUG", "Socialist Federal Republic of Yugoslavia": "YUG",
    "Federal Republic of Yugoslavia": "YUG", "East Germany": "DDR", "German Democratic Republic": "DDR",
}  # fmt: skip

# Capitals that double as common words or names are not read as metonyms.
CAPITAL_STOP = {
    "Male", "Victoria", "Kingston", "Hamilton", "Georgetown", "Jamestown", "Plymouth", "Douglas",
    "Stanley", "Saint John's", "The Valley", "Road Town", "Marigot", "Philipsburg", "Gustavia",
    "Flying Fish Cove", "West Island", "Adamstown", "Alofi", "Avarua", "Saint Helier", "Castries",
    "Mamoudzou", "Longyearbyen", "Saint-Pierre", "Papeete", "Nuuk", "Willemstad", "Oranjestad",
    "Hagatna", "Saipan", "Pago Pago", "Charlotte Amalie", "San Juan", "Kralendijk", "Mata-Utu", "Noumea", "Basse-Terre", "Cayenne", "Fort-de-France", "Saint-Denis", "Saint Peter Port",
}  # fmt: skip

EXTRA_CAPITALS = {"Kabul": "AFG", "Tehran": "IRN", "Washington": "USA", "Moscow": "RUS", "Beijing": "CHN"}


#: CAMEO agent (sector) codes: a dictionary code that starts with one has no country
#: ("REUTERS_ [MED]" is media of no country, not a country "MED").
AGENT_CODES = frozenset(SECTOR_NAMES) | word_set(
    "CRM HLH AGR ENV MUS CHR HIN JEW BUD REL RAD UAF DEV MOD SEP AMN IRC GRN"
)


#: Words that make a dictionary entry an organisation or a place, not a person.
NOT_PERSON_WORDS = word_set(
    """PARTY MINISTRY COUNCIL ARMY FORCE FORCES FRONT UNION COMMITTEE GOVERNMENT ASSEMBLY COURT BANK
    COMPANY CORPORATION ASSOCIATION ORGANIZATION ORGANISATION MOVEMENT LEAGUE CONGRESS PARLIAMENT
    AGENCY OFFICE DEPARTMENT COMMISSION INSTITUTE UNIVERSITY CHURCH BRIGADE BRIGADES GROUP NEWS
    SERVICE POLICE NAVY REPUBLIC STATE STATES KINGDOM ISLANDS ISLAND CITY PROVINCE REGION COUNTY
    FEDERATION ALLIANCE COALITION CENTER CENTRE FOUNDATION AUTHORITY BOARD SOCIETY TRIBE CLAN
    OF AND THE"""
)
