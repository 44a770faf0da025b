"""Word lists the extractor needs: countries and their adjectives, cities (GeoNames), titles, name parts.

Generic knowledge of the genre only (no organisation from the corpus): place names tell an organisation's
country, title words find people, Chinese surnames and Central Asian surname endings find names.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

PLACES = Path(__file__).resolve().parent / "data" / "places.tsv"

COUNTRY_WORDS = {
    "CN": "China Chinese PRC P.R.C. Sino Xinjiang Tibet Beijing Peking Shanghai Hong-Kong",
    "KZ": "Kazakhstan Kazakh Kazakhstani Qazaqstan Kazakhstan's",
    "KG": "Kyrgyzstan Kyrgyz Kirghizia Kyrgyzstan's",
    "UZ": "Uzbekistan Uzbek Uzbekistan's",
    "TJ": "Tajikistan Tajik Tadjik Tajikistan's",
    "TM": "Turkmenistan Turkmen Turkmenistan's",
    "RU": "Russia Russian",
    "MN": "Mongolia Mongolian",
    "PK": "Pakistan Pakistani",
    "AF": "Afghanistan Afghan",
    "US": "USA American",
    "GB": "British Britain",
}
COUNTRY_OF_WORD = {word.lower(): iso for iso, words in COUNTRY_WORDS.items() for word in words.split()}
COUNTRY_PHRASES = {
    "people's republic of china": "CN",
    "people’s republic of china": "CN",
    "kyrgyz republic": "KG",
    "republic of kazakhstan": "KZ",
    "republic of uzbekistan": "UZ",
    "republic of tajikistan": "TJ",
    "central asia": None,
}
COUNTRY_NAMES = {
    "China",
    "Kazakhstan",
    "Kyrgyzstan",
    "Uzbekistan",
    "Tajikistan",
    "Turkmenistan",
    "Russia",
    "Mongolia",
    "PRC",
}
NATIONALITIES = {
    "chinese",
    "kazakh",
    "kyrgyz",
    "uzbek",
    "tajik",
    "turkmen",
    "russian",
    "kazakhstani",
    "sino",
    "mongolian",
}

TITLE_WORDS = {
    "rector", "vice-rector", "prorector", "pro-rector", "president", "vice-president", "chairman",
    "chairwoman", "chair", "secretary", "secretary-general", "dean", "director", "head", "minister",
    "vice-minister", "ambassador", "consul", "consul-general", "speaker", "governor", "professor",
    "principal", "coordinator", "student", "member", "chancellor", "vice-chancellor", "provost", "mayor",
    "premier", "counsellor", "counselor", "attaché", "chief", "manager", "founder", "leader", "ceo",
    "representative", "adviser", "advisor", "lecturer", "teacher", "researcher", "academician", "deputy",
    "vice", "first", "acting", "executive", "general", "party", "officer", "envoy", "commissioner",
    "akim", "hokim", "khokim",
}  # fmt: skip
TITLE_HEADS = TITLE_WORDS - {"deputy", "vice", "first", "acting", "executive", "general", "party", "member"}
GOVERNMENT_TITLES = {"minister", "vice-minister", "ambassador", "consul", "consul-general", "speaker",
                     "governor", "mayor", "premier", "envoy", "akim", "hokim", "khokim"}  # fmt: skip
FIELD_WORDS = {
    "education", "science", "sciences", "culture", "health", "energy", "industry", "development", "innovation",
    "innovations", "technology", "technologies", "agriculture", "affairs", "economy", "economics", "finance",
    "trade", "commerce", "transport", "communications", "construction", "resources", "research", "studies",
    "engineering", "information", "digital", "secondary", "specialized", "specialised", "vocational", "labour",
    "labor", "justice", "defence", "defense", "sport", "sports", "tourism", "ecology", "environment", "water",
    "mineral", "aerospace", "investment", "investments", "planning", "youth", "policy", "relations",
    "international", "cooperation", "external", "foreign", "internal", "emergency", "situations",
}  # fmt: skip
"""Fields in the names of ministries and faculties ('Minister of Education and Science'): never a person's name."""
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "academician", "madam", "sir", "mister",
              "honorable", "honourable"}  # fmt: skip

