#!/usr/bin/env python3
"""Builds genvag's OncoTree table (code, parent, name, main type, tissue) from an OncoTree release JSON.

    testdata/scripts/build-oncotree-table.py TREE_JSON RELEASE OUT_TSV

TREE_JSON is a file of the cBioPortal/oncotree repository's trees/ folder (oncotree_2025_10_03.json, CC BY 4.0);
RELEASE is its name as the OncoTree API gives it (oncotree_2025_10_03). Rows are written depth-first in code order
so that a rebuild from the same release is byte-identical.
"""
import json
import sys


def main(tree_json, release, out_tsv):
    with open(tree_json, encoding="utf-8") as f:
        root = json.load(f)["TISSUE"]
    rows = []

    def walk(node, parent):
        rows.append((node["code"], parent, node["name"], node.get("mainType") or "", node.get("tissue") or ""))
        for code in sorted(node["children"]):
            walk(node["children"][code], node["code"])

    walk(root, "")
    for row in rows:
        for field in row:
            if "\t" in field or "\n" in field:
                sys.exit(f"field with a tab or newline in {row}")
    with open(out_tsv, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"# OncoTree release {release}: cBioPortal/oncotree trees/{release}.json\n")
        out.write("# Licence: CC BY 4.0 (Memorial Sloan Kettering Cancer Center, https://oncotree.mskcc.org)\n")
        out.write("# Built by testdata/scripts/build-oncotree-table.py; one row a node, parent '' for the root\n")
        out.write("code\tparent\tname\tmain_type\ttissue\n")
        for row in rows:
            out.write("\t".join(row) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
