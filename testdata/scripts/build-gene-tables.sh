#!/usr/bin/env bash
# Builds genvag's GRCh37 and GRCh38 gene tables from Debian packages (no network beyond the Debian archive).
#
#   testdata/scripts/build-gene-tables.sh [OUT_DIR]
#
# Sources (see testdata/PROVENANCE.md for versions and licences):
#   r-bioc-tcgabiolinksgui.data  gene.location.hg19 / gene.location.hg38: Ensembl BioMart gene spans (1-based, closed)
#   r-bioc-org.hs.eg.db          org.Hs.eg.sqlite: Entrez Gene 2022-Sep12 symbols, aliases (incl. previous symbols),
#                                Entrez <-> Ensembl links
# Needs: apt-get, dpkg, Rscript (r-base-core), sqlite3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../../data/src/main/resources/org/genvag/data/genes}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

cd "$work"
apt-get download r-bioc-tcgabiolinksgui.data r-bioc-org.hs.eg.db >/dev/null
for deb in *.deb; do dpkg -x "$deb" x; done
data=x/usr/lib/R/site-library/TCGAbiolinksGUI.data/data
db=x/usr/lib/R/site-library/org.Hs.eg.db/extdata/org.Hs.eg.sqlite

# Entrez symbol, aliases and Ensembl links, as TSV for R.
sqlite3 -separator $'\t' "$db" \
  "select g.gene_id, i.symbol from genes g join gene_info i using(_id)" > symbols.tsv
sqlite3 -separator $'\t' "$db" \
  "select g.gene_id, a.alias_symbol from genes g join alias a using(_id)" > aliases.tsv
sqlite3 -separator $'\t' "$db" \
  "select g.gene_id, e.ensembl_id from genes g join ensembl e using(_id)" > ensembl.tsv

Rscript "$here/build-gene-tables.R" "$data" "$work"
for build in GRCh37 GRCh38; do
  gzip -9n < "$work/$build.genes.tsv" > "$out/$build.genes.tsv.gz"
  echo "$build: $(($(wc -l < "$work/$build.genes.tsv") - 2)) genes -> $out/$build.genes.tsv.gz"
done
