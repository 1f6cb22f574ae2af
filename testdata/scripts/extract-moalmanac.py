#!/usr/bin/env python3
"""Extracts from the MOAlmanac database the FDA and EMA label indications a tumour-agnostic knowledge base is checked
against: every indication whose wording covers solid tumours as such, and every one naming MSI-H or dMMR.

    testdata/scripts/extract-moalmanac.py MOALMANAC_DB_DIR COMMIT OUT_TSV

MOALMANAC_DB_DIR is a checkout of github.com/vanallenlab/moalmanac-db (GPL-2.0); its referenced/indications.json
and referenced/documents.json are read. Rows are sorted by indication id so that a rebuild is byte-identical.
"""
import json
import re
import sys

WANTED = re.compile(r"solid tumou?rs|MSI-H|microsatellite instability|dMMR|mismatch repair", re.IGNORECASE)


def clean(text):
    return "" if text is None else " ".join(str(text).split())


def main(db, commit, out_tsv):
    with open(f"{db}/referenced/indications.json", encoding="utf-8") as f:
        indications = json.load(f)
    with open(f"{db}/referenced/documents.json", encoding="utf-8") as f:
        documents = {d["id"]: d for d in json.load(f)}
    rows = []
    for i in indications:
        doc = documents[i["document_id"]]
        agency = doc["agent_id"]
        if agency not in ("fda", "ema") or not WANTED.search(i["indication"] or ""):
            continue
        rows.append((i["id"], agency.upper(), clean(doc["drug_name_generic"]).lower(), clean(i["raw_biomarkers"]),
                     clean(i["initial_approval_date"]), clean(i.get("date_accelerated_approval")),
                     clean(i.get("date_regular_approval")), clean(doc["publication_date"]), clean(i["indication"])))
    rows.sort()
    with open(out_tsv, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"# MOAlmanac database (github.com/vanallenlab/moalmanac-db, GPL-2.0) commit {commit}: FDA and EMA\n")
        out.write("# indications naming solid tumours, MSI-H or dMMR; built by testdata/scripts/extract-moalmanac.py\n")
        out.write("id\tagency\tdrug\tbiomarkers\tinitial_approval_date\tdate_accelerated\tdate_regular\t"
                  "label_date\tindication\n")
        for row in rows:
            out.write("\t".join(row) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
