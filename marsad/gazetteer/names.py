"""Normalise place names into lookup keys, and spell the variants news uses.

Every name stored in a gazetteer and every name looked up goes through
:func:`normalise`, so "Tarṭūs", "TARTUS" and "tartus" share one key.
"""

from __future__ import annotations

from functools import lru_cache

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


@lru_cache(maxsize=65536)        # the same names come back across a report's candidates
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


# The transliteration skeleton: the last-resort key that makes "Deir Ezzor",
# "Maaret al-Numan" and "Jisr al-Shoghour" equal GeoNames' "Deir ez-Zor",
# "Ma'arrat an Nu'man" and "Jisr ash Shughur". It is filed under "#" + itself,
# for places and admin regions only, and tried only after every other key.
SKELETON_PREFIX = "#"
# Shorter skeletons match too many common words ("Packs", "About", "Drill").
MIN_SKELETON = 5
# Article particles dropped wherever they stand as a word ("deir ez zor").
SKELETON_ARTICLES = frozenset(ARTICLES + ("ed", "el", "es", "esh", "et", "ez", "ul"))
# An article glued on with its sun letter doubled: "ezzor" -> "zor", "assuwayda"
# -> "suwayda"; only in a name's later words, so "Assam" or "Essen" stay.
_GLUED_ARTICLE = re.compile(r"^[ae]([dnrstz])\1(?=[a-z]{2})")
_LATIN_KEY = re.compile(r"[a-z ]+")
# Spellings of one sound, folded in every name.
_SKELETON_PAIRS = (("dj", "j"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("ou", "u"),
                   ("oo", "u"), ("ee", "i"), ("ie", "i"))
# Vowel qualities and digraphs Arabic transliterations swap ("Maaret"/"Maarat",
# "Shoghour"/"Shughur", "Afer"/"Afar"). Folded only in names of two or more
# words: on single English words they would match 1 in 20 (measured), on
# multi-word names almost never.
_SKELETON_FOLDS = (("ei", "ay"), ("ey", "ay"), ("ai", "ay"), ("aw", "u"), ("o", "u"), ("e", "a"),
                   ("gh", "g"), ("kh", "k"), ("dh", "d"), ("th", "t"))


def skeleton(name: str) -> str | None:
    """Return the transliteration skeleton of ``name``, or None if it has none.

    Arabic articles go ("Deir ez-Zor", "Deir Ezzor" -> "deir zor"), words run
    together, letter pairs that spell one sound fold (q/k, ou/u, ee/i, dj/j,
    ph/f), multi-word names also fold vowel qualities (e/a, o/u, ei/ai/ay) and
    gh/kh/dh/th, and doubled letters go single: "Deir Ezzor" -> "dayrzur".
    Names with letters outside a-z, or skeletons under :data:`MIN_SKELETON`
    letters, have none.
    """
    return _skeleton_of_key(normalise(name))


def _skeleton_of_key(key: str) -> str | None:
    if not _LATIN_KEY.fullmatch(key):
        return None
    words = key.split(" ")
    words = [w for w in words if w not in SKELETON_ARTICLES] or words
    words = words[:1] + [_GLUED_ARTICLE.sub(r"\1", w) for w in words[1:]]
    text = "".join(words)
    for spelling, sound in _SKELETON_PAIRS:
        text = text.replace(spelling, sound)
    if len(words) > 1:
        for spelling, sound in _SKELETON_FOLDS:
            text = text.replace(spelling, sound)
    text = squeezed(text)
    return text if len(text) >= MIN_SKELETON else None


def with_skeletons(keys: set[str]) -> set[str]:
    """Return the "#"-marked skeletons of ``keys`` (normalised) that differ from their key.

    A key that is its own skeleton ("mosul") is not filed again: a skeleton
    lookup tries the plain key too (see :func:`skeleton_tries`).
    """
    return {SKELETON_PREFIX + s for k in keys if (s := _skeleton_of_key(k)) and s != k}


def skeleton_tries(key: str) -> list[str]:
    """Return the keys a skeleton lookup of ``key`` (normalised) tries.

    None, or its skeleton both plain (names that are their own skeleton) and
    "#"-marked (names whose skeleton differs from them), each also less one
    short vowel (see :func:`unvoweled`).
    """
    found = _skeleton_of_key(key)
    if not found:
        return []
    forms = [found, *unvoweled(found)]
    return [*forms, *(SKELETON_PREFIX + form for form in forms)]


# A short vowel that one transliteration writes and another leaves out ("Tabaqa"/"Tabqa",
# "Kafar"/"Kafr"): between two consonants, past the name's first syllable.
_SHORT_VOWEL = re.compile(r"(?<=[^aeiouy ][aeiou][^aeiouy ])[ae](?=[^aeiouy ])")


def unvoweled(skeleton_key: str) -> list[str]:
    """Return ``skeleton_key`` less one short vowel, for each such vowel ("tabaka" -> "tabka").

    Arabic leaves short vowels unwritten, so a name's spellings differ by one
    inserted "a" or "e"; the lookup tries them after every other key, so a
    name written with the vowel finds the place filed without it. Forms under
    :data:`MIN_SKELETON` letters are not tried.
    """
    forms = (skeleton_key[:m.start()] + skeleton_key[m.end():] for m in _SHORT_VOWEL.finditer(skeleton_key))
    return [f for f in dict.fromkeys(forms) if len(f) >= MIN_SKELETON and f != skeleton_key]


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
    # Cores first, then the original core with a leading article, then the
    # rest: the limit must cut the unlikely spellings, not "jisr ash shughur".
    swapped = sorted(cores - {core})
    ordered = [core, *swapped, *(f"{article} {core}" for article in ARTICLES),
               *(f"{article} {c}" for c in swapped for article in ARTICLES)]
    variants = [v for v in dict.fromkeys(ordered) if v != key]
    return variants[:limit]


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
