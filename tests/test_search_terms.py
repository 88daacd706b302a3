"""Base forms for search (tools/search_terms.py): what the build puts into the index
and the table the search worker uses to find a typed word's base form."""
from __future__ import annotations

from tools.search_terms import add_base_forms, lemmatize


def index_of(*entries: tuple[str, str]) -> dict:
    docs = [{"location": f"page-{i}/", "title": title, "text": f"<p>{text}</p>"} for i, (title, text) in enumerate(entries)]
    return {"config": {"lang": ["fi"], "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}}, "docs": docs}


def vocabulary(index: dict) -> set[str]:
    return {w for doc in index["docs"] for field in ("base_title", "base_text") for w in doc[field].split()}


def test_finnish_entries_get_voikko_base_forms_and_compound_parts():
    index = index_of(
        ("Palautteen antaminen", "Anna palautetta pian. Palautekeskustelussa kuuntelet."),
        ("Palautuminen", "Palautumisesta huolehtiminen auttaa jaksamaan."),
        ("360-arviointi", "Lue 360-raportti pareittain."),
    )
    table = add_base_forms(index, "fi")
    feedback, recovery, appraisal = index["docs"]
    assert feedback["base_title"].split() == ["palaute", "antaa"]
    assert {"palaute", "palautekeskustelu", "keskustelu"} <= set(feedback["base_text"].split())
    assert "palautua" in recovery["base_title"].split() and "palaute" not in recovery["base_text"].split()
    assert {"360", "arviointi"} <= set(appraisal["base_title"].split())
    assert index["config"]["fields"]["base_title"] == {"boost": 1000.0}
    words = vocabulary(index)
    # Typed forms reach their own base form only.
    for typed, base in [("palautteen", "palaute"), ("palautetta", "palaute"), ("palautumisesta", "palautua"),
                        ("antaminen", "antaa"), ("palautuminen", "palautua")]:
        assert lemmatize(typed, table["rules"], table["forms"], words) == [base], typed


def test_stop_words_stay_out_of_the_base_form_fields():
    index = index_of(("Se on hyvä", "Hän on täällä ja se on siellä."))
    add_base_forms(index, "fi")
    assert not {"olla", "se", "hän", "ja"} & vocabulary(index)


def test_swedish_entries_get_hunspell_stems_and_compounds_keep_their_first_parts():
    index = index_of(("Bedömningssamtalet", "Övningarna och samtalet i par."))
    index["config"]["lang"] = ["sv"]
    table = add_base_forms(index, "sv")
    doc = index["docs"][0]
    assert set(doc["base_title"].split()) == {"bedömningssamtal", "samtal"}
    assert {"övning", "samtal", "par"} <= set(doc["base_text"].split())
    assert lemmatize("övningarna", table["rules"], table["forms"], vocabulary(index)) == ["övning"]


def test_every_word_form_of_the_site_gets_voikkos_base_form_from_the_table(site):
    import json

    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        doc.pop("base_title", None), doc.pop("base_text", None)
    import tools.search_terms as terms

    table = add_base_forms(index, "fi")
    words = vocabulary(index)
    forms = {w for doc in index["docs"] for w in terms.words(doc["title"]) + terms.words(doc["text"])}
    analysed = terms.ANALYSERS["fi"](forms)
    wrong = []
    for form in sorted(forms):
        # A word Voikko does not know (GROW, SBI, 360) is its own base form.
        wanted = [b for lemma in analysed.get(form) or [form] for b in terms.WORD.findall(lemma) if b in words]
        got = lemmatize(form, table["rules"], table["forms"], words)
        if (got[0] not in wanted) if got else wanted:
            wrong.append((form, got, wanted))
    assert not wrong, wrong[:20]
    # Endings learned from the site carry to forms it does not use.
    for typed, base in [("palautteista", "palaute"), ("arvioinnin", "arviointi"), ("harjoituksissa", "harjoitus")]:
        assert lemmatize(typed, table["rules"], table["forms"], words) == [base], typed


def test_the_shipped_tables_stay_small(site):
    """The worker's table comes with each index: measured 9.3 KiB gzip (fi), 1.6 (sv)."""
    import gzip
    import json

    for index_file in (site / "search" / "search_index.json", site / "sv" / "search" / "search_index.json"):
        config = json.loads(index_file.read_text(encoding="utf-8"))["config"]
        table = json.dumps(config["base_forms"], ensure_ascii=False, separators=(",", ":")).encode()
        assert len(gzip.compress(table)) < 16 * 1024, (index_file, len(table))
        assert {"base_title", "base_text"} <= set(config["fields"])
