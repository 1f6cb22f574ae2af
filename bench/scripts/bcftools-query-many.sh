#!/usr/bin/env bash
# The peer of `genvag store query` over many samples: bcftools query -R on each tabix-indexed VCF.gz in DIR, THREADS
# at a time, one TSV of CHROM POS ID REF ALT QUAL FILTER and each sample's GT DP AD per VCF (removed afterwards).
#   bench/scripts/bcftools-query-many.sh REGIONS.bed DIR [THREADS]
set -euo pipefail
bed=$1
dir=$2
threads=${3:-2}
export bed
ls "$dir"/*.vcf.gz | xargs -P "$threads" -I{} sh -c \
  'bcftools query -R "$bed" -f "%CHROM\t%POS\t%ID\t%REF\t%ALT\t%QUAL\t%FILTER[\t%GT\t%DP\t%AD]\n" "$1" > "$1.rows.tsv"' _ {}
rm -f "$dir"/*.vcf.gz.rows.tsv
