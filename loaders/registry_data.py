"""Where the shipped registry lives, and the country words the downloaded sources do not carry."""

from __future__ import annotations

from pathlib import Path

REGISTRY_PATH = Path(__file__).resolve().parent / "data" / "registry.json.gz"

COUNTRY_WORDS: dict[str, tuple[str, ...]] = {
    "KZ": (
        "Kazakhstan",
        "Republic of Kazakhstan",
        "Kazakh",
        "Kazakhstani",
        "Kazakhs",
        "Qazaqstan",
        "Kazakstan",
        "Казахстан",
        "Қазақстан",
    ),
    "KG": (
        "Kyrgyzstan",
        "Kyrgyz Republic",
        "Kyrgyz",
        "Kyrgyzstani",
        "Kirghiz",
        "Kirgizia",
        "Kirghizia",
        "Кыргызстан",
        "Киргизия",
    ),
    "UZ": ("Uzbekistan", "Republic of Uzbekistan", "Uzbek", "Uzbekistani", "Uzbeks", "O'zbekiston", "Узбекистан"),
    "TJ": ("Tajikistan", "Republic of Tajikistan", "Tajik", "Tajikistani", "Tadjik", "Tojikiston", "Таджикистан"),
    "TM": ("Turkmenistan", "Turkmen", "Turkmenistani", "Turkmenia", "Туркменистан"),
    "CN": ("China", "PRC", "People's Republic of China", "Chinese", "Sino", "Mainland China", "Китай", "中国"),
    "RU": ("Russia", "Russian Federation", "Russian", "Россия"),
    "HK": ("Hong Kong", "Hong Kong SAR"),
    "MO": ("Macao", "Macau"),
    "MN": ("Mongolia", "Mongolian"),
    "AF": ("Afghanistan", "Afghan"),
    "PK": ("Pakistan", "Pakistani"),
    "IR": ("Iran", "Iranian"),
    "IN": ("India", "Indian"),
    "JP": ("Japan", "Japanese"),
    "KR": ("South Korea", "Republic of Korea", "Korean"),
    "TW": ("Taiwan", "Taiwanese"),
}
"""Adjectives and demonyms (and native spellings) for countries; names also come from Natural Earth."""