STOP_CAPS = {
    "the", "a", "an", "on", "in", "at", "during", "from", "to", "with", "by", "for", "of", "and", "as",
    "after", "before", "also", "it", "this", "these", "that", "its", "his", "her", "their", "our", "we",
    "he", "she", "they", "today", "yesterday", "recently", "then", "afterwards", "meanwhile", "according",
    "moreover", "however", "besides", "thus", "there", "here", "within", "among", "between", "under",
    "over", "since", "until", "while", "when", "where", "which", "who", "what", "both", "each", "all",
    "other", "others", "some", "many", "such", "photo", "image", "source", "time", "news", "welcome",
    "thanking", "following", "prior", "aside", "next", "last", "via", "about", "i", "you",
    "dear", "later", "earlier", "finally", "first", "second", "lastly", "additionally", "announcement",
    "introduction", "contacts", "students", "named", "said", "says", "noted",
    "visits", "holds", "signs", "opens", "hosts", "attends", "delivers", "launches", "establishes", "meets",
    "receives", "welcomes", "celebrates", "unveils", "joins", "becomes", "wins",
    "hold", "held", "host", "hosted", "launch", "launched", "attend", "attended", "sign", "signed", "visit",
    "visited", "meet", "met", "establish", "established", "unveil", "unveiled", "celebrate", "celebrated",
}  # fmt: skip
MONTH_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip
GENERIC_MODS = {
    "standing", "academic", "party", "international", "joint", "scientific", "research", "training", "new",
    "main", "regional", "local", "key", "special", "modern", "public", "private", "executive", "organizing",
    "editorial", "admissions", "press", "general", "central", "national", "foreign", "educational",
    "higher", "state", "innovation", "innovative", "its", "this", "that", "the", "our", "their", "partner",
    "leading", "top", "major", "several", "various", "other", "all", "these", "both", "two", "three",
    "first", "second", "third", "university", "universities", "institute", "center", "centre",
}  # fmt: skip
INTERNATIONAL_ORGS = {
    "UNESCO", "UNICEF", "UNDP", "UNIDO", "UNCTAD", "WHO", "WTO", "OECD", "ASEAN", "IAEA", "IMF",
    "OSCE", "CICA", "EBRD", "ADB", "AIIB",
}  # fmt: skip
NOT_ORG_ACRONYMS = {"PRC", "USA", "UN", "IT", "AI", "CEO", "MOU", "PHD", "BRI", "STEM", "GDP", "VR", "CNC",
                    "USSR", "CIS", "RK", "KR", "UK", "EU", "TV", "ID", "LED", "DNA", "ATLAS", "OK", "II",
                    "III", "IV", "NEWS", "KZT"}  # fmt: skip

CHINESE_SURNAMES = {
    "wang",
    "li",
    "zhang",
    "liu",
    "chen",
    "yang",
    "huang",
    "zhao",
    "wu",
    "zhou",
    "xu",
    "sun",
    "ma",
    "zhu",
    "hu",
    "guo",
    "he",
    "gao",
    "lin",
    "luo",
    "zheng",
    "liang",
    "xie",
    "song",
    "tang",
    "han",
    "feng",
    "deng",
    "cao",
    "peng",
    "zeng",
    "xiao",
    "tian",
    "dong",
    "yuan",
    "pan",
    "yu",
    "jiang",
    "cai",
    "jia",
    "ding",
    "wei",
    "xue",
    "ye",
    "yan",
    "du",
    "dai",
    "xia",
    "zhong",
    "fu",
    "shen",
    "qin",
    "jin",
    "kong",
    "huai",
    "duan",
    "hong",
    "lu",
    "shi",
    "cui",
    "ren",
    "qian",
    "fan",
    "fang",
    "shao",
    "meng",
    "long",
    "wan",
    "lei",
    "qiao",
    "lai",
    "gong",
    "wen",
    "mo",
    "kang",
    "yao",
    "xi",
    "qi",
    "niu",
    "bai",
    "tan",
    "yin",
    "chang",
    "hao",
    "mao",
    "ou",
    "hou",
    "zou",
    "xiong",
    "qiu",
    "lv",
    "su",
    "ji",
    "bao",
    "gu",
    "yi",
    "ge",
    "mi",
    "zhan",
    "ning",
    "che",
    "shan",
    "sheng",
    "tao",
    "yue",
    "liao",
    "zuo",
    "cheng",
    "geng",
    "an",
    "qu",
    "nie",
    "ruan",
    "rao",
    "jiao",
    "xing",
    "weng",
    "zhuang",
    "chai",
    "chu",
    "mou",
    "lou",
    "zhai",
    "pang",
    "kou",
    "sang",
    "ling",
    "jing",
    "lan",
    "mei",
    "ni",
    "luan",
    "tong",
    "pu",
    "quan",
    "miao",
    "shu",
    "zhuo",
    "yun",
    "gou",
    "bian",
    "leng",
    "zhi",
}
PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui"
    r"|er|a|o|e|i|u|v)"
)
PINYIN_GIVEN = re.compile(rf"^(?:{PINYIN_SYLLABLE}){{1,2}}$", re.IGNORECASE)
SURNAME_ENDINGS = re.compile(
    r"(?:[oe]va?|[oe]wa|[iy]eva?|ayeva?|aeva?|iyeva?|uly|ully|kyzy|qizi|zoda|zada|zade|ovich|evich|ovna|evna|"
    r"ovych|bekov|bekova|ich)$",
    re.IGNORECASE,
)


