"""One cast of example people: every example person in the texts is someone in data/cast.yml.

The check looks for common Finnish and Finland-Swedish first names (FIRST_NAMES), in their
inflected forms too (Oskarin, Eliaksen, Mikolta, Oskars), in docs/<lang>/**/*.md, the
exercise files and the glossary. A name that is not in the cast fails, naming the file.
Finnish titles written right before a cast name ("Ylitarkastaja Pirjo") must fit that
person's role in the cast, so one name keeps one role. Real people quoted as sources
(Otto Scharmer, Jari Hakanen ...) are listed in REFERENCE_PEOPLE. Plain file reading."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CAST = ROOT / "data" / "cast.yml"

# Common first names in both language groups. Left out on purpose: names that are also
# everyday words at the start of a sentence (Anna "give", Satu "fairy tale", Pia/"Pian"
# "soon", Kari "reef", Onni, Toivo, Tom, Per).
FIRST_NAMES = frozenset("""
Aino Aleksi Alexander Anders Anja Anne Anneli Annika Antti Anu Ari Arto Axel Camilla Ebba
Eero Eeva Eija Elias Elina Ella Elsa Emil Emilia Emma Erik Erika Esa Eva Fredrik Hanna
Hannele Harri Heidi Heikki Heli Helena Henna Henrik Hilda Ida Ilkka Ilona Isak Jaakko Jaana
Janne Jari Jarmo Jenni Jenny Joakim Johan Johanna Jonas Jouni Juha Juho Jukka Jussi Kaisa
Kalle Karin Karl Katariina Katja Kerstin Kim Kimmo Kirsi Kristian Kristiina Krista Lars
Lasse Laura Leena Liisa Linda Linnea Lotta Magnus Maija Malin Marcus Maria Marika Marja
Markku Marko Martin Mathias Matias Matti Merja Mia Mika Mikael Mikko Minna Niklas Nina
Noora Nora Oliver Olli Oona Oskar Otto Outi Paula Pekka Pertti Petra Petri Pirjo Päivi
Riikka Riitta Risto Saara Sami Sanna Sara Sari Seppo Simo Sirpa Sofia Stefan Stina Susanna
Tarja Teemu Tero Tiina Timo Tommi Tove Tuomas Tuula Ulla Ulrika Veera Ville
""".split())

# Real people named as the source of a model; their first names are not example people.
REFERENCE_PEOPLE = ("Otto Scharmer", "Graham Alexander", "Insoo Kim Berg", "Jari Hakanen")

# Endings a first name takes in running text: Finnish cases (with the linking -i- of
# Oskarin, the -kse- of Eliaksen) and clitics, Swedish genitive -s.
_ENDING = re.compile(
    r"(?:i?(?:n|a|ä|lla|llä|lle|lta|ltä|ssa|ssä|sta|stä|ksi|na|nä|ta|tä)|kse(?:n|lle|ltä|lta|ssa|sta|na)?|s|ä)?"
    r"(?:kin|kaan|kään|han|hän)?$"
)
_WORD = re.compile(r"(?<![\w-])[A-ZÅÄÖ][a-zåäö]+(?![\w-])")

# Finnish titles that, written right before a name, say the person's role.
TITLES_FI = frozenset("""
lainsäädäntöneuvos lainsäädäntösihteeri hallitussihteeri hallitusneuvos suunnittelija
ylitarkastaja erityisasiantuntija asiantuntija hallintosihteeri notaari osastosihteeri
osastopäällikkö hallintopäällikkö kansliapäällikkö päällikkö esihenkilö
""".split())

OWNED_ELSEWHERE = frozenset({
    # Exercise files another helper is editing at the same time; checked again once
    # that branch is merged (remove the names from this set then).
    "eratauko-dialogue.yml", "reading-360-report-pairs.yml",
})


def load_cast(file: Path = CAST) -> dict[str, dict[str, str]]:
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    people = data.get("people") if isinstance(data, dict) else None
    assert isinstance(people, list) and people, f"{file.name}: expected a non-empty 'people' list"
    cast: dict[str, dict[str, str]] = {}
    for i, person in enumerate(people):
        name, role = person.get("name"), person.get("role")
        assert isinstance(name, str) and name, f"{file.name}: person {i}: 'name' must be a text"
        assert name not in cast, f"{file.name}: {name} is listed twice"
        assert isinstance(role, dict) and all(isinstance(role.get(k), str) and role[k] for k in ("fi", "sv")), (
            f"{file.name}: {name}: 'role' needs a fi and an sv text"
        )
        cast[name] = role
    return cast


def _stems(name: str) -> dict[str, re.Pattern[str]]:
    """Each stem the name is written with, and the endings that stem takes."""
    stems = {name: _ENDING}
    # Consonant gradation: Mikko -> Mikon, Matti -> Matin, Lotta -> Lotan.
    weak = re.sub(r"([kpt])\1([aeiouyäö])$", r"\1\2", name)
    if weak != name:
        stems[weak] = re.compile(r"(?!$)" + _ENDING.pattern)
    if name.endswith("s"):  # Elias -> Eliaksen, Eliakselle
        stems[name[:-1]] = re.compile(r"kse(?:n|lle|ltä|lta|ssa|sta|na)(?:kin|kaan|kään)?$")
    return stems


_STEMS = {stem: (name, ending) for name in FIRST_NAMES for stem, ending in _stems(name).items()}


def base_name(word: str) -> str | None:
    """The first name a capitalised word is a form of, or None."""
    for i in range(len(word), 1, -1):
        hit = _STEMS.get(word[:i])
        if hit and hit[1].match(word[i:]):
            return hit[0]
    return None


def texts(root: Path = ROOT):
    """(source, text) for every text a reader sees, source naming the file."""
    for lang_dir in sorted(p for p in (root / "docs").iterdir() if p.is_dir()):
        for page in sorted(lang_dir.rglob("*.md")):
            yield page.relative_to(root).as_posix(), page.read_text(encoding="utf-8")
    for file in sorted((root / "exercises").glob("*.yml")):
        if not file.name.startswith("_") and file.name not in OWNED_ELSEWHERE:
            yield file.relative_to(root).as_posix(), file.read_text(encoding="utf-8")
    glossary = root / "data" / "glossary.yml"
    yield glossary.relative_to(root).as_posix(), glossary.read_text(encoding="utf-8")


def find_people(text: str):
    """(name, preceding word) for each first name in a text."""
    for person in REFERENCE_PEOPLE:
        text = re.sub(re.escape(person) + r"\w*", " ", text)
    for match in _WORD.finditer(text):
        name = base_name(match.group(0))
        if name:
            before = re.search(r"([\wåäö]+)\s+$", text[: match.start()])
            yield name, before.group(1).lower() if before else ""


def problems(cast: dict[str, dict[str, str]], root: Path = ROOT) -> list[str]:
    found = []
    for source, text in texts(root):
        for name, before in find_people(text):
            if name not in cast:
                found.append(f"{source}: {name} is not in data/cast.yml (use a name from the cast, in its role)")
            elif before in TITLES_FI and before not in cast[name]["fi"].lower():
                found.append(f"{source}: '{before} {name}' does not fit {name}'s role in data/cast.yml: {cast[name]['fi']}")
    return sorted(set(found))


def test_cast_is_well_formed():
    cast = load_cast()
    unknown = sorted(set(cast) - FIRST_NAMES)
    assert not unknown, f"data/cast.yml: add {unknown} to FIRST_NAMES in tests/test_cast.py so the check sees them"


def test_every_example_person_is_in_the_cast():
    found = problems(load_cast())
    assert not found, f"{len(found)} example name(s) outside the cast or its roles:\n" + "\n".join(found)


@pytest.mark.parametrize("word, name", [
    ("Oskarin", "Oskar"), ("Eliaksen", "Elias"), ("Mikolta", "Mikko"), ("Oskars", "Oskar"),
    ("Jarille", "Jari"), ("Ainoa", "Aino"), ("Ottaa", None), ("Ellei", None), ("Mika", "Mika"),
])
def test_inflected_forms_are_recognised(word, name):
    assert base_name(word) == name


def test_a_name_outside_the_cast_is_reported_with_its_file(tmp_path):
    (tmp_path / "docs" / "fi").mkdir(parents=True)
    (tmp_path / "exercises").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "glossary.yml").write_text("terms: []\n", encoding="utf-8")
    (tmp_path / "docs" / "fi" / "page.md").write_text(
        "Ylitarkastaja Aino puhuu Oskarin kanssa. Otto Scharmer kuvaa kuuntelua.\n", encoding="utf-8")
    cast = {"Aino": {"fi": "lainsäädäntöneuvos", "sv": "lagstiftningsråd"}}
    found = problems(cast, tmp_path)
    assert found == [
        "docs/fi/page.md: 'ylitarkastaja Aino' does not fit Aino's role in data/cast.yml: lainsäädäntöneuvos",
        "docs/fi/page.md: Oskar is not in data/cast.yml (use a name from the cast, in its role)",
    ]
