"""Normalise place names into lookup keys, and spell the variants news uses.

Every name stored in a gazetteer and every name looked up goes through
:func:`normalise`, so "Tarṭūs", "TARTUS" and "tartus" share one key.
"""

from __future__ import annotations

import re
import unicodedata

# Latin/Greek/Cyrillic diacritics, Arabic harakat and Hebrew points: stripping
# them makes "Ţarţūs" equal "Tartus" and vocalised Arabic equal plain Arabic.
_MARKS = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
    "\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]"
)
# Letters NFKD does not decompose, and Arabic letter variants news spells
# interchangeably (hamza seats, taa marbuta, alif maqsura).
_LETTERS = str.maketrans({
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ı": "i", "ħ": "h", "þ": "th",
    "æ": "ae", "œ": "oe", "ŧ": "t",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ـ": None,
})
# Apostrophes and ayn/hamza marks vanish: "Ma'arat", "Ma`arrat", "Maarat".
_DROP = re.compile("['`´‘’‛′ʼʻʽʾʿˈ\u02bc\"“”.]")
# Hyphens, dashes, slashes and commas separate words like a space does.
_SPACE = re.compile(r"[\s\-‐‑‒–—_/,()\[\]]+")

ARTICLES = ("al", "el", "ad", "ash", "as", "ar", "at", "az", "an")
ADMIN_SUFFIXES = (
    "province", "governorate", "district", "region", "oblast", "state", "county",
)


def normalise(name: str) -> str:
    """Return the lookup key for ``name``: casefolded, unaccented, one space."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = _MARKS.sub("", text).translate(_LETTERS)
    text = _DROP.sub("", text)
    return _SPACE.sub(" ", text).strip()


_REPEATS = re.compile(r"(.)\1+")


def squeezed(key: str) -> str:
    """Return ``key`` with doubled letters single ("maarrat" -> "marat").

    Transliterations double letters at will (Raqqa/Raqa, Maarrat/Maarat); a
    key that changes is filed again under "~" + its squeezed form.
    """
    return _REPEATS.sub(r"\1", key)


def with_squeezed(keys: set[str]) -> set[str]:
    """Return ``keys`` plus the "~"-marked squeezed form of those with doubles."""
    return keys | {"~" + squeezed(k) for k in keys if squeezed(k) != k}


def squeezed_tries(key: str) -> list[str]:
    """Return the keys a squeezed lookup of ``key`` and its article variants tries."""
    forms = {squeezed(k) for k in [key, *article_variants(key)]}
    return sorted(forms | {"~" + form for form in forms})


def strip_article(key: str) -> str:
    """Return ``key`` without a leading Arabic article ("al qusayr" -> "qusayr")."""
    head, _, rest = key.partition(" ")
    return rest if rest and head in ARTICLES else key


def article_variants(key: str, limit: int = 60) -> list[str]:
    """Return other spellings of ``key`` that differ only in Arabic articles.

    A leading article may be dropped, added or swapped ("el bab", "bab",
    "al bab"); an inner one may be swapped ("maarat al numan" ->
    "maarat an numan"), because transliterations assimilate it differently.
    """
    core = strip_article(key)
    words = core.split(" ")
    inner = [i for i, word in enumerate(words) if word in ARTICLES and 0 < i < len(words) - 1]
    cores = {core}
    for i in inner[:2]:
        cores |= {_swap_word(c, i, article) for c in cores for article in ARTICLES}
    variants = set(cores)
    variants |= {f"{article} {c}" for c in cores for article in ARTICLES}
    variants.discard(key)
    return sorted(variants)[:limit]


def _swap_word(text: str, index: int, word: str) -> str:
    words = text.split(" ")
    words[index] = word
    return " ".join(words)


def split_admin_suffix(key: str) -> str | None:
    """Return ``key`` less a trailing admin word ("idlib governorate" -> "idlib")."""
    head, _, last = key.rpartition(" ")
    return head if head and last in ADMIN_SUFFIXES else None


def admin_keys(name: str) -> set[str]:
    """Return the keys an admin region called ``name`` answers to.

    Its name, and its name without an admin word or an administrative prefix:
    "Idlib Governorate" -> "idlib", "Muhafazat Kirkuk" -> "kirkuk".
    """
    key = normalise(name)
    keys = {key}
    core = split_admin_suffix(key)
    if core:
        keys.add(core)
    for prefix in _ADMIN_PREFIXES:
        if key.startswith(prefix + " ") and len(key) > len(prefix) + 1:
            keys.add(key[len(prefix) + 1:])
    return {k for k in keys if k}


# Arabic, Persian and English words that prefix some GeoNames admin1 names.
_ADMIN_PREFIXES = (
    "muhafazat", "muhafazah", "wilayat e", "wilayat", "velayat e", "ostan e",
    "mayorality of", "province of", "state of",
)


def display_admin_name(name: str) -> str:
    """Return an admin1 name without decorations news never writes.

    "Muhafazat Kirkuk" -> "Kirkuk", "Basra Governorate" -> "Basra",
    "Mayorality of Baghdad" -> "Baghdad"; names with nothing to strip are kept.
    """
    text = name.strip()
    for prefix in ("Muhafazat ", "Muhafazah ", "Wilayat-e ", "Velayat-e ", "Ostan-e ",
                   "Mayorality of "):
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix):]
            text = text[:1].upper() + text[1:]
    if text.endswith(" Governorate"):
        text = text[: -len(" Governorate")]
    return text