def is_chinese_name(words: list[str]) -> bool:
    """Surname + one- or two-syllable pinyin given name ('Xu Xianyi', 'Sun Yao')."""
    if len(words) != 2 or words[0].lower() not in CHINESE_SURNAMES:
        return False
    return bool(PINYIN_GIVEN.match(words[1].replace("-", ""))) and words[1][0].isupper()


def has_surname_ending(words: list[str]) -> bool:
    """A Central Asian / Slavic surname or patronymic ending in one of the words."""
    return any(len(word) > 4 and (SURNAME_ENDINGS.search(word) or TURKMEN_SURNAME.search(word)) for word in words)


TURKMEN_SURNAME = re.compile(r"^[^\W\d_]*[ýňşçžäöü][^\W\d_]*[oe]w$", re.IGNORECASE)
"""'Çaryýew', 'Şatlykow': the Turkmen -ow/-ew ending counts in a word spelt with Turkmen letters ('Yellow' is none)."""


def country_of(text: str) -> str | None:
    """The country a name or phrase states ('Kyrgyz State...', '(Urumqi, PRC)', 'Xi'an'), if any."""
    from loaders.companies import company_country  # companies.py builds on orgs.py, which needs this module

    lowered = text.lower()
    listed = company_country(text)
    if listed and not re.search(r"\s(?:Kazakhstan|Kyrgyzstan|Uzbekistan|Tajikistan|Turkmenistan)$", text):
        return listed
    for phrase, iso in COUNTRY_PHRASES.items():
        if phrase in lowered and iso:
            return iso
    for word in re.findall(r"[\w'’.-]+", text):
        key = word.lower().strip(".")
        for candidate in (key, key.split("-")[0]):
            if candidate in COUNTRY_OF_WORD:
                return COUNTRY_OF_WORD[candidate]
        place = cities().get(word.strip(".").replace("’", "'"))
        if place:
            return place[0]
    return None


@lru_cache(maxsize=1)
def cities() -> dict[str, tuple[str, str]]:
    """GeoNames cities and provinces of the region: printed name → (country ISO, canonical name).

    Shipped in `loaders/data/places.tsv` (built by `python -m loaders.build_places`, GeoNames CC BY 4.0).
    """
    places: dict[str, tuple[str, str]] = {}
    for line in PLACES.read_text(encoding="utf-8").splitlines()[1:]:
        name, country, canonical = line.split("\t")
        if name.lower() not in STOP_CAPS:
            places[name] = (country, canonical)
    return places


def is_place(word: str) -> bool:
    """A city, province or country name, or a nationality adjective."""
    key = word.strip(".,").replace("’", "'")
    lowered = key.lower().removesuffix("'s")
    return key in cities() or lowered in COUNTRY_OF_WORD or lowered in NATIONALITIES
